#!/usr/bin/python3
"""PyTorch references for dlc's hand-written recurrent layers
(frontend/nn/ScratchRecurrent.h): nn.RNN (tanh, relu), nn.GRU and nn.LSTM,
1 or 2 layers, one or two directions, run with the case's inputs as their
parameters (set as the module's flat weight list). Each case's inputs are
x (T, B, F), h0 (L*D, B, H)[, c0], then every parameter in PyTorch's order
(weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0, the _reverse ones, layer
1...); its output is cat(y.flatten(), hn.flatten()[, cn.flatten()]), so the
gradients cover the outputs, the final states and every parameter.
Writes test/fixtures/oracle/scratch_recurrent/, checked by
test/unit/compiler/ScratchRecurrentTest.cpp.
Run: /usr/bin/python3 test/oracle/scratch_recurrent.py
"""
import torch
from torch import nn

from oracle import Family

T, B, F, H = 3, 2, 4, 5

# name, module class, extra kwargs, layers, bidirectional[, precision]
CASES = [
    ("rnn_tanh", nn.RNN, {}, 1, False),
    ("rnn_relu_2layer", nn.RNN, {"nonlinearity": "relu"}, 2, False),
    ("gru", nn.GRU, {}, 1, False),
    ("gru_bidirectional", nn.GRU, {}, 1, True),
    ("lstm", nn.LSTM, {}, 1, False),
    ("lstm_2layer_bidirectional", nn.LSTM, {}, 2, True),
    ("rnn_relu_2layer_f64", nn.RNN, {"nonlinearity": "relu"}, 2, False, "f64"),
    ("lstm_2layer_bidirectional_f64", nn.LSTM, {}, 2, True, "f64"),
]


def main():
    f = Family("scratch_recurrent", seed=9)
    for name, cls, kwargs, layers, bidir, *precision in CASES:
        precision = precision[0] if precision else "f32"
        m = cls(F, H, num_layers=layers, bidirectional=bidir, **kwargs).double()
        names = [n for n, _ in m.named_parameters()]
        D = 2 if bidir else 1
        lstm = cls is nn.LSTM
        states = 2 if lstm else 1
        inputs = [f.randn(T, B, F, precision=precision)]
        inputs += [f.randn(layers * D, B, H, scale=0.5, precision=precision) for _ in range(states)]
        inputs += [f.uniform(p.shape, -0.5, 0.5, precision) for _, p in m.named_parameters()]

        def fn(x, *rest, m=m, names=names, states=states, lstm=lstm):
            # The module's forward reads its flat weight list: the inputs
            # stand in for the parameters there (functional_call in 1.13
            # does not update that list).
            assert len(rest) - states == len(names)
            m._flat_weights = list(rest[states:])
            state = (rest[0], rest[1]) if lstm else rest[0]
            y, s = m(x, state)
            parts = [y.flatten()] + ([s[0].flatten(), s[1].flatten()] if lstm else [s.flatten()])
            return torch.cat(parts)

        f.case(name, fn, inputs, precision=precision)
    f.done()


if __name__ == "__main__":
    main()
