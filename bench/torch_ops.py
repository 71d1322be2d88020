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

S = 1 << 24
F = 4.0


def workloads():
    s = S * F
    mk = lambda *shape: torch.rand(*shape) * 2 - 1
    return [
        ("add_16M", [mk(S), mk(S)], lambda a, b: a + b, False, 3 * s, 0),
        ("exp_16M", [mk(S)], torch.exp, False, 2 * s, 0),
        ("sum_rows_4096x4096", [mk(4096, 4096)], lambda x: x.sum(1), False, s, 0),
        ("amax_rows_4096x4096", [mk(4096, 4096)], lambda x: x.amax(1), False, s, 0),
        ("softmax_W2_64x128x128", [mk(64, 128, 128)], lambda x: torch.softmax(x, 2), False,
         2 * 64 * 128 * 128 * F, 0),
        ("softmax_W2_64x128x128_fwd_bwd", [mk(64, 128, 128)], lambda x: torch.softmax(x, 2),
         True, 0, 0),
        ("matmul_1024", [mk(1024, 1024), mk(1024, 1024)], torch.matmul, False, 0,
         2.0 * 1024 ** 3),
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
