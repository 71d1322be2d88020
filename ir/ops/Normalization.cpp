//===- Normalization.cpp - verifiers and VJPs of the Normalization family ---===//
#include "ir/ops/NormalizationOps.h"

#include "ir/OpFamilies.h"
#include "ir/ops/Common.h"
#include "ir/ops/ReduceBuilders.h"
#include "ir/shape/Normalization.h"

#define GET_OP_CLASSES
#include "ir/ops/NormalizationOps.cpp.inc"

using namespace mlir;

namespace dlc::dl {
using detail::inferred;
using detail::keptForm;
using detail::reduceKept;
using detail::shapeOf;
using detail::tensorType;

void registerNormalizationOps(DLDialect &dialect) {
  dialect.addFamily<
#define GET_OP_LIST
#include "ir/ops/NormalizationOps.cpp.inc"
      >();
}

namespace {
/// The shape of an optional operand, for the shape rules.
std::optional<ArrayRef<int64_t>> optionalShape(Value v) {
  if (!v) return std::nullopt;
  return shapeOf(v);
}

/// Every present operand has the input's element type (the ODS constraint
/// only says each is a float tensor).
LogicalResult sameElementTypes(std::optional<Location> loc, Value input,
                               ArrayRef<std::pair<const char *, Value>> others) {
  Type element = tensorType(input).getElementType();
  for (auto [name, v] : others)
    if (v && tensorType(v).getElementType() != element)
      return emitOptionalError(loc, name, " has element type ", tensorType(v).getElementType(),
                               " but the input has ", element);
  return success();
}

/// Operands get a cotangent only through `result`: the statistics results
/// are not differentiable.
LogicalResult onlyResultDifferentiable(Operation *op, ValueRange gs) {
  for (Value g : gs.drop_front())
    if (g)
      return op->emitOpError("only its first result is differentiable; a loss depends on "
                             "its saved or running statistics");
  return success();
}

/// x̂ = (x - mean) * rstd with the statistics in keepdims form.
Value normalized(OpBuilder &b, Location loc, Value x, Value mean, Value rstd) {
  return binary<MulOp>(b, loc, binary<SubOp>(b, loc, x, mean), rstd);
}

/// ĝ - mean(ĝ) - x̂ * mean(ĝ * x̂) over `axes` (keepdims): the part of the
/// normalization's input gradient shared by layer_norm and batch_norm in
/// training, before the final scaling by rstd (times weight).
Value centeredGradient(OpBuilder &b, Location loc, Value gHat, Value xHat,
                       ArrayRef<int64_t> axes) {
  int64_t count = 1;
  for (int64_t a : axes) count *= shapeOf(gHat)[a];
  Value inv = scalarLike(b, loc, gHat, 1.0 / double(count));
  Value meanG = binary<MulOp>(b, loc, reduceKept<ReduceSumOp>(b, loc, gHat, axes), inv);
  Value gx = binary<MulOp>(b, loc, gHat, xHat);
  Value meanGx = binary<MulOp>(b, loc, reduceKept<ReduceSumOp>(b, loc, gx, axes), inv);
  return binary<SubOp>(b, loc, binary<SubOp>(b, loc, gHat, meanG),
                       binary<MulOp>(b, loc, xHat, meanGx));
}
} // namespace

//===----------------------------------------------------------------------===//
// layer_norm
//===----------------------------------------------------------------------===//

LogicalResult LayerNormOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                            Adaptor a, SmallVectorImpl<Type> &types) {
  if (failed(sameElementTypes(loc, a.getInput(), {{"weight", a.getWeight()},
                                                  {"bias", a.getBias()}})))
    return failure();
  RankedTensorType in = tensorType(a.getInput());
  shape::ShapeOrError stats = shape::layerNorm(in.getShape(), a.getNormalizedShape(),
                                               optionalShape(a.getWeight()),
                                               optionalShape(a.getBias()));
  if (!stats.ok()) return emitOptionalError(loc, stats.error);
  types.push_back(in);
  RankedTensorType statsType = RankedTensorType::get(stats.shape, in.getElementType());
  types.append({statsType, statsType});
  return success();
}

