//===- Reduction.cpp - reduce_sum, reduce_max, softmax, log_softmax -------===//
#include "ir/ops/Common.h"
#include "ir/ops/ReduceBuilders.h"

using namespace mlir;

namespace dlc::dl {
using detail::inferred;
using detail::keptForm;
using detail::reduceKept;
using detail::shapeOf;
using detail::tensorType;
using detail::tiedExtremumGradient;

//===----------------------------------------------------------------------===//
// reduce_sum
//===----------------------------------------------------------------------===//

LogicalResult ReduceSumOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                            Adaptor a, SmallVectorImpl<Type> &types) {
  return inferred(loc, shape::reduce(shapeOf(a.getInput()), a.getAxes(), a.getKeepdims()),
                  tensorType(a.getInput()).getElementType(), types);
}

// d(sum x) = broadcast g back over the reduced axes.
LogicalResult ReduceSumOp::buildVJP(OpBuilder &b, ValueRange gs, SmallVectorImpl<Value> &grads) {
  RankedTensorType in = tensorType(getInput());
  Value g = keptForm(b, getLoc(), gs[0], in, getAxes());
  grads.push_back(BroadcastToOp::create(b, getLoc(), in, g));
  return success();
}

//===----------------------------------------------------------------------===//
// reduce_max
//===----------------------------------------------------------------------===//

LogicalResult ReduceMaxOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                            Adaptor a, SmallVectorImpl<Type> &types) {
  return inferred(loc, shape::reduceMax(shapeOf(a.getInput()), a.getAxes(), a.getKeepdims()),
                  tensorType(a.getInput()).getElementType(), types);
}

// The cotangent goes to the positions attaining the maximum, split evenly
// between ties, as PyTorch's amax (`max(dim)` instead routes it to one index).
LogicalResult ReduceMaxOp::buildVJP(OpBuilder &b, ValueRange gs, SmallVectorImpl<Value> &grads) {
  grads.push_back(
      tiedExtremumGradient(b, getLoc(), getInput(), getResult(), gs[0], getAxes(), true));
  return success();
}

//===----------------------------------------------------------------------===//
// softmax
//===----------------------------------------------------------------------===//

LogicalResult SoftmaxOp::verify() {
  return detail::check(*this, shape::checkAxis(tensorType(getInput()).getRank(), getAxis()));
}

// y = softmax(x): dx = y * (g - sum(g * y, axis, keepdims)).
LogicalResult SoftmaxOp::buildVJP(OpBuilder &b, ValueRange gs, SmallVectorImpl<Value> &grads) {
  Location loc = getLoc();
  Value y = getResult();
  Value gy = binary<MulOp>(b, loc, gs[0], y);
  SmallVector<int64_t> axes{static_cast<int64_t>(getAxis())};
  shape::ShapeOrError kept = shape::reduce(shapeOf(y), axes, /*keepdims=*/true);
  Value s = ReduceSumOp::create(b, loc, RankedTensorType::get(kept.shape, tensorType(y).getElementType()), gy,
                                b.getDenseI64ArrayAttr(axes), /*keepdims=*/true);
  grads.push_back(binary<MulOp>(b, loc, y, binary<SubOp>(b, loc, gs[0], s)));
  return success();
}

// e = exp(x - max(x)); y = e / sum(e). Subtracting the max keeps exp from
// overflowing; the largest term is exactly 1, so the sum is in [1, C].
LogicalResult SoftmaxOp::decompose(OpBuilder &b, SmallVectorImpl<Value> &results) {
  Location loc = getLoc();
  SmallVector<int64_t> axes{int64_t(getAxis())};
  Value m = reduceKept<ReduceMaxOp>(b, loc, getInput(), axes);
  Value e = ExpOp::create(b, loc, binary<SubOp>(b, loc, getInput(), m));
  results.push_back(binary<DivOp>(b, loc, e, reduceKept<ReduceSumOp>(b, loc, e, axes)));
  return success();
}

//===----------------------------------------------------------------------===//
// log_softmax
//===----------------------------------------------------------------------===//

LogicalResult LogSoftmaxOp::verify() {
  return detail::check(*this, shape::checkAxis(tensorType(getInput()).getRank(), getAxis()));
}

// y = x - lse(x): dy/dx = I - softmax(x) along the axis, so
// dx = g - exp(y) * sum(g, axis, keepdims).
LogicalResult LogSoftmaxOp::buildVJP(OpBuilder &b, ValueRange gs,
                                     SmallVectorImpl<Value> &grads) {
  Location loc = getLoc();
  Value s = reduceKept<ReduceSumOp>(b, loc, gs[0], {int64_t(getAxis())});
  Value p = ExpOp::create(b, loc, getResult());
  grads.push_back(binary<SubOp>(b, loc, gs[0], binary<MulOp>(b, loc, p, s)));
  return success();
}

// z = x - max(x); y = z - log(sum(exp(z))). Never exponentiates a positive
// number, and keeps z exact instead of computing log(softmax(x)), which
// would round small probabilities to 0 and return -inf.
LogicalResult LogSoftmaxOp::decompose(OpBuilder &b, SmallVectorImpl<Value> &results) {
  Location loc = getLoc();
  SmallVector<int64_t> axes{int64_t(getAxis())};
  Value z = binary<SubOp>(b, loc, getInput(), reduceKept<ReduceMaxOp>(b, loc, getInput(), axes));
  Value sum = reduceKept<ReduceSumOp>(b, loc, ExpOp::create(b, loc, z), axes);
  results.push_back(binary<SubOp>(b, loc, z, LogOp::create(b, loc, sum)));
  return success();
}

} // namespace dlc::dl
