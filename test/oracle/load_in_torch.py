#!/usr/bin/python3
"""Loads a dlc checkpoint into PyTorch's LeNet and evaluates it.

  /usr/bin/python3 test/oracle/load_in_torch.py FILE.safetensors [--x X.npy] [--logits L.npy]

Builds d2l's LeNet (bench/torch_lenet.py, the network of dlc's zoo lenet()),
loads FILE with load_state_dict(strict=True) (so every key dlc wrote must be
torch's, with torch's shapes, and none may be missing), runs it on X
(default test/fixtures/state_dict/x.npy) and prints the logits. With
--logits, compares them with the given logits (e.g. dlc's own, written by
the C++ test) and exits 1 unless they agree within rtol 1e-5, atol 1e-6.
With --fashion-mnist DIR, also prints the test accuracy on that directory's
t10k files (what `dlc eval lenet --checkpoint FILE` prints).
"""
import gzip
import struct
import argparse
import os
import sys

import numpy as np
import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "..", "bench"))
import safetensors_format  # noqa: E402
from torch_lenet import lenet  # noqa: E402


def read_idx(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        data = f.read()
    ndim = data[3]
    dims = struct.unpack(">" + "I" * ndim, data[4:4 + 4 * ndim])
    return np.frombuffer(data, np.uint8, offset=4 + 4 * ndim).reshape(dims)


def test_accuracy(net, directory):
    def find(name):
        for candidate in (name + ".gz", name):
            if os.path.exists(os.path.join(directory, candidate)):
                return os.path.join(directory, candidate)
        sys.exit(f"{directory}: no {name}")
    images = read_idx(find("t10k-images-idx3-ubyte")).astype(np.float32) / 255.0
    labels = read_idx(find("t10k-labels-idx1-ubyte")).astype(np.int64)
    x = torch.from_numpy(images).reshape(-1, 1, 28, 28)
    with torch.no_grad():
        predicted = net(x).argmax(dim=1).numpy()
    return float((predicted == labels).mean())


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("file")
    p.add_argument("--x", default=os.path.join(HERE, "..", "fixtures", "state_dict", "x.npy"))
    p.add_argument("--logits")
    p.add_argument("--fashion-mnist", metavar="DIR")
    args = p.parse_args()

    with open(args.file, "rb") as f:
        tensors, metadata = safetensors_format.loads(f.read())
    net = lenet(nn)
    net.load_state_dict({k: torch.from_numpy(v) for k, v in tensors.items()}, strict=True)
    net.eval()
    print(f"loaded {len(tensors)} tensors with strict=True; metadata {metadata}")
    x = torch.from_numpy(np.load(args.x))
    with torch.no_grad():
        logits = net.double()(x.double()).numpy()
    np.set_printoptions(precision=6, suppress=True)
    print("logits:\n", logits)
    if args.fashion_mnist:
        print(f"test accuracy {test_accuracy(net.float(), args.fashion_mnist):.4f}")
    if args.logits:
        want = np.load(args.logits).astype(np.float64)
        err = np.abs(logits - want)
        ok = np.all(err <= 1e-6 + 1e-5 * np.abs(want))
        print(f"max |torch - given| = {err.max():.3g}: {'agree' if ok else 'DISAGREE'}")
        sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
