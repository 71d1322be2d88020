#!/usr/bin/python3
"""PyTorch references for the Random family (dropout):
test/fixtures/oracle/random/, checked by test/unit/compiler/RandomOpsTest.cpp.
Run: /usr/bin/python3 test/oracle/random_ops.py
(Not random.py: in this directory that name would shadow Python's `random`
module, which torch imports, for every family script.)

PyTorch cannot be the oracle for a mask with 0 < p < 1: its CPU generator
(mt19937) is not dlc's Philox, so those masks are tested against a naive
Philox-4x32-10 and with statistics in RandomOpsTest.cpp. Here: the cases
whose result does not depend on the generator, i.e. eval mode, p = 0 and
p = 1 (all zeros; PyTorch computes `input * 0`, so inf and NaN give NaN).
Cases with a training-mode op take the [seed, step] key as an int64 input,
which PyTorch ignores.
"""
import torch
import torch.nn.functional as F

from oracle import Family


def main():
    f = Family("random", seed=7)
    key = torch.tensor([1234, 5], dtype=torch.int64)
    f.case("eval_identity", lambda x: F.dropout(x, 0.5, training=False), [f.randn(3, 4)])
    f.case("p0_identity", lambda x: F.dropout(x, 0.0, training=True), [f.randn(2, 5)])
    x = f.randn(3, 4)
    x[0, 1], x[1, 2], x[2, 3] = float("inf"), float("-inf"), float("nan")
    f.case("p1_zeros", lambda x, k: F.dropout(x, 1.0, training=True), [x, key])
    f.case("p1_zeros_f64", lambda x, k: F.dropout(x, 1.0, training=True),
           [f.randn(4, 2, precision="f64"), key], precision="f64")
    f.done()


if __name__ == "__main__":
    main()
