//===- Statistics.cpp - verifiers and VJPs of the Statistics family ---===//
#include "ir/ops/StatisticsOps.h"

#include "ir/OpFamilies.h"
#include "ir/ops/Common.h"
#include "ir/ops/ReduceBuilders.h"
#include "ir/shape/Statistics.h"

#include <algorithm>

#define GET_OP_CLASSES
#include "ir/ops/StatisticsOps.cpp.inc"

using namespace mlir;

namespace dlc::dl {
using detail::inferred;
using detail::keptForm;
using detail::reduceKept;
using detail::shapeOf;
using detail::tensorType;
using detail::tiedExtremumGradient;

void registerStatisticsOps(DLDialect &dialect) {
  dialect.addFamily<
#define GET_OP_LIST
#include "ir/ops/StatisticsOps.cpp.inc"
      >();
}

namespace {
/// reduce_sum of `x` over `axes` with the given keepdims and result type.
Value sumTo(OpBuilder &b, Location loc, Type type, Value x, ArrayRef<int64_t> axes,
            bool keepdims) {
  return ReduceSumOp::create(b, loc, type, x, b.getDenseI64ArrayAttr(axes), keepdims);
}

/// mean of `x` over `axes`, keepdims (shared by var's decomposition and VJP).
Value meanKept(OpBuilder &b, Location loc, Value x, ArrayRef<int64_t> axes) {
  double n = double(shape::reducedCount(shapeOf(x), axes));
  return binary<DivOp>(b, loc, reduceKept<ReduceSumOp>(b, loc, x, axes), scalarLike(b, loc, x, n));
}
} // namespace

//===----------------------------------------------------------------------===//
// mean
//===----------------------------------------------------------------------===//

LogicalResult MeanOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc, Adaptor a,
                                       SmallVectorImpl<Type> &types) {
  return inferred(loc, shape::reduce(shapeOf(a.getInput()), a.getAxes(), a.getKeepdims()),
                  tensorType(a.getInput()).getElementType(), types);
}

// d(mean x) = g / n, broadcast back over the reduced axes.
LogicalResult MeanOp::buildVJP(OpBuilder &b, ValueRange gs, SmallVectorImpl<Value> &grads) {
  Location loc = getLoc();
  RankedTensorType in = tensorType(getInput());
  double n = double(shape::reducedCount(in.getShape(), getAxes()));
  Value g = keptForm(b, loc, gs[0], in, getAxes());
  g = binary<DivOp>(b, loc, g, scalarLike(b, loc, g, n));
  grads.push_back(BroadcastToOp::create(b, loc, in, g));
  return success();
}

// sum(x) / n; an empty axis gives 0 / 0 = NaN, as PyTorch.
LogicalResult MeanOp::decompose(OpBuilder &b, SmallVectorImpl<Value> &results) {
  Location loc = getLoc();
  double n = double(shape::reducedCount(shapeOf(getInput()), getAxes()));
  Value s = sumTo(b, loc, getType(), getInput(), getAxes(), getKeepdims());
  results.push_back(binary<DivOp>(b, loc, s, scalarLike(b, loc, s, n)));
  return success();
}

//===----------------------------------------------------------------------===//
// reduce_min
//===----------------------------------------------------------------------===//

LogicalResult ReduceMinOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                            Adaptor a, SmallVectorImpl<Type> &types) {
  return inferred(loc, shape::reduceMin(shapeOf(a.getInput()), a.getAxes(), a.getKeepdims()),
                  tensorType(a.getInput()).getElementType(), types);
}

// As reduce_max's: ties share the cotangent evenly (PyTorch's amin).
LogicalResult ReduceMinOp::buildVJP(OpBuilder &b, ValueRange gs, SmallVectorImpl<Value> &grads) {
  grads.push_back(
      tiedExtremumGradient(b, getLoc(), getInput(), getResult(), gs[0], getAxes(), false));
  return success();
}

