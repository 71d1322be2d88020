//===- DataMovement.cpp - shape rules of the DataMovement family ---===//
#include "ir/shape/DataMovement.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/CheckedArithmetic.h"

#include <cmath>
#include <sstream>

namespace dlc::dl::shape {

namespace {
std::string num(int64_t v) { return std::to_string(v); }

/// The one overflow wording of ir/ShapeFunctions.cpp.
ShapeOrError tooLarge(const std::string &what) {
  return ShapeOrError::fail(what + " is too large (its size overflows a 64-bit integer)");
}

/// The shape, unless its element count overflows.
ShapeOrError counted(Shape out, const char *op) {
  if (!elementCount(out)) return tooLarge(std::string(op) + " result " + str(out));
  return {std::move(out), {}};
}
} // namespace

ShapeOrError permute(llvm::ArrayRef<int64_t> input, llvm::ArrayRef<int64_t> dims) {
  int64_t rank = input.size();
  if (int64_t(dims.size()) != rank)
    return ShapeOrError::fail("dims " + str(dims) + " has " + num(dims.size()) +
                              " entries for an input of rank " + num(rank));
  llvm::SmallVector<bool> seen(rank, false);
  Shape out;
  for (int64_t d : dims) {
    if (d < 0 || d >= rank)
      return ShapeOrError::fail("dim " + num(d) + " in dims " + str(dims) +
                                " out of range for rank " + num(rank));
    if (seen[d])
      return ShapeOrError::fail("dim " + num(d) + " appears more than once in dims " + str(dims));
    seen[d] = true;
    out.push_back(input[d]);
  }
  return {out, {}};
}

Shape inversePermutation(llvm::ArrayRef<int64_t> dims) {
  Shape inverse(dims.size());
  for (auto [i, d] : llvm::enumerate(dims)) inverse[d] = i;
  return inverse;
}

ShapeOrError cat(llvm::ArrayRef<Shape> inputs, int64_t dim) {
  if (inputs.empty()) return ShapeOrError::fail("expects at least one input");
  int64_t rank = inputs[0].size();
  if (rank == 0) return ShapeOrError::fail("cannot concatenate rank-0 tensors");
  if (std::string e = checkAxis(rank, dim); !e.empty()) return ShapeOrError::fail("dim: " + e);
  Shape out(inputs[0]);
  for (auto [i, s] : llvm::enumerate(inputs)) {
    if (i == 0) continue;
    if (int64_t(s.size()) != rank)
      return ShapeOrError::fail("input #" + num(i) + " has rank " + num(s.size()) +
                                " but input #0 has rank " + num(rank));
    for (int64_t d = 0; d < rank; ++d)
      if (d != dim && s[d] != out[d])
        return ShapeOrError::fail("input #" + num(i) + " of shape " + str(s) +
                                  " differs from input #0 of shape " + str(inputs[0]) +
                                  " in dim " + num(d) + " (only dim " + num(dim) +
                                  " may differ)");
    std::optional<int64_t> total = llvm::checkedAdd(out[dim], s[dim]);
    if (!total) return tooLarge("cat result");
    out[dim] = *total;
  }
  return counted(out, "cat");
}

ShapeOrError slice(llvm::ArrayRef<int64_t> input, llvm::ArrayRef<int64_t> start,
                   llvm::ArrayRef<int64_t> stop, llvm::ArrayRef<int64_t> step) {
  int64_t rank = input.size();
  using Named = std::pair<const char *, llvm::ArrayRef<int64_t>>;
  for (auto [name, v] : {Named{"start", start}, Named{"stop", stop}, Named{"step", step}})
    if (int64_t(v.size()) != rank)
      return ShapeOrError::fail(std::string(name) + " " + str(v) + " has " + num(v.size()) +
                                " entries for an input of rank " + num(rank));
  Shape out;
  for (int64_t d = 0; d < rank; ++d) {
    if (step[d] < 1)
      return ShapeOrError::fail("step " + num(step[d]) + " in dim " + num(d) +
                                " must be positive");
    if (start[d] < 0 || start[d] > stop[d] || stop[d] > input[d])
      return ShapeOrError::fail("dim " + num(d) + ": bounds " + num(start[d]) + ":" +
                                num(stop[d]) + " must satisfy 0 <= start <= stop <= " +
                                num(input[d]) + " (the dim's size)");
    // ceil((stop - start) / step) without overflowing near INT64_MAX.
    int64_t length = stop[d] - start[d];
    out.push_back(length / step[d] + (length % step[d] != 0));
  }
  return {out, {}};
}

std::pair<int64_t, int64_t> padOf(llvm::ArrayRef<int64_t> pad, int64_t rank, int64_t dim) {
  int64_t pair = rank - 1 - dim; // pad[0], pad[1] belong to the last dim
  if (2 * pair + 1 >= int64_t(pad.size())) return {0, 0};
  return {pad[2 * pair], pad[2 * pair + 1]};
}

ShapeOrError pad(llvm::ArrayRef<int64_t> input, llvm::ArrayRef<int64_t> pad) {
  int64_t rank = input.size();
  if (pad.size() % 2)
    return ShapeOrError::fail("pad " + str(pad) + " must have an even number of entries " +
                              "((left, right) pairs, last dim first)");
  if (int64_t(pad.size()) > 2 * rank)
    return ShapeOrError::fail("pad " + str(pad) + " has " + num(pad.size() / 2) +
                              " (left, right) pairs for an input of rank " + num(rank));
  for (int64_t p : pad)
    if (p < 0)
      return ShapeOrError::fail("pad " + str(pad) +
                                " has a negative entry (cropping is not supported; use slice)");
  Shape out(input);
  for (int64_t d = 0; d < rank; ++d) {
    auto [lo, hi] = padOf(pad, rank, d);
    std::optional<int64_t> size = llvm::checkedAdd(out[d], lo);
    if (size) size = llvm::checkedAdd(*size, hi);
    if (!size) return tooLarge("pad result");
    out[d] = *size;
  }
  return counted(out, "pad");
}

std::string checkIntegerPadValue(double value, unsigned width) {
  // [lo, end): [0, 2) for i1, [-2^(w-1), 2^(w-1)) otherwise; both exact doubles.
  double lo = width == 1 ? 0 : -std::ldexp(1.0, width - 1);
  double end = width == 1 ? 2 : std::ldexp(1.0, width - 1);
  if (value == std::trunc(value) && value >= lo && value < end) return {}; // not NaN, inf
  std::ostringstream v;
  v << value;
  return "value " + v.str() + " is not a value of the element type i" + num(width);
}

ShapeOrError flip(llvm::ArrayRef<int64_t> input, llvm::ArrayRef<int64_t> dims) {
  int64_t rank = input.size();
  for (auto [i, d] : llvm::enumerate(dims)) {
    if (d < 0 || d >= rank)
      return ShapeOrError::fail("dim " + num(d) + " in dims " + str(dims) +
                                " out of range for rank " + num(rank));
    if (i > 0 && dims[i - 1] >= d)
      return ShapeOrError::fail("dims " + str(dims) + " must be sorted and distinct");
  }
  return {Shape(input), {}};
}

ShapeOrError squeeze(llvm::ArrayRef<int64_t> input, std::optional<int64_t> dim) {
  int64_t rank = input.size();
  if (dim) {
    // PyTorch squeezes a rank-0 tensor with dim 0 or -1 to itself.
    if (rank == 0 && *dim == 0) return {Shape(input), {}};
    if (std::string e = checkAxis(rank, *dim); !e.empty()) return ShapeOrError::fail(e);
  }
  Shape out;
  for (int64_t d = 0; d < rank; ++d)
    if (input[d] != 1 || (dim && d != *dim)) out.push_back(input[d]);
  return {out, {}};
}

ShapeOrError unsqueeze(llvm::ArrayRef<int64_t> input, int64_t dim) {
  int64_t rank = input.size();
  if (dim < 0 || dim > rank)
    return ShapeOrError::fail("dim " + num(dim) + " out of range for unsqueeze of rank " +
                              num(rank) + " (0 to " + num(rank) + ")");
  Shape out(input);
  out.insert(out.begin() + dim, 1);
  return {out, {}};
}

} // namespace dlc::dl::shape
