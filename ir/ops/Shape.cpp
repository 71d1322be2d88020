//===- Shape.cpp - dl.reshape, dl.broadcast_to -----------------------------===//
#include "ir/ops/Common.h"

using namespace mlir;

namespace dlc::dl {
using detail::shapeOf;
using detail::tensorType;

LogicalResult ReshapeOp::verify() {
  return detail::check(*this, shape::checkReshape(shapeOf(getInput()), shapeOf(getResult())));
}

OpFoldResult ReshapeOp::fold(FoldAdaptor) {
  if (getInput().getType() == getType()) return getInput();
  // reshape(reshape(x)) = reshape(x)
  if (auto inner = getInput().getDefiningOp<ReshapeOp>()) {
    getInputMutable().assign(inner.getInput());
    return getResult();
  }
  return {};
}

// Cotangent of a reshape is the cotangent reshaped back.
LogicalResult ReshapeOp::buildVJP(OpBuilder &b, ValueRange gs, SmallVectorImpl<Value> &grads) {
  grads.push_back(ReshapeOp::create(b, getLoc(), tensorType(getInput()), gs[0]));
  return success();
}

LogicalResult BroadcastToOp::verify() {
  return detail::check(*this,
                       shape::checkBroadcastTo(shapeOf(getInput()), shapeOf(getResult())));
}

OpFoldResult BroadcastToOp::fold(FoldAdaptor) {
  if (getInput().getType() == getType()) return getInput();
  return {};
}

// Broadcasting copies; its cotangent sums the copies.
LogicalResult BroadcastToOp::buildVJP(OpBuilder &b, ValueRange gs,
                                      SmallVectorImpl<Value> &grads) {
  grads.push_back(unbroadcast(b, getLoc(), gs[0], tensorType(getInput())));
  return success();
}

} // namespace dlc::dl
