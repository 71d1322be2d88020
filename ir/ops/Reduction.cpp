//===- Reduction.cpp - dl.reduce_sum, dl.softmax ---------------------------===//
#include "ir/ops/Common.h"

using namespace mlir;

namespace dlc::dl {
using detail::inferred;
using detail::shapeOf;
using detail::tensorType;

LogicalResult ReduceSumOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                            Adaptor a, SmallVectorImpl<Type> &types) {
  return inferred(loc, shape::reduce(shapeOf(a.getInput()), a.getAxes(), a.getKeepdims()),
                  tensorType(a.getInput()).getElementType(), types);
}

// d(sum x) = broadcast g back over the reduced axes.
LogicalResult ReduceSumOp::buildVJP(OpBuilder &b, ValueRange gs, SmallVectorImpl<Value> &grads) {
  Location loc = getLoc();
  RankedTensorType in = tensorType(getInput());
  Value g = gs[0];
  if (!getKeepdims()) {
    shape::ShapeOrError kept = shape::reduce(in.getShape(), getAxes(), /*keepdims=*/true);
    g = ReshapeOp::create(b, loc, RankedTensorType::get(kept.shape, in.getElementType()), g);
  }
  grads.push_back(BroadcastToOp::create(b, loc, in, g));
  return success();
}

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

} // namespace dlc::dl
