//===- Vision.cpp - convolution and pooling -------------------------------===//
#include "ir/ops/Common.h"

using namespace mlir;

namespace dlc::dl {
using detail::check;
using detail::inferred;
using detail::shapeOf;
using detail::tensorType;

/// An error unless the forward rule maps `input` to exactly `output`.
static std::string checkForward(const shape::ShapeOrError &forward,
                                ArrayRef<int64_t> output, const char *what) {
  if (!forward.ok()) return forward.error;
  if (ArrayRef<int64_t>(forward.shape) != output)
    return std::string(what) + " shape " + shape::str(output) +
           " does not match the forward output shape " + shape::str(forward.shape);
  return {};
}

//===----------------------------------------------------------------------===//
// conv2d
//===----------------------------------------------------------------------===//

LogicalResult Conv2dOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                         Adaptor a, SmallVectorImpl<Type> &types) {
  return inferred(loc,
                  shape::conv2d(shapeOf(a.getInput()), shapeOf(a.getFilter()), a.getStride(),
                                a.getPadding()),
                  tensorType(a.getInput()).getElementType(), types);
}

// dx and dw come from oneDNN's backward primitives.
LogicalResult Conv2dOp::buildVJP(OpBuilder &b, ValueRange gs, SmallVectorImpl<Value> &grads) {
  Location loc = getLoc();
  grads.push_back(Conv2dBackwardDataOp::create(b, loc, tensorType(getInput()), gs[0],
                                               getFilter(), getStride(), getPadding()));
  grads.push_back(Conv2dBackwardFilterOp::create(b, loc, tensorType(getFilter()), getInput(),
                                                 gs[0], getStride(), getPadding()));
  return success();
}

LogicalResult Conv2dBackwardDataOp::verify() {
  return check(*this, checkForward(shape::conv2d(shapeOf(getResult()), shapeOf(getFilter()),
                                                 getStride(), getPadding()),
                                   shapeOf(getGrad()), "gradient"));
}

LogicalResult Conv2dBackwardFilterOp::verify() {
  return check(*this, checkForward(shape::conv2d(shapeOf(getInput()), shapeOf(getResult()),
                                                 getStride(), getPadding()),
                                   shapeOf(getGrad()), "gradient"));
}

//===----------------------------------------------------------------------===//
// Pooling
//===----------------------------------------------------------------------===//

template <typename Adaptor>
static LogicalResult inferPool(std::optional<Location> loc, Adaptor a,
                               SmallVectorImpl<Type> &types) {
  return inferred(loc,
                  shape::pool2d(shapeOf(a.getInput()), a.getKernel(), a.getStride(),
                                a.getPadding()),
                  tensorType(a.getInput()).getElementType(), types);
}

LogicalResult AvgPool2dOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                            Adaptor a, SmallVectorImpl<Type> &types) {
  return inferPool(loc, a, types);
}
LogicalResult MaxPool2dOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                            Adaptor a, SmallVectorImpl<Type> &types) {
  return inferPool(loc, a, types);
}

template <typename BackwardOp, typename ForwardOp>
static LogicalResult poolVJP(ForwardOp op, OpBuilder &b, ValueRange gs,
                             SmallVectorImpl<Value> &grads) {
  grads.push_back(BackwardOp::create(b, op.getLoc(), tensorType(op.getInput()), gs[0],
                                     op.getInput(), op.getKernel(), op.getStride(),
                                     op.getPadding()));
  return success();
}

LogicalResult AvgPool2dOp::buildVJP(OpBuilder &b, ValueRange gs, SmallVectorImpl<Value> &grads) {
  return poolVJP<AvgPool2dBackwardOp>(*this, b, gs, grads);
}
LogicalResult MaxPool2dOp::buildVJP(OpBuilder &b, ValueRange gs, SmallVectorImpl<Value> &grads) {
  return poolVJP<MaxPool2dBackwardOp>(*this, b, gs, grads);
}

template <typename BackwardOp>
static LogicalResult verifyPoolBackward(BackwardOp op) {
  return check(op, checkForward(shape::pool2d(shapeOf(op.getInput()), op.getKernel(),
                                              op.getStride(), op.getPadding()),
                                shapeOf(op.getGrad()), "gradient"));
}
LogicalResult AvgPool2dBackwardOp::verify() { return verifyPoolBackward(*this); }
LogicalResult MaxPool2dBackwardOp::verify() { return verifyPoolBackward(*this); }

} // namespace dlc::dl