// min x = -max(-x), exactly: negation only flips the sign bit (NaN stays NaN).
LogicalResult ReduceMinOp::decompose(OpBuilder &b, SmallVectorImpl<Value> &results) {
  Location loc = getLoc();
  Value negated = NegOp::create(b, loc, getInput());
  Value m = ReduceMaxOp::create(b, loc, getType(), negated, getAxesAttr(), getKeepdims());
  results.push_back(NegOp::create(b, loc, m));
  return success();
}

//===----------------------------------------------------------------------===//
// argmax
//===----------------------------------------------------------------------===//

LogicalResult ArgmaxOp::inferReturnTypes(MLIRContext *ctx, std::optional<Location> loc,
                                         Adaptor a, SmallVectorImpl<Type> &types) {
  return inferred(loc, shape::argmax(shapeOf(a.getInput()), a.getAxis(), a.getKeepdims()),
                  IntegerType::get(ctx, 64), types);
}

//===----------------------------------------------------------------------===//
// logsumexp
//===----------------------------------------------------------------------===//

LogicalResult LogSumExpOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                            Adaptor a, SmallVectorImpl<Type> &types) {
  return inferred(loc, shape::reduce(shapeOf(a.getInput()), a.getAxes(), a.getKeepdims()),
                  tensorType(a.getInput()).getElementType(), types);
}

// y = log sum exp x: dy/dx = exp(x - y) = softmax(x) over the axes.
LogicalResult LogSumExpOp::buildVJP(OpBuilder &b, ValueRange gs, SmallVectorImpl<Value> &grads) {
  Location loc = getLoc();
  RankedTensorType in = tensorType(getInput());
  Value y = keptForm(b, loc, getResult(), in, getAxes());
  Value g = keptForm(b, loc, gs[0], in, getAxes());
  Value p = ExpOp::create(b, loc, binary<SubOp>(b, loc, getInput(), y));
  grads.push_back(binary<MulOp>(b, loc, p, g));
  return success();
}

//===----------------------------------------------------------------------===//
// var
//===----------------------------------------------------------------------===//

LogicalResult VarOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc, Adaptor a,
                                      SmallVectorImpl<Type> &types) {
  return inferred(loc,
                  shape::variance(shapeOf(a.getInput()), a.getAxes(), a.getCorrection(),
                                  a.getKeepdims()),
                  tensorType(a.getInput()).getElementType(), types);
}

// dx = 2 (x - mean) / (n - correction) * g, as PyTorch's var_backward.
LogicalResult VarOp::buildVJP(OpBuilder &b, ValueRange gs, SmallVectorImpl<Value> &grads) {
  Location loc = getLoc();
  RankedTensorType in = tensorType(getInput());
  double n = double(shape::reducedCount(in.getShape(), getAxes()));
  Value centered = binary<SubOp>(b, loc, getInput(), meanKept(b, loc, getInput(), getAxes()));
  Value g = keptForm(b, loc, gs[0], in, getAxes());
  g = binary<MulOp>(b, loc, g, scalarLike(b, loc, g, 2.0 / (n - double(getCorrection()))));
  grads.push_back(binary<MulOp>(b, loc, centered, g));
  return success();
}

// Two passes: the mean, then the squared deviations from it; divided by
// max(0, n - correction) as PyTorch.
LogicalResult VarOp::decompose(OpBuilder &b, SmallVectorImpl<Value> &results) {
  Location loc = getLoc();
  double n = double(shape::reducedCount(shapeOf(getInput()), getAxes()));
  Value centered = binary<SubOp>(b, loc, getInput(), meanKept(b, loc, getInput(), getAxes()));
  Value squares = binary<MulOp>(b, loc, centered, centered);
  Value s = sumTo(b, loc, getType(), squares, getAxes(), getKeepdims());
  double divisor = std::max(0.0, n - double(getCorrection()));
  results.push_back(binary<DivOp>(b, loc, s, scalarLike(b, loc, s, divisor)));
  return success();
}

} // namespace dlc::dl
