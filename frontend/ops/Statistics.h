//===- Statistics.h - the DSL's reductions: mean, amin, argmax, logsumexp, var -*- C++ -*-===//
//
// Part of the DSL's op set (frontend/Ops.h includes it). Shapes and dtypes are
// checked before any IR is built; a mistake throws dlc::Error naming the
// caller's file:line and the op. (`mean` is declared in frontend/Ops.h and
// emits dl.mean.)
//
// Axes are as PyTorch's `dim`: negative axes count from the end, and a list
// may come in any order (it is sorted); a repeated axis is an error.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "frontend/Error.h"
#include "frontend/Tensor.h"

#include <vector>

namespace dlc {

/// Minimum over `axes` (PyTorch's `amin`); the gradient is split evenly
/// between tied minima.
Tensor amin(const Tensor &x, std::vector<int64_t> axes, bool keepdim = false, Site site = {});

/// Index (i64) of the maximum along `dim` (PyTorch's `argmax(dim, keepdim)`);
/// ties go to the first index. Not differentiable.
Tensor argmax(const Tensor &x, int64_t dim, bool keepdim = false, Site site = {});

/// log(sum(exp(x))) over `axes`, stably (PyTorch's `logsumexp`); a slice of
/// all -inf gives -inf.
Tensor logsumexp(const Tensor &x, std::vector<int64_t> axes, bool keepdim = false,
                 Site site = {});

/// PyTorch's `var(x, dim, correction=, keepdim=)` keyword arguments.
struct VarOptions {
  int64_t correction = 1; ///< 1: unbiased (n - 1), 0: population variance
  bool keepdim = false;
};
/// Variance over `axes`: sum((x - mean)^2) / (n - correction).
Tensor var(const Tensor &x, std::vector<int64_t> axes, VarOptions options = {}, Site site = {});

} // namespace dlc
