//===- Normalization.cpp - shape rules of the Normalization family ---===//
#include "ir/shape/Normalization.h"

namespace dlc::dl::shape {

namespace {
/// "" when `param` (if present) has shape `expected`.
std::string checkParam(const char *name, std::optional<llvm::ArrayRef<int64_t>> param,
                       llvm::ArrayRef<int64_t> expected, const char *expectedName) {
  if (!param || *param == expected) return {};
  return std::string(name) + " of shape " + str(*param) + " must have the shape of " +
         expectedName + " " + str(expected);
}
} // namespace

ShapeOrError layerNorm(llvm::ArrayRef<int64_t> input, llvm::ArrayRef<int64_t> normalizedShape,
                       std::optional<llvm::ArrayRef<int64_t>> weight,
                       std::optional<llvm::ArrayRef<int64_t>> bias) {
  if (normalizedShape.empty())
    return ShapeOrError::fail("normalized_shape must have at least one dim");
  if (normalizedShape.size() > input.size() ||
      input.take_back(normalizedShape.size()) != normalizedShape)
    return ShapeOrError::fail("normalized_shape " + str(normalizedShape) +
                              " must equal the trailing dims of the input shape " + str(input));
  for (auto [name, p] : {std::pair{"weight", weight}, std::pair{"bias", bias}})
    if (std::string e = checkParam(name, p, normalizedShape, "normalized_shape"); !e.empty())
      return ShapeOrError::fail(e);
  Shape stats(input.begin(), input.end());
  for (size_t d = input.size() - normalizedShape.size(); d < input.size(); ++d) stats[d] = 1;
  return {stats, {}};
}

ShapeOrError batchNorm(llvm::ArrayRef<int64_t> input, llvm::ArrayRef<int64_t> runningMean,
                       llvm::ArrayRef<int64_t> runningVar,
                       std::optional<llvm::ArrayRef<int64_t>> weight,
                       std::optional<llvm::ArrayRef<int64_t>> bias, bool training) {
  if (input.size() < 2)
    return ShapeOrError::fail("input of shape " + str(input) +
                              " must have rank >= 2: (N, C) or (N, C, ...)");
  Shape channels{input[1]};
  for (auto [name, p] : {std::pair{"running_mean", std::optional(runningMean)},
                         std::pair{"running_var", std::optional(runningVar)},
                         std::pair{"weight", weight}, std::pair{"bias", bias}})
    if (std::string e = checkParam(name, p, channels, "(C)"); !e.empty())
      return ShapeOrError::fail(e);
  if (training) {
    int64_t perChannel = 1;
    for (int64_t a : batchNormAxes(input.size())) perChannel *= input[a];
    if (perChannel <= 1)
      return ShapeOrError::fail("training needs more than one value per channel, got input "
                                "shape " + str(input));
  }
  return {channels, {}};
}

llvm::SmallVector<int64_t> batchNormAxes(int64_t rank) {
  llvm::SmallVector<int64_t> axes{0};
  for (int64_t d = 2; d < rank; ++d) axes.push_back(d);
  return axes;
}

llvm::SmallVector<int64_t> layerNormAxes(int64_t rank, int64_t normalizedRank) {
  llvm::SmallVector<int64_t> axes;
  for (int64_t d = rank - normalizedRank; d < rank; ++d) axes.push_back(d);
  return axes;
}

} // namespace dlc::dl::shape