// The standard fused formula with the saved mean and rstd (x̂, ĝ = g * weight,
// means over the normalized dims):
//   dx = rstd * (ĝ - mean(ĝ) - x̂ * mean(ĝ * x̂))
//   dweight = sum(g * x̂), dbias = sum(g) over the leading dims.
LogicalResult LayerNormOp::buildVJP(OpBuilder &b, ValueRange gs, SmallVectorImpl<Value> &grads) {
  if (failed(onlyResultDifferentiable(*this, gs))) return failure();
  Location loc = getLoc();
  RankedTensorType in = tensorType(getInput());
  SmallVector<int64_t> axes = shape::layerNormAxes(in.getRank(), getNormalizedShape().size());
  Value g = gs[0];
  Value xHat = normalized(b, loc, getInput(), getMean(), getRstd());
  Value gHat = getWeight() ? binary<MulOp>(b, loc, g, getWeight()) : g;
  grads.push_back(binary<MulOp>(b, loc, getRstd(), centeredGradient(b, loc, gHat, xHat, axes)));
  if (Value w = getWeight())
    grads.push_back(unbroadcast(b, loc, binary<MulOp>(b, loc, g, xHat), tensorType(w)));
  if (Value bias = getBias()) grads.push_back(unbroadcast(b, loc, g, tensorType(bias)));
  return success();
}

//===----------------------------------------------------------------------===//
// batch_norm
//===----------------------------------------------------------------------===//

LogicalResult BatchNormOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                            Adaptor a, SmallVectorImpl<Type> &types) {
  if (failed(sameElementTypes(loc, a.getInput(), {{"running_mean", a.getRunningMean()},
                                                  {"running_var", a.getRunningVar()},
                                                  {"weight", a.getWeight()},
                                                  {"bias", a.getBias()}})))
    return failure();
  RankedTensorType in = tensorType(a.getInput());
  shape::ShapeOrError channels = shape::batchNorm(
      in.getShape(), shapeOf(a.getRunningMean()), shapeOf(a.getRunningVar()),
      optionalShape(a.getWeight()), optionalShape(a.getBias()), a.getTraining());
  if (!channels.ok()) return emitOptionalError(loc, channels.error);
  types.push_back(in);
  types.append(4, RankedTensorType::get(channels.shape, in.getElementType()));
  return success();
}

// x̂ = (x - save_mean) * save_rstd, s = save_rstd * weight (per channel):
//   training:  dx = s * (g - mean(g) - x̂ * mean(g * x̂))   (batch statistics
//              depend on x)
//   inference: dx = s * g                                 (an affine map)
//   dweight = sum(g * x̂), dbias = sum(g) over every dim but 1.
LogicalResult BatchNormOp::buildVJP(OpBuilder &b, ValueRange gs, SmallVectorImpl<Value> &grads) {
  if (failed(onlyResultDifferentiable(*this, gs))) return failure();
  Location loc = getLoc();
  RankedTensorType in = tensorType(getInput());
  SmallVector<int64_t> axes = shape::batchNormAxes(in.getRank());
  Value g = gs[0];
  auto kept = [&](Value perChannel) { return keptForm(b, loc, perChannel, in, axes); };
  Value xHatValue; // built on first use: inference without weight needs none
  auto xHat = [&] {
    if (!xHatValue)
      xHatValue = normalized(b, loc, getInput(), kept(getSaveMean()), kept(getSaveRstd()));
    return xHatValue;
  };
  Value scale = getSaveRstd();
  if (Value w = getWeight()) scale = binary<MulOp>(b, loc, scale, w);
  Value dx = getTraining() ? centeredGradient(b, loc, g, xHat(), axes) : g;
  grads.push_back(binary<MulOp>(b, loc, kept(scale), dx));
  grads.append({Value(), Value()}); // running statistics: buffers, no gradient
  auto perChannelSum = [&](Value v) {
    return ReduceSumOp::create(b, loc, tensorType(getSaveMean()), v,
                               b.getDenseI64ArrayAttr(axes), /*keepdims=*/false);
  };
  if (getWeight()) grads.push_back(perChannelSum(binary<MulOp>(b, loc, g, xHat())));
  if (getBias()) grads.push_back(perChannelSum(g));
  return success();
}

} // namespace dlc::dl
