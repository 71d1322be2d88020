#!/usr/bin/python3
"""PyTorch references for the Math family (elementwise math, comparisons,
casts): test/fixtures/oracle/math/, checked by
test/unit/compiler/MathOpsTest.cpp. Run: /usr/bin/python3 test/oracle/math.py
"""
import math
import os

import numpy as np
import torch
import torch.nn.functional as F

from oracle import Family

NAN, INF = math.nan, math.inf


class MathFamily(Family):
    def conversion(self, name, x, to):
        """x.to(to), computed by PyTorch in the real dtypes (the conversion is
        the point, so no float64 detour). Inputs and outputs keep their own
        dtypes; between float dtypes w (output dtype) and grad0 (input dtype)
        are written too."""
        assert name not in self.names, f"duplicate case {name}"
        self.names.append(name)
        d = os.path.join(self.dir, name)
        os.makedirs(d)
        np.save(os.path.join(d, "in0.npy"), x.numpy())
        leaf = x.clone().requires_grad_(x.is_floating_point() and to.is_floating_point)
        out = leaf.to(to)
        np.save(os.path.join(d, "out.npy"), out.detach().numpy())
        if not leaf.requires_grad:
            return
        w = torch.randn(out.shape, generator=self.gen, dtype=torch.float64).to(to)
        np.save(os.path.join(d, "w.npy"), w.numpy())
        (out * w).sum().backward()
        np.save(os.path.join(d, "grad0.npy"), leaf.grad.numpy())

    def roundtrip_bf16(self, name, x):
        """x.to(bf16).to(f32): x's dtype in, f32 out (npy has no bf16); the
        gradient is w rounded to bf16, in x's dtype."""
        self.names.append(name)
        d = os.path.join(self.dir, name)
        os.makedirs(d)
        np.save(os.path.join(d, "in0.npy"), x.numpy())
        leaf = x.clone().requires_grad_(True)
        out = leaf.to(torch.bfloat16).to(torch.float32)
        np.save(os.path.join(d, "out.npy"), out.detach().numpy())
        w = torch.randn(out.shape, generator=self.gen, dtype=torch.float32)
        np.save(os.path.join(d, "w.npy"), w.numpy())
        (out * w).sum().backward()
        np.save(os.path.join(d, "grad0.npy"), leaf.grad.numpy())


def t(values, dtype=torch.float64):
    return torch.tensor(values, dtype=dtype)


