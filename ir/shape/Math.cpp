//===- Math.cpp - shape rules of the Math family ---===//
#include "ir/shape/Math.h"

namespace dlc::dl::shape {

ShapeOrError where(llvm::ArrayRef<int64_t> condition, llvm::ArrayRef<int64_t> input,
                   llvm::ArrayRef<int64_t> other) {
  ShapeOrError values = broadcast(input, other);
  if (!values.ok()) return ShapeOrError::fail("input and other: " + values.error);
  ShapeOrError all = broadcast(condition, values.shape);
  if (!all.ok()) return ShapeOrError::fail("condition and values: " + all.error);
  return all;
}

std::string checkClampBounds(bool hasMin, bool hasMax) {
  if (hasMin || hasMax) return "";
  return "needs at least one of min and max";
}

std::string checkSoftplusBeta(double beta) {
  if (beta != 0) return "";
  return "beta must be nonzero (softplus divides by it)";
}

std::string checkGeluApproximate(std::string_view approximate) {
  if (approximate == "none" || approximate == "tanh") return "";
  return "approximate must be \"none\" or \"tanh\", got \"" + std::string(approximate) + "\"";
}

} // namespace dlc::dl::shape
