//===- Criterion.cpp - shape rules of the Criterion family ---===//
#include "ir/shape/Criterion.h"

namespace dlc::dl::shape {

int64_t classAxis(int64_t inputRank) { return inputRank == 1 ? 0 : 1; }

std::string checkReduction(llvm::StringRef reduction) {
  if (reduction == "none" || reduction == "mean" || reduction == "sum") return "";
  return "reduction must be \"none\", \"mean\" or \"sum\", got \"" + reduction.str() + "\"";
}

ShapeOrError lossResult(llvm::ArrayRef<int64_t> perElement, llvm::StringRef reduction) {
  if (std::string e = checkReduction(reduction); !e.empty()) return ShapeOrError::fail(e);
  if (reduction == "none") return {Shape(perElement.begin(), perElement.end()), ""};
  return {Shape{}, ""};
}

namespace {
std::string checkWeight(llvm::ArrayRef<int64_t> weight, int64_t classes) {
  if (weight.size() == 1 && weight[0] == classes) return "";
  return "weight must have one element per class, shape [" + std::to_string(classes) +
         "], got " + str(weight);
}
} // namespace

ShapeOrError classLoss(llvm::ArrayRef<int64_t> input, llvm::ArrayRef<int64_t> target,
                       bool hasWeight, llvm::ArrayRef<int64_t> weight) {
  if (input.empty())
    return ShapeOrError::fail("input must have a class dimension: (C), (N, C) or (N, C, d1, ...)");
  int64_t axis = classAxis(input.size());
  Shape expected(input.begin(), input.end());
  expected.erase(expected.begin() + axis);
  if (llvm::ArrayRef<int64_t>(expected) != target)
    return ShapeOrError::fail("target of shape " + str(target) + " does not match input " +
                              str(input) + ": expected " + str(expected) +
                              " (the input without its class dimension " +
                              std::to_string(axis) + ")");
  if (hasWeight)
    if (std::string e = checkWeight(weight, input[axis]); !e.empty())
      return ShapeOrError::fail(e);
  return {expected, ""};
}

ShapeOrError targetWeights(llvm::ArrayRef<int64_t> target, int64_t classes, bool hasWeight,
                           llvm::ArrayRef<int64_t> weight) {
  if (classes <= 0)
    return ShapeOrError::fail("classes must be positive, got " + std::to_string(classes));
  if (hasWeight)
    if (std::string e = checkWeight(weight, classes); !e.empty()) return ShapeOrError::fail(e);
  Shape out(target.begin(), target.end());
  out.insert(out.begin() + (target.empty() ? 0 : 1), classes);
  return {out, ""};
}

ShapeOrError classWeightedSum(llvm::ArrayRef<int64_t> weights, llvm::ArrayRef<int64_t> input) {
  if (input.empty())
    return ShapeOrError::fail("input must have a class dimension: (C), (N, C) or (N, C, d1, ...)");
  if (weights != input)
    return ShapeOrError::fail("weights " + str(weights) + " must have the input's shape " +
                              str(input));
  Shape out(input.begin(), input.end());
  out.erase(out.begin() + classAxis(input.size()));
  return {out, ""};
}

ShapeOrError sameShapeLoss(llvm::ArrayRef<int64_t> input, llvm::ArrayRef<int64_t> target) {
  if (input != target)
    return ShapeOrError::fail("target " + str(target) + " must have the input's shape " +
                              str(input));
  return {Shape(input.begin(), input.end()), ""};
}

ShapeOrError bceWithLogits(llvm::ArrayRef<int64_t> input, llvm::ArrayRef<int64_t> target,
                           bool hasWeight, llvm::ArrayRef<int64_t> weight, bool hasPosWeight,
                           llvm::ArrayRef<int64_t> posWeight) {
  ShapeOrError r = sameShapeLoss(input, target);
  if (!r.ok()) return r;
  if (hasWeight)
    if (std::string e = checkBroadcastTo(weight, input); !e.empty())
      return ShapeOrError::fail("weight: " + e);
  if (hasPosWeight)
    if (std::string e = checkBroadcastTo(posWeight, input); !e.empty())
      return ShapeOrError::fail("pos_weight: " + e);
  return r;
}

ShapeOrError validLengths(llvm::ArrayRef<int64_t> input, bool hasValidLens,
                          llvm::ArrayRef<int64_t> validLens) {
  if (input.size() < 2)
    return ShapeOrError::fail("input must have rank >= 2 (rows of scores), got " + str(input));
  if (hasValidLens) {
    size_t r = validLens.size();
    if (r < 1 || r >= input.size() || input.take_front(r) != validLens)
      return ShapeOrError::fail("valid_lens of shape " + str(validLens) +
                                " must be a leading part of the input's shape " + str(input) +
                                " without its last dimension, e.g. " +
                                str(input.take_front(1)) + " or " +
                                str(input.take_front(input.size() - 1)));
  }
  return {Shape(input.begin(), input.end()), ""};
}

} // namespace dlc::dl::shape
