//===- Sequence.h - shape rules of the Sequence family -*- C++ -*-===//
//
// Used by the ops' inferReturnTypes/verifiers and by the DSL, as
// ir/ShapeFunctions.h (whose ShapeOrError and helpers these share).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "ir/ShapeFunctions.h"

#include <optional>

namespace dlc::dl::shape {

/// ids (...) and weight (V, D) → (..., D); padding_idx, if any, in [0, V).
ShapeOrError embedding(llvm::ArrayRef<int64_t> input, llvm::ArrayRef<int64_t> weight,
                       std::optional<int64_t> paddingIdx);
/// grad_output (..., D) over indices (...) → (num_weights, D).
ShapeOrError embeddingDenseBackward(llvm::ArrayRef<int64_t> gradOutput,
                                    llvm::ArrayRef<int64_t> indices, int64_t numWeights,
                                    std::optional<int64_t> paddingIdx);
/// input with dimension `dim` replaced by the length of the 1-D `index`.
ShapeOrError indexSelect(llvm::ArrayRef<int64_t> input, llvm::ArrayRef<int64_t> index,
                         int64_t dim);
/// input; source must be indexSelect(input, index, dim)'s shape.
ShapeOrError indexAdd(llvm::ArrayRef<int64_t> input, llvm::ArrayRef<int64_t> index,
                      llvm::ArrayRef<int64_t> source, int64_t dim);
/// input with dimension `dim` multiplied by `repeats` (>= 0).
ShapeOrError repeatInterleave(llvm::ArrayRef<int64_t> input, int64_t repeats, int64_t dim);
/// [ceil((end - start) / step)]; integral start, end and step when `integer`.
ShapeOrError arange(double start, double end, double step, bool integer);
/// valid_len (...) → (..., maxlen).
ShapeOrError sequenceMask(llvm::ArrayRef<int64_t> validLen, int64_t maxlen);

} // namespace dlc::dl::shape
