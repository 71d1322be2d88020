#!/usr/bin/python3
"""PyTorch references for the Math family (elementwise math, comparisons,
casts): test/fixtures/oracle/math/, checked by
test/unit/compiler/MathOpsTest.cpp. Run: /usr/bin/python3 test/oracle/math.py
"""
import torch

from oracle import Family


def main():
    f = Family("math", seed=2)
    x = f.randn(3, 4)
    x[0, 0] = 0.0  # PyTorch's abs gradient is 0 at 0
    f.case("abs", torch.abs, [x])
    f.case("abs_f64", torch.abs, [f.randn(2, 3, precision="f64")], precision="f64")
    f.done()


if __name__ == "__main__":
    main()
