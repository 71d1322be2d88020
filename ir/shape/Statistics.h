//===- Statistics.h - shape rules of the Statistics family -*- C++ -*-===//
//
// Used by the ops' inferReturnTypes/verifiers and by the DSL, as
// ir/ShapeFunctions.h (whose ShapeOrError and helpers these share).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "ir/ShapeFunctions.h"

namespace dlc::dl::shape {

/// Minimum over sorted distinct `axes` (amin): `reduce`, and every reduced
/// axis must be non-empty (an empty slice has no minimum).
ShapeOrError reduceMin(llvm::ArrayRef<int64_t> input, llvm::ArrayRef<int64_t> axes,
                       bool keepdims);
/// Index of the maximum along one non-empty `axis`.
ShapeOrError argmax(llvm::ArrayRef<int64_t> input, int64_t axis, bool keepdims);
/// Variance over sorted distinct `axes`; `correction` >= 0.
ShapeOrError variance(llvm::ArrayRef<int64_t> input, llvm::ArrayRef<int64_t> axes,
                      int64_t correction, bool keepdims);
/// Number of elements a reduction over `axes` of `input` combines.
int64_t reducedCount(llvm::ArrayRef<int64_t> input, llvm::ArrayRef<int64_t> axes);

} // namespace dlc::dl::shape
