#!/usr/bin/python3
"""PyTorch reference for workload W1: one LeNet-5 training step.

d2l's LeNet on a 256 x 1 x 28 x 28 batch of random data: forward,
cross-entropy, backward and an SGD update (lr 0.9), timed after a warm-up.
Prints one JSON line:
  {"name": "W1_lenet_train_step", "threads": T, "torch_ms": median,
   "torch_min_ms": ..., "torch_max_ms": ...}

Run with Debian's OpenMP OpenBLAS selected, or matmuls use the reference BLAS
and the numbers mean nothing (see docs/benchmarks.md):
  LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp OMP_NUM_THREADS=2 \
    /usr/bin/python3 bench/torch_lenet.py --threads 2
"""
import argparse
import json
import os
import statistics
import sys
import time


def lenet(nn):
    # Shapes per example: 1x28x28 -> 6x28x28 -> 6x14x14 -> 16x10x10
    # -> 16x5x5 -> 400 -> 120 -> 84 -> 10.
    return nn.Sequential(
        nn.Conv2d(1, 6, kernel_size=5, padding=2), nn.Sigmoid(),
        nn.AvgPool2d(kernel_size=2, stride=2),
        nn.Conv2d(6, 16, kernel_size=5), nn.Sigmoid(),
        nn.AvgPool2d(kernel_size=2, stride=2),
        nn.Flatten(),
        nn.Linear(16 * 5 * 5, 120), nn.Sigmoid(),
        nn.Linear(120, 84), nn.Sigmoid(),
        nn.Linear(84, 10))


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--iters", type=int, default=20, help="timed steps (>= 10)")
    p.add_argument("--warmup", type=int, default=5, help="untimed steps (>= 3)")
    p.add_argument("--batch", type=int, default=256)
    p.add_argument("--seed", type=int, default=0)
    args = p.parse_args()
    if args.iters < 10 or args.warmup < 3:
        p.error("docs/benchmarks.md asks for >= 3 warm-up and >= 10 timed steps")

    # Must be set before torch initialises OpenMP.
    os.environ.setdefault("OMP_NUM_THREADS", str(args.threads))
    if "openblas-openmp" not in os.environ.get("LD_LIBRARY_PATH", ""):
        print("torch_lenet.py: warning: LD_LIBRARY_PATH does not select "
              "/usr/lib/x86_64-linux-gnu/openblas-openmp; matmuls may use the "
              "reference BLAS", file=sys.stderr)

    import torch
    from torch import nn

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)

    net = lenet(nn)
    # d2l initialises with Xavier-uniform; the timing does not depend on it,
    # but keeping it makes the loss trajectory match d2l's.
    for m in net:
        if isinstance(m, (nn.Linear, nn.Conv2d)):
            nn.init.xavier_uniform_(m.weight)
    loss_fn = nn.CrossEntropyLoss()
    opt = torch.optim.SGD(net.parameters(), lr=0.9)
    x = torch.rand(args.batch, 1, 28, 28)
    y = torch.randint(0, 10, (args.batch,))

    def step():
        opt.zero_grad()
        loss = loss_fn(net(x), y)
        loss.backward()
        opt.step()
        return loss

    for _ in range(args.warmup):
        step()
    times = []
    for _ in range(args.iters):
        t0 = time.perf_counter()
        loss = step()
        loss.item()  # the step is synchronous on CPU; this just keeps it live
        times.append((time.perf_counter() - t0) * 1e3)

    print(json.dumps({
        "name": "W1_lenet_train_step",
        "threads": args.threads,
        "torch_ms": round(statistics.median(times), 3),
        "torch_min_ms": round(min(times), 3),
        "torch_max_ms": round(max(times), 3),
    }), flush=True)


if __name__ == "__main__":
    main()
