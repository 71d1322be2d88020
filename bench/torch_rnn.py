#!/usr/bin/python3
"""PyTorch's side of the W3 recurrent-layer benchmarks (bench/rnn_kernels.cpp has dlc's).

Same names and shapes: seq 35, batch 32, input 256, hidden 256; nn.LSTM with 2
layers, nn.GRU with 1, a 1-layer bidirectional nn.LSTM. "_fwd_infer" runs under
no_grad, "_fwd" with autograd recording (what a training step's forward costs),
"_fwd_bwd" adds (y * R).sum().backward() with x, h0 (and c0) requiring grad.
One JSON line per workload: name, torch_ms (median of --iters after 3
warm-ups), torch_min_ms, torch_max_ms. Run through bench/run.sh rnn.
"""
import argparse
import json
import time

import torch

T, B, F, H = 35, 32, 256, 256


def time_it(fn, iters):
    for _ in range(3):
        fn()
    ms = []
    for _ in range(iters):
        t0 = time.perf_counter()
        fn()
        ms.append((time.perf_counter() - t0) * 1e3)
    ms.sort()
    return ms[len(ms) // 2], ms[0], ms[-1]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--iters", type=int, default=20)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    workloads = [
        ("W3_lstm2", torch.nn.LSTM(F, H, num_layers=2), 2, True),
        ("W3_gru1", torch.nn.GRU(F, H, num_layers=1), 1, False),
        ("W3_bilstm1", torch.nn.LSTM(F, H, num_layers=1, bidirectional=True), 2, True),
    ]
    for name, layer, states, lstm in workloads:
        x = (torch.rand(T, B, F) * 2 - 1).requires_grad_(True)
        h0 = (torch.rand(states, B, H) * 2 - 1).requires_grad_(True)
        c0 = (torch.rand(states, B, H) * 2 - 1).requires_grad_(True)
        hx = (h0, c0) if lstm else h0
        r = torch.rand_like(layer(x, hx)[0])

        def infer():
            with torch.no_grad():
                layer(x, hx)

        def fwd():
            layer(x, hx)

        def fwd_bwd():
            for t in [x, h0, c0, *layer.parameters()]:
                t.grad = None
            (layer(x, hx)[0] * r).sum().backward()

        for suffix, fn in (("_fwd_infer", infer), ("_fwd", fwd), ("_fwd_bwd", fwd_bwd)):
            med, lo, hi = time_it(fn, args.iters)
            print(json.dumps({"name": name + suffix, "torch_ms": round(med, 4),
                              "torch_min_ms": round(lo, 4), "torch_max_ms": round(hi, 4)}),
                  flush=True)


if __name__ == "__main__":
    main()
