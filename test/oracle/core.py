#!/usr/bin/python3
"""PyTorch references for the ops LeNet and the MLP were built from.

Writes test/fixtures/oracle/core/ (see oracle.py); checked by
test/unit/compiler/CoreOracleTest.cpp. Run: /usr/bin/python3 test/oracle/core.py
"""
import torch
import torch.nn.functional as F

from oracle import Family


def main():
    f = Family("core", seed=1)
    a, b = f.randn(3, 4), f.randn(4)
    f.case("add_broadcast", torch.add, [a, b])
    f.case("sub_broadcast", torch.sub, [f.randn(2, 1, 4), f.randn(3, 1)])
    f.case("mul_f64", torch.mul, [f.randn(3, 4, precision="f64"), f.randn(3, 1, precision="f64")],
           precision="f64")
    f.case("div", torch.div, [f.randn(3, 4), f.uniform((3, 4), 0.5, 2.0)])
    for name in ["neg", "exp", "tanh", "sigmoid", "relu"]:
        f.case(name, getattr(torch, name), [f.randn(2, 5)])
    f.case("log", torch.log, [f.uniform((2, 5), 0.1, 3.0)])
    f.case("matmul", torch.matmul, [f.randn(3, 5), f.randn(5, 2)])
    f.case("matmul_f64", torch.matmul, [f.randn(3, 5, precision="f64"),
                                        f.randn(5, 2, precision="f64")], precision="f64")
    f.case("sum_axes", lambda x: x.sum(dim=(0, 2)), [f.randn(2, 3, 4)])
    f.case("softmax_axis0", lambda x: torch.softmax(x, 0), [f.randn(4, 3)])
    f.case("softmax_large", lambda x: torch.softmax(x, 1), [f.randn(3, 5, scale=300.0)])
    f.case("log_softmax", lambda x: torch.log_softmax(x, 1), [f.randn(3, 5)])
    ties = f.randn(3, 4)
    ties[0, 1] = ties[0, 3] = ties[0].max() + 1
    f.case("amax_ties", lambda x: torch.amax(x, 1), [ties])
    logits, labels = f.randn(6, 5, scale=2.0), f.randint((6,), 0, 5, torch.int32)
    f.case("cross_entropy", lambda x, y: F.cross_entropy(x, y.long()), [logits, labels])
    f.case("conv2d", lambda x, w: F.conv2d(x, w, stride=2, padding=1),
           [f.randn(2, 3, 7, 7), f.randn(4, 3, 3, 3)])
    f.case("max_pool2d", lambda x: F.max_pool2d(x, 2, 2), [f.randn(2, 3, 6, 6)])
    f.case("avg_pool2d_pad", lambda x: F.avg_pool2d(x, 3, 1, 1), [f.randn(1, 2, 5, 5)])
    f.done()


if __name__ == "__main__":
    main()
