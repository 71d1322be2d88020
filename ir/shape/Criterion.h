//===- Criterion.h - shape rules of the Criterion family -*- C++ -*-===//
//
// Used by the ops' inferReturnTypes/verifiers and by the DSL, as
// ir/ShapeFunctions.h (whose ShapeOrError and helpers these share).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "ir/ShapeFunctions.h"

#include "llvm/ADT/StringRef.h"

namespace dlc::dl::shape {

/// The class axis of a class-index loss's input: 1, or 0 when the input is
/// unbatched (rank 1), as PyTorch's `cross_entropy`/`nll_loss`.
int64_t classAxis(int64_t inputRank);

/// Checks a loss's `reduction` attribute: "none", "mean" or "sum".
std::string checkReduction(llvm::StringRef reduction);

/// A loss's result: the per-element shape for "none", a scalar otherwise.
ShapeOrError lossResult(llvm::ArrayRef<int64_t> perElement, llvm::StringRef reduction);

/// Class-index losses (cross_entropy, nll_loss): input (N, C, d...) or (C),
/// target (N, d...) or (), the optional per-class weight (C) (empty
/// `weight` with `hasWeight` false when absent). Returns the per-element
/// loss shape, the target's.
ShapeOrError classLoss(llvm::ArrayRef<int64_t> input, llvm::ArrayRef<int64_t> target,
                       bool hasWeight, llvm::ArrayRef<int64_t> weight);

/// target_weights: targets (N, d...) or () and C classes → (N, C, d...) or (C).
ShapeOrError targetWeights(llvm::ArrayRef<int64_t> target, int64_t classes,
                           bool hasWeight, llvm::ArrayRef<int64_t> weight);

/// class_weighted_sum: weights and input of one shape with a class axis;
/// returns that shape without it.
ShapeOrError classWeightedSum(llvm::ArrayRef<int64_t> weights, llvm::ArrayRef<int64_t> input);

/// Elementwise losses (mse_loss, binary_cross_entropy_with_logits): target
/// of the input's shape; returns it.
ShapeOrError sameShapeLoss(llvm::ArrayRef<int64_t> input, llvm::ArrayRef<int64_t> target);

/// binary_cross_entropy_with_logits: target of the input's shape; weight and
/// pos_weight, when present, broadcast to it. Returns the input's shape.
ShapeOrError bceWithLogits(llvm::ArrayRef<int64_t> input, llvm::ArrayRef<int64_t> target,
                           bool hasWeight, llvm::ArrayRef<int64_t> weight, bool hasPosWeight,
                           llvm::ArrayRef<int64_t> posWeight);

/// masked_softmax / sequence_fill: input of rank >= 2; valid_lens, when
/// present, a leading prefix (d0, ..., dr-1) of the input's shape with
/// 1 <= r < rank. Returns the input's shape.
ShapeOrError validLengths(llvm::ArrayRef<int64_t> input, bool hasValidLens,
                          llvm::ArrayRef<int64_t> validLens);

} // namespace dlc::dl::shape
