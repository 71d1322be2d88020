//===- Normalization.h - shape rules of the Normalization family -*- C++ -*-===//
//
// Used by the ops' inferReturnTypes/verifiers and by the DSL, as
// ir/ShapeFunctions.h (whose ShapeOrError and helpers these share).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "ir/ShapeFunctions.h"

namespace dlc::dl::shape {

/// layer_norm over the trailing `normalizedShape` dims of `input`; weight and
/// bias (absent: nullopt) have shape `normalizedShape`. Returns the shape of
/// the saved mean and rstd: `input` with the normalized dims as size 1.
ShapeOrError layerNorm(llvm::ArrayRef<int64_t> input, llvm::ArrayRef<int64_t> normalizedShape,
                       std::optional<llvm::ArrayRef<int64_t>> weight,
                       std::optional<llvm::ArrayRef<int64_t>> bias);

/// batch_norm of an (N, C, ...) `input`: running stats, weight and bias
/// (absent: nullopt) have shape (C). Returns (C), the shape of the running
/// and saved statistics. Training needs more than one value per channel.
ShapeOrError batchNorm(llvm::ArrayRef<int64_t> input, llvm::ArrayRef<int64_t> runningMean,
                       llvm::ArrayRef<int64_t> runningVar,
                       std::optional<llvm::ArrayRef<int64_t>> weight,
                       std::optional<llvm::ArrayRef<int64_t>> bias, bool training);

/// The axes batch_norm reduces over: every dim of a rank-`rank` input but 1.
llvm::SmallVector<int64_t> batchNormAxes(int64_t rank);
/// The axes layer_norm reduces over: the trailing `normalizedRank` dims.
llvm::SmallVector<int64_t> layerNormAxes(int64_t rank, int64_t normalizedRank);

} // namespace dlc::dl::shape
