#!/usr/bin/python3
"""PyTorch references for the Recurrent family (nn.RNN, nn.GRU, nn.LSTM
layers): test/fixtures/oracle/recurrent/, checked by
test/unit/compiler/RecurrentOpsTest.cpp. Run: /usr/bin/python3 test/oracle/recurrent.py

Each case's inputs are x, then h0 (and c0 for LSTM) when given, then every
parameter in named_parameters() order (weight_ih_l0, weight_hh_l0,
bias_ih_l0, bias_hh_l0, the _reverse ones, then layer 1 ...). The output is
cat(y.flatten(), hn.flatten()[, cn.flatten()]), so the cotangent w makes the
loss sum(y·w1) + sum(hn·w2) [+ sum(cn·w3)] and the gradients are those of
every input and parameter.
"""
import torch

from oracle import Family

MODULES = {"rnn_tanh": (torch.nn.RNN, {"nonlinearity": "tanh"}),
           "rnn_relu": (torch.nn.RNN, {"nonlinearity": "relu"}),
           "gru": (torch.nn.GRU, {}),
           "lstm": (torch.nn.LSTM, {})}


def add_case(f, name, cell, T=5, B=3, F=4, H=6, layers=1, bidirectional=False,
             batch_first=False, states=False, bias=True):
    cls, extra = MODULES[cell]
    m = cls(F, H, num_layers=layers, bidirectional=bidirectional, batch_first=batch_first,
            bias=bias, **extra).double()
    D = 2 if bidirectional else 1
    names = [n for n, _ in m.named_parameters()]
    k = 1.0 / H ** 0.5
    params = [f.uniform(tuple(p.shape), -k, k) for _, p in m.named_parameters()]
    x = f.randn(*((B, T, F) if batch_first else (T, B, F)))
    inputs = [x]
    lstm = cell == "lstm"
    if states:
        inputs.append(f.randn(layers * D, B, H, scale=0.5))
        if lstm:
            inputs.append(f.randn(layers * D, B, H, scale=0.5))
    n_states = len(inputs)

    def fn(*args):
        # torch._VF is what nn.RNN/GRU/LSTM.forward calls, with the flat
        # parameter list in named_parameters() order (functional_call does not
        # reach an RNN's cached _flat_weights in torch 1.13).
        x = args[0]
        B_ = x.shape[0] if batch_first else x.shape[1]
        zeros = torch.zeros(layers * D, B_, H, dtype=torch.float64)
        h0 = args[1] if states else zeros
        flat = list(args[n_states:])
        common = (flat, bias, layers, 0.0, True, bidirectional, batch_first)
        if lstm:
            c0 = args[2] if states else zeros
            y, hn, cn = torch._VF.lstm(x, (h0, c0), *common)
            parts = [y, hn, cn]
        elif cell == "gru":
            y, hn = torch._VF.gru(x, h0, *common)
            parts = [y, hn]
        else:
            y, hn = getattr(torch._VF, cell)(x, h0, *common)
            parts = [y, hn]
        # The same through the module, as a check of the flat order.
        with torch.no_grad():
            for (n, p), v in zip(m.named_parameters(), flat):
                p.copy_(v)
            ref = m(x, ((h0, c0) if lstm else h0) if states else None)
            ref_parts = [ref[0]] + (list(ref[1]) if lstm else [ref[1]])
            for a, b in zip(parts, ref_parts):
                assert torch.allclose(a, b, rtol=1e-12, atol=1e-12), name
        return torch.cat([t.flatten() for t in parts])

    f.case(name, fn, inputs + params)


def main():
    f = Family("recurrent", seed=9)
    for cell in ["rnn_tanh", "rnn_relu", "gru", "lstm"]:
        add_case(f, f"{cell}_1layer", cell)
        add_case(f, f"{cell}_1layer_states", cell, states=True)
        add_case(f, f"{cell}_2layers_bidirectional", cell, layers=2, bidirectional=True)
        add_case(f, f"{cell}_2layers_bidirectional_states", cell, layers=2, bidirectional=True,
                 states=True)
    add_case(f, "rnn_tanh_batch_first_states", "rnn_tanh", batch_first=True, states=True)
    add_case(f, "gru_bidirectional_batch_first", "gru", bidirectional=True, batch_first=True)
    add_case(f, "lstm_2layers_batch_first_states", "lstm", layers=2, batch_first=True,
             states=True)
    add_case(f, "lstm_no_bias", "lstm", bias=False, states=True)
    add_case(f, "gru_no_bias_bidirectional", "gru", bias=False, bidirectional=True)
    add_case(f, "lstm_3layers_wide", "lstm", T=7, B=2, F=9, H=5, layers=3)
    add_case(f, "gru_single_step_single_batch", "gru", T=1, B=1, F=3, H=4, states=True)
    f.done()


if __name__ == "__main__":
    main()
