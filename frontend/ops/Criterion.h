//===- Criterion.h - the DSL's losses and masked softmax -*- C++ -*-===//
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

namespace dlc {

/// PyTorch's `reduction`: one loss per element, their mean or their sum.
enum class Reduction { None, Mean, Sum };

/// PyTorch `F.cross_entropy`'s keyword arguments.
struct CrossEntropyOptions {
  int64_t ignoreIndex = -100;    ///< targets equal to it add 0 and leave the mean
  std::optional<Tensor> weight;  ///< (C) per-class weights
  double labelSmoothing = 0.0;   ///< in [0, 1]
  Reduction reduction = Reduction::Mean;
};

/// Cross-entropy of logits (N, C), (N, C, d1, ...) or (C) against i32/i64
/// class indices (N), (N, d1, ...) or () (PyTorch `F.cross_entropy`).
/// d2l's MaskedSoftmaxCELoss: mean(mul(crossEntropy(x, y, {.reduction =
/// Reduction::None}), mask), {1}).
Tensor crossEntropy(const Tensor &input, const Tensor &target, const CrossEntropyOptions &options,
                    Site site = {});

/// PyTorch `F.nll_loss`'s keyword arguments.
struct NllLossOptions {
  int64_t ignoreIndex = -100;
  std::optional<Tensor> weight; ///< (C)
  Reduction reduction = Reduction::Mean;
};

/// Negative log-likelihood of log-probabilities at class indices (PyTorch
/// `F.nll_loss`), shapes as crossEntropy.
Tensor nllLoss(const Tensor &input, const Tensor &target, const NllLossOptions &options = {},
               Site site = {});

/// (input - target)^2, same shapes (PyTorch `F.mse_loss`).
Tensor mseLoss(const Tensor &input, const Tensor &target, Reduction reduction = Reduction::Mean,
               Site site = {});

/// PyTorch `F.binary_cross_entropy_with_logits`'s keyword arguments.
struct BCEWithLogitsOptions {
  std::optional<Tensor> weight;    ///< broadcasts to the input
  std::optional<Tensor> posWeight; ///< broadcasts to the input: (C) weighs the last axis
  Reduction reduction = Reduction::Mean;
};

/// Binary cross-entropy of logits against float targets of the same shape,
/// computed stably (PyTorch `F.binary_cross_entropy_with_logits`).
Tensor binaryCrossEntropyWithLogits(const Tensor &input, const Tensor &target,
                                    const BCEWithLogitsOptions &options = {}, Site site = {});

/// d2l's `masked_softmax`: softmax over the last axis after setting
/// positions k >= valid_lens to -1e6. validLens (i32/i64) is (B) or (B, Q)
/// for scores (B, Q, K); in general a leading part of the scores' shape.
Tensor maskedSoftmax(const Tensor &scores, const std::optional<Tensor> &validLens = std::nullopt,
                     Site site = {});

} // namespace dlc
