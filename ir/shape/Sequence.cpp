//===- Sequence.cpp - shape rules of the Sequence family ---===//
#include "ir/shape/Sequence.h"

#include "llvm/Support/CheckedArithmetic.h"

#include <cmath>
#include <cstdio>

namespace dlc::dl::shape {

namespace {
std::string n(int64_t v) { return std::to_string(v); }

std::string checkPaddingIdx(std::optional<int64_t> paddingIdx, int64_t rows) {
  if (paddingIdx && (*paddingIdx < 0 || *paddingIdx >= rows))
    return "padding_idx " + n(*paddingIdx) + " out of range [0, " + n(rows) + ")";
  return {};
}
} // namespace

ShapeOrError embedding(llvm::ArrayRef<int64_t> input, llvm::ArrayRef<int64_t> weight,
                       std::optional<int64_t> paddingIdx) {
  if (weight.size() != 2)
    return ShapeOrError::fail("weight must be rank 2 (num_embeddings, embedding_dim), got " +
                              str(weight));
  if (std::string e = checkPaddingIdx(paddingIdx, weight[0]); !e.empty())
    return ShapeOrError::fail(e);
  Shape out(input.begin(), input.end());
  out.push_back(weight[1]);
  return {out, {}};
}

ShapeOrError embeddingDenseBackward(llvm::ArrayRef<int64_t> gradOutput,
                                    llvm::ArrayRef<int64_t> indices, int64_t numWeights,
                                    std::optional<int64_t> paddingIdx) {
  if (numWeights < 0) return ShapeOrError::fail("num_weights " + n(numWeights) + " is negative");
  if (gradOutput.size() != indices.size() + 1 ||
      gradOutput.drop_back() != indices)
    return ShapeOrError::fail("grad_output " + str(gradOutput) +
                              " must be the indices' shape " + str(indices) +
                              " plus embedding_dim");
  if (std::string e = checkPaddingIdx(paddingIdx, numWeights); !e.empty())
    return ShapeOrError::fail(e);
  return {{numWeights, gradOutput.back()}, {}};
}

ShapeOrError indexSelect(llvm::ArrayRef<int64_t> input, llvm::ArrayRef<int64_t> index,
                         int64_t dim) {
  if (index.size() != 1) return ShapeOrError::fail("index must be 1-D, got " + str(index));
  if (std::string e = checkAxis(input.size(), dim); !e.empty())
    return ShapeOrError::fail("dim: " + e);
  Shape out(input.begin(), input.end());
  out[dim] = index[0];
  return {out, {}};
}

ShapeOrError indexAdd(llvm::ArrayRef<int64_t> input, llvm::ArrayRef<int64_t> index,
                      llvm::ArrayRef<int64_t> source, int64_t dim) {
  ShapeOrError picked = indexSelect(input, index, dim);
  if (!picked.ok()) return picked;
  if (llvm::ArrayRef<int64_t>(picked.shape) != source)
    return ShapeOrError::fail("source " + str(source) + " must have shape " +
                              str(picked.shape) + " (input " + str(input) + " with dim " +
                              n(dim) + " of the index's length " + n(index[0]) + ")");
  return {Shape(input.begin(), input.end()), {}};
}

ShapeOrError repeatInterleave(llvm::ArrayRef<int64_t> input, int64_t repeats, int64_t dim) {
  if (repeats < 0) return ShapeOrError::fail("repeats " + n(repeats) + " is negative");
  if (std::string e = checkAxis(input.size(), dim); !e.empty())
    return ShapeOrError::fail("dim: " + e);
  Shape out(input.begin(), input.end());
  std::optional<int64_t> size = llvm::checkedMul(input[dim], repeats);
  if (!size) return ShapeOrError::fail("size " + n(input[dim]) + " * " + n(repeats) + " overflows");
  out[dim] = *size;
  return {out, {}};
}

ShapeOrError arange(double start, double end, double step, bool integer) {
  auto num = [](double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return std::string(buf);
  };
  if (!std::isfinite(start) || !std::isfinite(end) || !std::isfinite(step))
    return ShapeOrError::fail("start, end and step must be finite");
  if (step == 0) return ShapeOrError::fail("step must be non-zero");
  if ((step > 0 && end < start) || (step < 0 && end > start))
    return ShapeOrError::fail("upper bound and larger bound inconsistent with step sign "
                              "(start " + num(start) + ", end " + num(end) + ", step " +
                              num(step) + ")");
  if (integer && (start != std::trunc(start) || end != std::trunc(end) ||
                  step != std::trunc(step)))
    return ShapeOrError::fail("an integer result needs integral start, end and step (got " +
                              num(start) + ", " + num(end) + ", " + num(step) + ")");
  double size = std::ceil((end - start) / step);
  if (!(size < 9.2e18)) return ShapeOrError::fail("the result has too many elements");
  return {{static_cast<int64_t>(size)}, {}};
}

ShapeOrError sequenceMask(llvm::ArrayRef<int64_t> validLen, int64_t maxlen) {
  if (maxlen < 0) return ShapeOrError::fail("maxlen " + n(maxlen) + " is negative");
  Shape out(validLen.begin(), validLen.end());
  out.push_back(maxlen);
  return {out, {}};
}

} // namespace dlc::dl::shape
