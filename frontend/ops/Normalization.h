//===- Normalization.h - the DSL's layer_norm and batch_norm -*- C++ -*-===//
//
// Part of the DSL's op set (frontend/Ops.h includes it). Shapes and dtypes are
// checked before any IR is built; a mistake throws dlc::Error naming the
// caller's file:line and the op.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "frontend/Error.h"
#include "frontend/Tensor.h"

#include <optional>
#include <vector>

namespace dlc {

/// PyTorch's `F.layer_norm(x, normalized_shape, weight, bias, eps)`:
/// normalizes over the trailing dims `normalizedShape` (which must equal
/// x's trailing dims), then scales by `weight` and shifts by `bias` (each
/// optional, of shape `normalizedShape`).
Tensor layerNorm(const Tensor &x, std::vector<int64_t> normalizedShape,
                 std::optional<Tensor> weight = std::nullopt,
                 std::optional<Tensor> bias = std::nullopt, double eps = 1e-5, Site site = {});

/// PyTorch's `F.batch_norm` keyword arguments (same defaults).
struct BatchNormOptions {
  bool training = false; ///< batch statistics (and a running-stat update)
  double momentum = 0.1;
  double eps = 1e-5;
};
/// batchNorm's output and the running statistics after the call (PyTorch
/// updates its buffers in place; the DSL returns them: unchanged unless
/// training).
struct BatchNormResult {
  Tensor y, newRunningMean, newRunningVar;
};
/// PyTorch's `F.batch_norm(x, running_mean, running_var, weight, bias,
/// training, momentum, eps)` on (N, C), (N, C, L), (N, C, H, W), ...: per
/// channel (dim 1) statistics. Training normalizes with the batch mean and
/// biased variance and moves the running statistics towards the batch's
/// (the unbiased variance, as PyTorch); inference uses the running ones.
BatchNormResult batchNorm(const Tensor &x, const Tensor &runningMean, const Tensor &runningVar,
                          std::optional<Tensor> weight = std::nullopt,
                          std::optional<Tensor> bias = std::nullopt,
                          BatchNormOptions options = {}, Site site = {});

} // namespace dlc
