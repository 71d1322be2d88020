//===- Linear.cpp - shape rules of the Linear family ---===//
#include "ir/shape/Linear.h"

namespace dlc::dl::shape {

ShapeOrError batchMatmul(llvm::ArrayRef<int64_t> lhs, llvm::ArrayRef<int64_t> rhs,
                         bool transposeLhs, bool transposeRhs) {
  if (lhs.size() < 2 || rhs.size() < 2)
    return ShapeOrError::fail("batch_matmul expects operands of rank >= 2, got " + str(lhs) +
                              " and " + str(rhs));
  if (lhs.size() < 3 && rhs.size() < 3)
    return ShapeOrError::fail("batch_matmul expects an operand of rank >= 3 (two matrices " +
                              str(lhs) + " and " + str(rhs) + " are a dl.matmul)");
  ShapeOrError product = matmul(lhs.take_back(2), rhs.take_back(2), transposeLhs, transposeRhs);
  if (!product.ok())
    return ShapeOrError::fail("batch_matmul contraction sizes differ: " + str(lhs) +
                              (transposeLhs ? "ᵀ" : "") + " · " + str(rhs) +
                              (transposeRhs ? "ᵀ" : "") + " contracts " +
                              std::to_string(lhs[lhs.size() - (transposeLhs ? 2 : 1)]) +
                              " with " +
                              std::to_string(rhs[rhs.size() - (transposeRhs ? 1 : 2)]));
  ShapeOrError batch = broadcast(lhs.drop_back(2), rhs.drop_back(2));
  if (!batch.ok())
    return ShapeOrError::fail("batch_matmul batch dimensions " + str(lhs.drop_back(2)) +
                              " and " + str(rhs.drop_back(2)) + " do not broadcast");
  Shape out = batch.shape;
  out.append(product.shape.begin(), product.shape.end());
  return {out, {}};
}

Shape batchDims(llvm::ArrayRef<int64_t> shape, size_t rank) {
  llvm::ArrayRef<int64_t> own = shape.drop_back(2);
  Shape out(rank - own.size(), 1);
  out.append(own.begin(), own.end());
  return out;
}

ShapeOrError linear(llvm::ArrayRef<int64_t> input, llvm::ArrayRef<int64_t> weight,
                    std::optional<llvm::ArrayRef<int64_t>> bias) {
  if (input.empty())
    return ShapeOrError::fail("linear expects an input of rank >= 1 (..., in), got " +
                              str(input));
  if (weight.size() != 2)
    return ShapeOrError::fail("linear expects a weight of shape (out, in), got " + str(weight));
  if (input.back() != weight[1])
    return ShapeOrError::fail("linear input " + str(input) + " has " +
                              std::to_string(input.back()) + " features but the weight " +
                              str(weight) + " expects " + std::to_string(weight[1]));
  if (bias && (bias->size() != 1 || (*bias)[0] != weight[0]))
    return ShapeOrError::fail("linear expects a bias of shape [" + std::to_string(weight[0]) +
                              "] for the weight " + str(weight) + ", got " + str(*bias));
  Shape out(input.begin(), input.end());
  out.back() = weight[0];
  return {out, {}};
}

} // namespace dlc::dl::shape
