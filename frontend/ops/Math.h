//===- Math.h - the DSL's elementwise math, comparisons and casts -*- C++ -*-===//
//
// Part of the DSL's op set (frontend/Ops.h includes it). Shapes and dtypes are
// checked before any IR is built; a mistake throws dlc::Error naming the
// caller's file:line and the op. Semantics are PyTorch's (see the dl ops in
// ir/ops/Math.td).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "frontend/Error.h"
#include "frontend/Tensor.h"

#include <optional>

namespace dlc {

/// |x| (PyTorch `abs`); the gradient is 0 at 0.
Tensor abs(const Tensor &x, Site site = {});
/// √x (PyTorch `sqrt`).
Tensor sqrt(const Tensor &x, Site site = {});
/// 1/√x (PyTorch `rsqrt`).
Tensor rsqrt(const Tensor &x, Site site = {});
/// The error function (PyTorch `erf`).
Tensor erf(const Tensor &x, Site site = {});
/// log(1 + exp(βx))/β, and x where βx > threshold (PyTorch `softplus`).
Tensor softplus(const Tensor &x, double beta = 1.0, double threshold = 20.0, Site site = {});
/// x for x > 0, else negativeSlope·x (PyTorch `leaky_relu`).
Tensor leakyRelu(const Tensor &x, double negativeSlope = 0.01, Site site = {});

/// PyTorch's `approximate` argument of `gelu`.
enum class GeluApproximate { None, Tanh };
/// x·Φ(x) (PyTorch `gelu`); Tanh: the tanh approximation.
Tensor gelu(const Tensor &x, GeluApproximate approximate = GeluApproximate::None,
            Site site = {});

/// base^exponent, broadcasting (PyTorch `pow` with a tensor exponent).
Tensor pow(const Tensor &base, const Tensor &exponent, Site site = {});
/// x^exponent (PyTorch `pow` with a number).
Tensor pow(const Tensor &x, double exponent, Site site = {});
/// Elementwise max / min, broadcasting (PyTorch `maximum`, `minimum`); a tie
/// splits the gradient evenly.
Tensor maximum(const Tensor &a, const Tensor &b, Site site = {});
Tensor minimum(const Tensor &a, const Tensor &b, Site site = {});
/// x limited to [min, max] (PyTorch `clamp`); at least one bound.
Tensor clamp(const Tensor &x, std::optional<double> min, std::optional<double> max = std::nullopt,
             Site site = {});

/// Comparisons → i1, broadcasting; float or integer operands of one dtype
/// (PyTorch `eq ne lt le gt ge`). Not differentiable.
Tensor eq(const Tensor &a, const Tensor &b, Site site = {});
Tensor ne(const Tensor &a, const Tensor &b, Site site = {});
Tensor lt(const Tensor &a, const Tensor &b, Site site = {});
Tensor le(const Tensor &a, const Tensor &b, Site site = {});
Tensor gt(const Tensor &a, const Tensor &b, Site site = {});
Tensor ge(const Tensor &a, const Tensor &b, Site site = {});
/// Logic on i1 tensors (PyTorch `logical_and`, `logical_or`, `logical_not`).
Tensor logicalAnd(const Tensor &a, const Tensor &b, Site site = {});
Tensor logicalOr(const Tensor &a, const Tensor &b, Site site = {});
Tensor logicalNot(const Tensor &x, Site site = {});

/// condition ? input : other, the three broadcasting (PyTorch `where`);
/// condition is i1, input and other share a dtype.
Tensor where(const Tensor &condition, const Tensor &input, const Tensor &other, Site site = {});
/// Conversion to `dtype` (PyTorch `Tensor.to(dtype)`): f32, f64, bf16, i1,
/// i32 or i64. Differentiable between float dtypes.
Tensor cast(const Tensor &x, rt::DType dtype, Site site = {});

} // namespace dlc
