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

// The backward reads the forward's arg-max workspace: the rule replaces this
// op (in the gradient function being built) by max_pool2d_with_workspace,
// computed once where the forward was, and feeds its workspace to
// max_pool2d_backward.
LogicalResult MaxPool2dOp::buildVJP(OpBuilder &b, ValueRange gs, SmallVectorImpl<Value> &grads) {
  OpBuilder here(getOperation());
  auto training = MaxPool2dWithWorkspaceOp::create(here, getLoc(), getInput(), getKernel(),
                                                   getStride(), getPadding());
  getResult().replaceAllUsesWith(training.getResult());
  grads.push_back(MaxPool2dBackwardOp::create(b, getLoc(), tensorType(getInput()), gs[0],
                                              training.getWorkspace(), getKernel(),
                                              getStride(), getPadding()));
  return success();
}

LogicalResult MaxPool2dWithWorkspaceOp::inferReturnTypes(MLIRContext *ctx,
                                                         std::optional<Location> loc, Adaptor a,
                                                         SmallVectorImpl<Type> &types) {
  shape::ShapeOrError y =
      shape::pool2d(shapeOf(a.getInput()), a.getKernel(), a.getStride(), a.getPadding());
  if (!y.ok()) return inferred(loc, y, tensorType(a.getInput()).getElementType(), types);
  shape::ShapeOrError ws = shape::maxPool2dWorkspace(y.shape, a.getKernel());
  if (failed(inferred(loc, y, tensorType(a.getInput()).getElementType(), types)))
    return failure();
  return inferred(loc, ws, IntegerType::get(ctx, 8), types);
}

LogicalResult AvgPool2dBackwardOp::verify() {
  return check(*this, checkForward(shape::pool2d(shapeOf(getInput()), getKernel(), getStride(),
                                                 getPadding()),
                                   shapeOf(getGrad()), "gradient"));
}

LogicalResult MaxPool2dBackwardOp::verify() {
  ArrayRef<int64_t> dx = shapeOf(getResult());
  if (std::string e = checkForward(shape::pool2d(dx, getKernel(), getStride(), getPadding()),
                                   shapeOf(getGrad()), "gradient");
      !e.empty())
    return check(*this, e);
  shape::ShapeOrError ws = shape::maxPool2dWorkspace(shapeOf(getGrad()), getKernel());
  return check(*this, checkForward(ws, shapeOf(getWorkspace()), "workspace"));
}

//===----------------------------------------------------------------------===//
// Runtime kernels (runtime/abi/Kernels.def)
//===----------------------------------------------------------------------===//

template <typename OpTy>
static SmallVector<int64_t> convInts(OpTy op) {
  auto s = op.getStride(), p = op.getPadding();
  return {s[0], s[1], p[0], p[1]};
}
template <typename OpTy>
static SmallVector<int64_t> poolInts(OpTy op) {
  auto k = op.getKernel(), s = op.getStride(), p = op.getPadding();
  return {k[0], k[1], s[0], s[1], p[0], p[1]};
}

StringRef Conv2dOp::getKernelName() { return "conv2d_fwd"; }
SmallVector<int64_t> Conv2dOp::getKernelInts() { return convInts(*this); }
StringRef Conv2dBackwardDataOp::getKernelName() { return "conv2d_bwd_data"; }
SmallVector<int64_t> Conv2dBackwardDataOp::getKernelInts() { return convInts(*this); }
StringRef Conv2dBackwardFilterOp::getKernelName() { return "conv2d_bwd_filter"; }
SmallVector<int64_t> Conv2dBackwardFilterOp::getKernelInts() { return convInts(*this); }
StringRef MaxPool2dOp::getKernelName() { return "max_pool2d_fwd"; }
SmallVector<int64_t> MaxPool2dOp::getKernelInts() { return poolInts(*this); }
StringRef MaxPool2dWithWorkspaceOp::getKernelName() { return "max_pool2d_fwd_train"; }
SmallVector<int64_t> MaxPool2dWithWorkspaceOp::getKernelInts() { return poolInts(*this); }
StringRef MaxPool2dBackwardOp::getKernelName() { return "max_pool2d_bwd"; }
SmallVector<int64_t> MaxPool2dBackwardOp::getKernelInts() { return poolInts(*this); }
StringRef AvgPool2dOp::getKernelName() { return "avg_pool2d_fwd"; }
SmallVector<int64_t> AvgPool2dOp::getKernelInts() { return poolInts(*this); }
StringRef AvgPool2dBackwardOp::getKernelName() { return "avg_pool2d_bwd"; }
SmallVector<int64_t> AvgPool2dBackwardOp::getKernelInts() { return poolInts(*this); }

} // namespace dlc::dl
