//===- Math.h - shape rules of the Math family -*- C++ -*-===//
//
// Used by the ops' inferReturnTypes/verifiers and by the DSL, as
// ir/ShapeFunctions.h (whose ShapeOrError and helpers these share).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "ir/ShapeFunctions.h"

#include <string_view>

namespace dlc::dl::shape {

/// where(condition, input, other): the three shapes broadcast together.
ShapeOrError where(llvm::ArrayRef<int64_t> condition, llvm::ArrayRef<int64_t> input,
                   llvm::ArrayRef<int64_t> other);
/// clamp needs at least one bound (PyTorch rejects clamp(x) too).
std::string checkClampBounds(bool hasMin, bool hasMax);
/// softplus divides by beta: it must be nonzero (PyTorch would return NaN).
std::string checkSoftplusBeta(double beta);
/// gelu's `approximate` is "none" or "tanh", as PyTorch's.
std::string checkGeluApproximate(std::string_view approximate);

} // namespace dlc::dl::shape
