"""PyTorch as the oracle: shared by test/oracle/<family>.py.

Each family script lists cases; each case writes one directory
test/fixtures/oracle/<family>/<case>/ holding

    in0.npy, in1.npy, ...  the inputs, in the order the C++ case takes them
    out.npy                the op's output (PyTorch, computed in float64)
    w.npy                  (float outputs) a fixed random cotangent w
    grad<i>.npy            (float outputs) d sum(out * w) / d in<i>, for every
                           float input PyTorch differentiates

test/unit/compiler/OracleTest.cpp traces the same op with dlc's DSL, runs the
forward and the derived gradient through the JIT and compares with these
files, so the tests never need PyTorch. Every float is drawn so that it is
exactly representable in the case's precision, and references are computed in
float64 from those exact values: the stored result is PyTorch's float64
result rounded once.

Run a family's script with Debian's python3-torch:
    /usr/bin/python3 test/oracle/<family>.py
"""
import os
import shutil

import numpy as np
import torch

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "oracle")
NP_FLOAT = {"f32": np.float32, "f64": np.float64}
TORCH_FLOAT = {"f32": torch.float32, "f64": torch.float64}


class Family:
    """Writes the cases of one family; `seed` makes every draw reproducible."""

    def __init__(self, family, seed=0):
        self.dir = os.path.join(ROOT, family)
        self.gen = torch.Generator().manual_seed(seed)
        shutil.rmtree(self.dir, ignore_errors=True)
        os.makedirs(self.dir)
        self.names = []

    # -- inputs: float64 tensors holding values exact in `precision` --------
    def exact(self, t, precision="f32"):
        return t.to(TORCH_FLOAT[precision]).double()

    def randn(self, *shape, scale=1.0, precision="f32"):
        t = torch.randn(tuple(shape), generator=self.gen, dtype=torch.float64) * scale
        return self.exact(t, precision)

    def uniform(self, shape, lo, hi, precision="f32"):
        t = torch.rand(tuple(shape), generator=self.gen, dtype=torch.float64) * (hi - lo) + lo
        return self.exact(t, precision)

    def randint(self, shape, lo, hi, dtype=torch.int64):
        return torch.randint(lo, hi, shape, generator=self.gen, dtype=dtype)

    # -- one case --------------------------------------------------------------
    def case(self, name, fn, inputs, precision="f32", grad=None):
        """fn(*inputs) -> tensor, computed in float64 for float inputs.

        Float inputs are differentiated unless `grad` (a list of bools, one
        per input) says otherwise; integer and bool inputs never are.
        `precision` ("f32" or "f64") is how floats are stored, so the C++
        side runs the op in that type."""
        assert name not in self.names, f"duplicate case {name}"
        self.names.append(name)
        d = os.path.join(self.dir, name)
        os.makedirs(d)
        leaves = []
        for i, x in enumerate(inputs):
            x = torch.as_tensor(x)
            wants = x.is_floating_point() and (grad is None or grad[i])
            leaves.append(x.detach().clone().requires_grad_(wants))
            np.save(os.path.join(d, f"in{i}.npy"), self._np(x, precision))
        out = fn(*leaves)
        np.save(os.path.join(d, "out.npy"), self._np(out.detach(), precision))
        if not out.is_floating_point() or not out.requires_grad:
            return
        w = self.randn(*out.shape, precision=precision)
        np.save(os.path.join(d, "w.npy"), self._np(w, precision))
        (out * w).sum().backward()
        for i, leaf in enumerate(leaves):
            if leaf.requires_grad:
                g = leaf.grad if leaf.grad is not None else torch.zeros_like(leaf)
                np.save(os.path.join(d, f"grad{i}.npy"), self._np(g, precision))

    @staticmethod
    def _np(t, precision):
        t = t.detach()
        # C order always: a permuted view would otherwise be saved in
        # Fortran order, which dlc's .npy reader rejects. (copy, not
        # np.ascontiguousarray, which turns a rank-0 array into shape (1,).)
        if t.is_floating_point():
            return t.numpy().astype(NP_FLOAT[precision]).copy(order="C")
        return t.numpy().copy(order="C")

    def done(self):
        print(f"wrote {len(self.names)} cases to {os.path.normpath(self.dir)}")
