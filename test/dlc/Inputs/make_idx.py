#!/usr/bin/python3
"""Writes a small Fashion-MNIST-layout data set for the `dlc train` tests.

usage: make_idx.py OUTDIR [--train N] [--test N] [--height H] [--width W] [--seed S]

OUTDIR gets the four gzipped IDX files dlc reads (train-images-idx3-ubyte.gz,
train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz,
t10k-labels-idx1-ubyte.gz): N images of H x W random bytes (the header
format is in runtime/data/Idx.h) and labels in [0, 10). Labels are
learnable: an image's mean brightness decides its class.
"""
import argparse
import gzip
import os
import random
import struct


def write_split(outdir, prefix, n, h, w, rng):
    images = bytearray(struct.pack(">IIII", 0x803, n, h, w))
    labels = bytearray(struct.pack(">II", 0x801, n))
    for _ in range(n):
        label = rng.randrange(10)
        # Pixels around a per-class level: the class is in the image.
        level = 20 + 23 * label
        images += bytes(min(255, max(0, level + rng.randrange(-20, 21))) for _ in range(h * w))
        labels.append(label)
    for name, data in ((f"{prefix}-images-idx3-ubyte.gz", images),
                       (f"{prefix}-labels-idx1-ubyte.gz", labels)):
        with gzip.open(os.path.join(outdir, name), "wb") as f:
            f.write(bytes(data))


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("outdir")
    p.add_argument("--train", type=int, default=64)
    p.add_argument("--test", type=int, default=32)
    p.add_argument("--height", type=int, default=28)
    p.add_argument("--width", type=int, default=28)
    p.add_argument("--seed", type=int, default=0)
    a = p.parse_args()
    os.makedirs(a.outdir, exist_ok=True)
    rng = random.Random(a.seed)
    write_split(a.outdir, "train", a.train, a.height, a.width, rng)
    write_split(a.outdir, "t10k", a.test, a.height, a.width, rng)


if __name__ == "__main__":
    main()
