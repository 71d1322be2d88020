//===- Statistics.cpp - shape rules of the Statistics family ---===//
#include "ir/shape/Statistics.h"

namespace dlc::dl::shape {

ShapeOrError reduceMin(llvm::ArrayRef<int64_t> input, llvm::ArrayRef<int64_t> axes,
                       bool keepdims) {
  ShapeOrError r = reduce(input, axes, keepdims);
  if (!r.ok()) return r;
  for (int64_t a : axes)
    if (input[a] == 0)
      return ShapeOrError::fail("min over axis " + std::to_string(a) + " of shape " +
                                str(input) + " is undefined: the axis is empty");
  return r;
}

ShapeOrError argmax(llvm::ArrayRef<int64_t> input, int64_t axis, bool keepdims) {
  if (std::string e = checkAxis(input.size(), axis); !e.empty()) return ShapeOrError::fail(e);
  if (input[axis] == 0)
    return ShapeOrError::fail("argmax over axis " + std::to_string(axis) + " of shape " +
                              str(input) + " is undefined: the axis is empty");
  return reduce(input, {axis}, keepdims);
}

ShapeOrError variance(llvm::ArrayRef<int64_t> input, llvm::ArrayRef<int64_t> axes,
                      int64_t correction, bool keepdims) {
  if (correction < 0)
    return ShapeOrError::fail("correction must be >= 0, got " + std::to_string(correction));
  return reduce(input, axes, keepdims);
}

int64_t reducedCount(llvm::ArrayRef<int64_t> input, llvm::ArrayRef<int64_t> axes) {
  int64_t n = 1;
  for (int64_t a : axes) n *= input[a];
  return n;
}

} // namespace dlc::dl::shape