def main():
    f = MathFamily("math", seed=2)

    # -- unary ---------------------------------------------------------------
    x = f.randn(3, 4)
    x[0, 0] = 0.0  # PyTorch's abs gradient is 0 at 0
    f.case("abs", torch.abs, [x])
    f.case("abs_f64", torch.abs, [f.randn(2, 3, precision="f64")], precision="f64")

    x = f.uniform((3, 4), 0.0, 4.0)
    x[0, 0] = 0.0  # forward 0; gradient +-inf (w / 0), as PyTorch
    x[0, 1] = 1e-30  # tiny but normal
    f.case("sqrt", torch.sqrt, [x])
    f.case("sqrt_f64", torch.sqrt, [f.uniform((2, 3), 0.1, 9.0, precision="f64")],
           precision="f64")
    x = f.uniform((3, 4), 0.05, 9.0)
    x[0, 0] = 1e6
    f.case("rsqrt", torch.rsqrt, [x])

    x = f.randn(3, 5, scale=1.5)
    x[0, :] = t([-6.0, -3.0, 0.0, 3.0, 6.0])  # saturated tails, 0
    f.case("erf", torch.erf, [x])
    f.case("erf_f64", torch.erf, [f.randn(2, 4, scale=1.5, precision="f64")], precision="f64")

    x = f.randn(3, 5, scale=4.0)
    x[0, :] = t([-100.0, -30.0, 19.5, 20.0, 25.0])  # around the threshold 20, underflow
    f.case("softplus", F.softplus, [x])
    x = f.randn(3, 5, scale=2.0)
    x[0, :] = t([2.0, 2.5, 3.0, -40.0, 10.0])  # beta x = 4, 5 (not >), 6 (linear)
    f.case("softplus_beta2_threshold5", lambda x: F.softplus(x, beta=2.0, threshold=5.0), [x])

    x = f.randn(3, 4)
    x[0, 0] = 0.0  # PyTorch: the slope at 0
    f.case("leaky_relu", F.leaky_relu, [x])
    f.case("leaky_relu_slope0_2", lambda x: F.leaky_relu(x, 0.2), [x])

    x = f.randn(3, 5, scale=2.0)
    x[0, :] = t([-10.0, -5.0, 0.0, 5.0, 10.0])  # large |x|: 0 and x
    f.case("gelu", F.gelu, [x])
    f.case("gelu_tanh", lambda x: F.gelu(x, approximate="tanh"), [x])
    f.case("gelu_f64", F.gelu, [f.randn(2, 4, scale=2.0, precision="f64")], precision="f64")

    # -- powers ----------------------------------------------------------------
    # Tensor exponent, broadcast over rows.
    f.case("pow", torch.pow, [f.uniform((3, 4), 0.2, 2.0), f.randn(4)])
    # Negative bases with integral exponents: real powers; the exponent's
    # gradient is NaN there (log of a negative number), as PyTorch.
    f.case("pow_negative_base", torch.pow,
           [t([-2.0, -1.5, -3.0, -0.5]), t([3.0, 2.0, -1.0, 4.0])])
    # Zero bases: the base gradient is 0 where e = 0; the exponent gradient 0
    # where e >= 0.
    f.case("pow_zero_base", torch.pow, [t([0.0, 0.0, 0.0, 2.0, 0.0]), t([2.0, 0.0, 0.5, 0.0, 1.0])])
    f.case("pow_f64", torch.pow,
           [f.uniform((2, 3), 0.2, 2.0, precision="f64"), f.randn(2, 1, precision="f64")],
           precision="f64")
    x = f.randn(3, 4, scale=2.0)
    f.case("pow_scalar_2", lambda x: torch.pow(x, 2.0), [x])
    f.case("pow_scalar_3", lambda x: torch.pow(x, 3.0), [x])  # negative bases
    f.case("pow_scalar_0", lambda x: torch.pow(x, 0.0), [x])
    f.case("pow_scalar_neg1", lambda x: torch.pow(x, -1.0), [x])
    f.case("pow_scalar_2_5", lambda x: torch.pow(x, 2.5), [f.uniform((3, 4), 0.1, 3.0)])
    f.case("pow_scalar_neg0_5", lambda x: torch.pow(x, -0.5), [f.uniform((3, 4), 0.1, 3.0)])

    # -- extrema and clamping (ties on purpose: values from a small set) ------
    a = f.randint((3, 4), -2, 3).double()
    b = f.randint((4,), -2, 3).double()
    f.case("maximum", torch.maximum, [a, b])
    f.case("minimum", torch.minimum, [a, b])
    f.case("maximum_f64", torch.maximum,
           [f.randint((2, 3), -1, 2).double(), f.randint((2, 1), -1, 2).double()], precision="f64")
    x = f.randn(3, 4)
    x[0, :] = t([-0.5, 0.5, -0.75, 0.75])  # at the bounds: gradient 1 (inclusive)
    f.case("clamp", lambda x: torch.clamp(x, -0.5, 0.5), [x])
    f.case("clamp_min", lambda x: torch.clamp(x, min=-0.5), [x])
    f.case("clamp_max", lambda x: torch.clamp(x, max=0.5), [x])
    f.case("clamp_min_above_max", lambda x: torch.clamp(x, 0.5, -0.5), [x])

    # -- comparisons and logic -------------------------------------------------
    a = f.randint((3, 4), -2, 3).double()
    a[0, 0] = NAN
    b = f.randint((4,), -2, 3).double()
    b[1] = NAN
    for op in ["eq", "ne", "lt", "le", "gt", "ge"]:
        f.case(op, getattr(torch, op), [a, b])
    f.case("lt_i32", torch.lt, [f.randint((3, 4), -3, 3, torch.int32), f.randint((3, 1), -3, 3, torch.int32)])
    f.case("ge_i64", torch.ge, [f.randint((2, 3), -3, 3), f.randint((), -3, 3)])
    f.case("eq_f64", torch.eq, [f.randint((2, 3), 0, 2).double(), f.randint((3,), 0, 2).double()],
           precision="f64")
    p = f.randint((3, 4), 0, 2).bool()
    q = f.randint((4,), 0, 2).bool()
    f.case("gt_bool", torch.gt, [p, q])
    f.case("logical_and", torch.logical_and, [p, q])
    f.case("logical_or", torch.logical_or, [p, q])
    f.case("logical_not", torch.logical_not, [p])

    # -- where -----------------------------------------------------------------
    # Three-way broadcasting; the gradients sum back to each operand's shape.
    f.case("where", torch.where, [f.randint((3, 1), 0, 2).bool(), f.randn(1, 4), f.randn(3, 4)])
    # A -inf mask, as attention uses: the scalar's gradient is the masked sum.
    f.case("where_neg_inf", torch.where,
           [f.randint((3, 4), 0, 2).bool(), f.randn(3, 4), t(-INF)])
    f.case("where_i32", torch.where,
           [f.randint((3, 4), 0, 2).bool(), f.randint((3, 4), -5, 5, torch.int32),
            f.randint((4,), -5, 5, torch.int32)])

    # -- cast ------------------------------------------------------------------
    x = torch.tensor([[-2.7, -1.5, -0.5, -0.0], [0.0, 0.4, 1.5, 2.9], [1e9, -1e9, 7.0, NAN]],
                     dtype=torch.float32)
    finite = x[:2].clone()
    f.conversion("cast_f32_f64", x, torch.float64)
    f.conversion("cast_f64_f32", torch.randn((3, 4), generator=f.gen, dtype=torch.float64),
                 torch.float32)
    f.conversion("cast_f32_i32", finite, torch.int32)  # toward zero
    f.conversion("cast_f32_i64", x[:, :3].clone(), torch.int64)
    f.conversion("cast_f32_bool", x, torch.bool)  # -0 → false, NaN → true
    f.conversion("cast_i32_f32", f.randint((3, 4), -100, 100, torch.int32), torch.float32)
    f.conversion("cast_i64_f64", f.randint((3, 4), -100, 100), torch.float64)
    f.conversion("cast_i64_i32", f.randint((3, 4), -100, 100), torch.int32)
    f.conversion("cast_i32_i64", f.randint((3, 4), -100, 100, torch.int32), torch.int64)
    f.conversion("cast_i32_bool", f.randint((3, 4), -2, 3, torch.int32), torch.bool)
    f.conversion("cast_bool_f32", f.randint((3, 4), 0, 2).bool(), torch.float32)
    f.conversion("cast_bool_i64", f.randint((3, 4), 0, 2).bool(), torch.int64)
    # Ties to even, and values that round up into the next binade.
    y = torch.tensor([1.0, 1.00390625, 1.01171875, 1.0078125 + 2**-9, -3.14159, 65504.0,
                      3.3895e38, 1e-40, -0.0, INF, -INF, NAN], dtype=torch.float32)
    f.roundtrip_bf16("cast_f32_bf16_f32", torch.cat([y, torch.randn(12, generator=f.gen)]).reshape(4, 6))

    # f64 → bf16 rounds through f32 as PyTorch does: 1 + 2^-8 + 2^-30 is a
    # tie in f32 and goes to 1.0 (rounding once would give 1.0078125).
    z = torch.tensor([1.0 + 2**-8 + 2**-30, 1.0 + 2**-8 + 2**-20, -2.0 - 2**-7 - 2**-40, 1e300],
                     dtype=torch.float64)
    f.roundtrip_bf16("cast_f64_bf16_f32", z)
    # Narrowing integers keeps the low bits (2^40 + 7 → 7), as PyTorch.
    f.conversion("cast_i64_i32_wrap", t([2**40 + 7, -(2**33) - 5, 2**31, 12], torch.int64), torch.int32)

    # f64 softplus far below 0 (log1p of a tiny exp) and around the threshold.
    f.case("softplus_f64", F.softplus,
           [t([-100.0, -30.0, -1e-3, 0.0, 5.0, 19.9, 20.0, 25.0])], precision="f64")
    f.done()


if __name__ == "__main__":
    main()
