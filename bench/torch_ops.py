#!/usr/bin/python3
"""PyTorch's side of the op throughput benchmarks (bench/ops.cpp has dlc's).

Same workload names and shapes as bench/OpWorkloads.h; one JSON line per
workload: name, torch_ms (median of --iters after 3 warm-ups), torch_min_ms,
torch_max_ms, torch_gbs or torch_gflops.
Run through bench/run.sh ops (it selects OpenMP OpenBLAS and the threads).
"""
import argparse
import json
import time

import torch
import torch.nn.functional as F_

S = 1 << 24
F = 4.0


def recurrent_w3(name, cell, layers, bidirectional, backward):
    """W3: nn.LSTM / nn.GRU(256, 256) on (35, 32, 256), every parameter an
    input (as dlc's recurrentW3 in bench/OpWorkloads.h); the output is y."""
    cls = torch.nn.GRU if cell == "gru" else torch.nn.LSTM
    m = cls(256, 256, num_layers=layers, bidirectional=bidirectional)
    flat = [p.detach().clone() for p in m.parameters()]
    vf = torch._VF.gru if cell == "gru" else torch._VF.lstm
    D = 2 if bidirectional else 1

    def fn(x, *params):
        h0 = torch.zeros(layers * D, 32, 256)
        hx = h0 if cell == "gru" else (h0, h0)
        return vf(x, hx, list(params), True, layers, 0.0, True, bidirectional, False)[0]
    return (name, [torch.rand(35, 32, 256) * 2 - 1] + flat, fn, backward, 0, 0)


def workloads():
    s = S * F
    mk = lambda *shape: torch.rand(*shape) * 2 - 1
    rm, rv = torch.zeros(64), torch.ones(64)
    return [
        ("add_16M", [mk(S), mk(S)], lambda a, b: a + b, False, 3 * s, 0),
        ("exp_16M", [mk(S)], torch.exp, False, 2 * s, 0),
        ("gelu_16M", [mk(S)], torch.nn.functional.gelu, False, 2 * s, 0),
        ("gelu_tanh_16M", [mk(S)], lambda x: torch.nn.functional.gelu(x, approximate="tanh"),
         False, 2 * s, 0),
        ("sum_rows_4096x4096", [mk(4096, 4096)], lambda x: x.sum(1), False, s, 0),
        ("amax_rows_4096x4096", [mk(4096, 4096)], lambda x: x.amax(1), False, s, 0),
        ("softmax_W2_64x128x128", [mk(64, 128, 128)], lambda x: torch.softmax(x, 2), False,
         2 * 64 * 128 * 128 * F, 0),
        ("softmax_W2_64x128x128_fwd_bwd", [mk(64, 128, 128)], lambda x: torch.softmax(x, 2),
         True, 0, 0),
        ("logsumexp_rows_4096x4096", [mk(4096, 4096)], lambda x: torch.logsumexp(x, 1), False,
         s, 0),
        ("layer_norm_W2_1024x512", [mk(1024, 512), mk(512), mk(512)],
         lambda x, w, b: F_.layer_norm(x, (512,), w, b), False, 2 * 1024 * 512 * F, 0),
        ("layer_norm_W2_1024x512_fwd_bwd", [mk(1024, 512), mk(512), mk(512)],
         lambda x, w, b: F_.layer_norm(x, (512,), w, b), True, 0, 0),
        # The running statistics are buffers (updated in place), not inputs.
        ("batch_norm_train_W5_64x64x48x48", [mk(64, 64, 48, 48), mk(64), mk(64)],
         lambda x, w, b: F_.batch_norm(x, rm, rv, w, b, True), False, 2 * 64 * 64 * 48 * 48 * F, 0),
        ("batch_norm_train_W5_64x64x48x48_fwd_bwd", [mk(64, 64, 48, 48), mk(64), mk(64)],
         lambda x, w, b: F_.batch_norm(x, rm, rv, w, b, True), True, 0, 0),
        ("matmul_1024", [mk(1024, 1024), mk(1024, 1024)], torch.matmul, False, 0,
         2.0 * 1024 ** 3),
        ("mean_rows_4096x4096", [mk(4096, 4096)], lambda x: x.mean(1), False, s, 0),
        ("bmm_W2_scores", [mk(64, 128, 64), mk(64, 128, 64)],
         lambda q, k: torch.bmm(q, k.transpose(1, 2)), False, 0, 2.0 * 64 * 128 * 128 * 64),
        ("bmm_W2_context", [mk(64, 128, 128), mk(64, 128, 64)], torch.bmm, False, 0,
         2.0 * 64 * 128 * 128 * 64),
        ("dropout_train_16M", [mk(S)], lambda x: F_.dropout(x, 0.5, True), False, 2 * s, 0),
        ("cross_entropy_4096x1000", [mk(4096, 1000), torch.randint(0, 1000, (4096,))],
         F_.cross_entropy, False, 4096 * 1000 * F, 0),
        recurrent_w3("lstm_W3_2x256_T35_B32", "lstm", 2, False, False),
        recurrent_w3("lstm_W3_2x256_T35_B32_fwd_bwd", "lstm", 2, False, True),
        recurrent_w3("gru_W3_2x256_T35_B32_fwd_bwd", "gru", 2, False, True),
        recurrent_w3("bilstm_W3_1x256_T35_B32_fwd_bwd", "lstm", 1, True, True),
    ]


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
    ap.add_argument("--filter", default="")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    for name, inputs, fn, backward, nbytes, flops in workloads():
        if args.filter not in name:
            continue
        if backward:
            leaves = [x.clone().requires_grad_(True) for x in inputs]
            r = torch.rand_like(fn(*leaves))

            def step():
                for x in leaves:
                    x.grad = None
                (fn(*leaves) * r).sum().backward()
        else:
            def step():
                with torch.no_grad():
                    fn(*inputs)
        med, lo, hi = time_it(step, args.iters)
        row = {"name": name, "torch_ms": round(med, 4), "torch_min_ms": round(lo, 4),
               "torch_max_ms": round(hi, 4)}
        if nbytes:
            row["torch_gbs"] = round(nbytes / med / 1e6, 2)
        if flops:
            row["torch_gflops"] = round(flops / med / 1e6, 1)
        print(json.dumps(row), flush=True)


if __name__ == "__main__":
    main()
