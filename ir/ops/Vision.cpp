//===- Vision.cpp - convolution and pooling -------------------------------===//
#include "ir/ops/Common.h"
#include "ir/ops/LinearOps.h"
#include "ir/ops/ReduceBuilders.h"

#include "mlir/IR/BuiltinAttributes.h"

using namespace mlir;

namespace dlc::dl {
using detail::check;
using detail::inferred;
using detail::shapeOf;
using detail::tensorType;
using detail::reduceKept;

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
                                a.getPadding(), a.getDilation(), a.getGroups()),
                  tensorType(a.getInput()).getElementType(), types);
}

// dx and dw come from oneDNN's backward primitives.
LogicalResult Conv2dOp::buildVJP(OpBuilder &b, ValueRange gs, SmallVectorImpl<Value> &grads) {
  Location loc = getLoc();
  grads.push_back(Conv2dBackwardDataOp::create(b, loc, tensorType(getInput()), gs[0],
                                               getFilter(), getStride(), getPadding(),
                                               getDilation(), getGroups()));
  grads.push_back(Conv2dBackwardFilterOp::create(b, loc, tensorType(getFilter()), getInput(),
                                                 gs[0], getStride(), getPadding(),
                                                 getDilation(), getGroups()));
  return success();
}

LogicalResult Conv2dBackwardDataOp::verify() {
  return check(*this, checkForward(shape::conv2d(shapeOf(getResult()), shapeOf(getFilter()),
                                                 getStride(), getPadding(), getDilation(),
                                                 getGroups()),
                                   shapeOf(getGrad()), "gradient"));
}

LogicalResult Conv2dBackwardFilterOp::verify() {
  return check(*this, checkForward(shape::conv2d(shapeOf(getInput()), shapeOf(getResult()),
                                                 getStride(), getPadding(), getDilation(),
                                                 getGroups()),
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
                                a.getPadding(), a.getCeilMode()),
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

LogicalResult AvgPool2dOp::buildVJP(OpBuilder &b, ValueRange gs, SmallVectorImpl<Value> &grads) {
  grads.push_back(AvgPool2dBackwardOp::create(b, getLoc(), tensorType(getInput()), gs[0],
                                              getInput(), getKernel(), getStride(),
                                              getPadding(), getCeilMode(),
                                              getCountIncludePad()));
  return success();
}

// The backward reads the forward's arg-max workspace: the rule replaces this
// op (in the gradient function being built) by max_pool2d_with_workspace,
// computed once where the forward was, and feeds its workspace to
// max_pool2d_backward.
LogicalResult MaxPool2dOp::buildVJP(OpBuilder &b, ValueRange gs, SmallVectorImpl<Value> &grads) {
  OpBuilder here(getOperation());
  auto training = MaxPool2dWithWorkspaceOp::create(here, getLoc(), getInput(), getKernel(),
                                                   getStride(), getPadding(), getCeilMode());
  getResult().replaceAllUsesWith(training.getResult());
  grads.push_back(MaxPool2dBackwardOp::create(b, getLoc(), tensorType(getInput()), gs[0],
                                              training.getWorkspace(), getKernel(),
                                              getStride(), getPadding(), getCeilMode()));
  return success();
}

LogicalResult MaxPool2dWithWorkspaceOp::inferReturnTypes(MLIRContext *ctx,
                                                         std::optional<Location> loc, Adaptor a,
                                                         SmallVectorImpl<Type> &types) {
  shape::ShapeOrError y = shape::pool2d(shapeOf(a.getInput()), a.getKernel(), a.getStride(),
                                        a.getPadding(), a.getCeilMode());
  if (!y.ok()) return inferred(loc, y, tensorType(a.getInput()).getElementType(), types);
  shape::ShapeOrError ws = shape::maxPool2dWorkspace(y.shape, a.getKernel());
  if (failed(inferred(loc, y, tensorType(a.getInput()).getElementType(), types)))
    return failure();
  return inferred(loc, ws, IntegerType::get(ctx, 8), types);
}

LogicalResult AvgPool2dBackwardOp::verify() {
  return check(*this, checkForward(shape::pool2d(shapeOf(getInput()), getKernel(), getStride(),
                                                 getPadding(), getCeilMode()),
                                   shapeOf(getGrad()), "gradient"));
}

LogicalResult MaxPool2dBackwardOp::verify() {
  ArrayRef<int64_t> dx = shapeOf(getResult());
  if (std::string e = checkForward(
          shape::pool2d(dx, getKernel(), getStride(), getPadding(), getCeilMode()),
                                   shapeOf(getGrad()), "gradient");
      !e.empty())
    return check(*this, e);
  shape::ShapeOrError ws = shape::maxPool2dWorkspace(shapeOf(getGrad()), getKernel());
  return check(*this, checkForward(ws, shapeOf(getWorkspace()), "workspace"));
}

//===----------------------------------------------------------------------===//
// adaptive_avg_pool2d
//===----------------------------------------------------------------------===//

LogicalResult AdaptiveAvgPool2dOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                                    Adaptor a, SmallVectorImpl<Type> &types) {
  return inferred(loc, shape::adaptivePool2d(shapeOf(a.getInput()), a.getOutputSize()),
                  tensorType(a.getInput()).getElementType(), types);
}

/// The (out, in) matrix averaging `in` positions into `out` adaptive
/// windows: row i is 1/|window i| over window i, 0 elsewhere.
static Value averagingMatrix(OpBuilder &b, Location loc, Type element, int64_t out, int64_t in) {
  SmallVector<double> values(out * in, 0.0);
  for (int64_t i = 0; i < out; ++i) {
    auto [start, end] = shape::adaptiveWindow(i, in, out);
    for (int64_t j = start; j < end; ++j) values[i * in + j] = 1.0 / double(end - start);
  }
  auto type = RankedTensorType::get({out, in}, element);
  SmallVector<Attribute> attrs;
  for (double v : values) attrs.push_back(b.getFloatAttr(element, v));
  return ConstantOp::create(b, loc, DenseElementsAttr::get(type, attrs));
}

static Value reshapedTo(OpBuilder &b, Location loc, Value v, ArrayRef<int64_t> shape) {
  return ReshapeOp::create(b, loc, RankedTensorType::get(shape, tensorType(v).getElementType()),
                           v);
}

/// Pₕ·m·P_wᵀ for every image m of `x` (N, C, H, W) → (N, C, OH, OW), with
/// `ph` (OH, H) and `pw` (OW, W); the VJP passes the transposed matrices.
static Value separable(OpBuilder &b, Location loc, Value x, Value ph, bool transposePh,
                       Value pw, bool transposePw) {
  ArrayRef<int64_t> s = shapeOf(x);
  Type element = tensorType(x).getElementType();
  int64_t images = s[0] * s[1];
  int64_t oh = shapeOf(ph)[transposePh ? 1 : 0], ow = shapeOf(pw)[transposePw ? 1 : 0];
  Value m = reshapedTo(b, loc, x, {images, s[2], s[3]});
  // (H', H)·(images, H, W) → (images, H', W), then ·(W', W)ᵀ → (images, H', W').
  Value rows = BatchMatmulOp::create(
      b, loc, RankedTensorType::get({images, oh, s[3]}, element), ph, m, transposePh, false);
  Value both = BatchMatmulOp::create(b, loc, RankedTensorType::get({images, oh, ow}, element),
                                     rows, pw, false, !transposePw);
  return reshapedTo(b, loc, both, {s[0], s[1], oh, ow});
}

static bool isGlobal(AdaptiveAvgPool2dOp op) {
  return op.getOutputSize()[0] == 1 && op.getOutputSize()[1] == 1;
}

// The op is linear, x ↦ Pₕ·x·P_wᵀ, so dx = Pₕᵀ·g·P_w; global pooling
// spreads g/(H·W) over each image.
LogicalResult AdaptiveAvgPool2dOp::buildVJP(OpBuilder &b, ValueRange gs,
                                            SmallVectorImpl<Value> &grads) {
  Location loc = getLoc();
  RankedTensorType in = tensorType(getInput());
  ArrayRef<int64_t> s = in.getShape();
  if (isGlobal(*this)) {
    Value spread = BroadcastToOp::create(b, loc, in, gs[0]);
    grads.push_back(binary<DivOp>(b, loc, spread,
                                  scalarLike(b, loc, spread, double(s[2] * s[3]))));
    return success();
  }
  Type element = in.getElementType();
  auto size = getOutputSize();
  Value ph = averagingMatrix(b, loc, element, size[0], s[2]);
  Value pw = averagingMatrix(b, loc, element, size[1], s[3]);
  grads.push_back(separable(b, loc, gs[0], ph, true, pw, true));
  return success();
}

LogicalResult AdaptiveAvgPool2dOp::decompose(OpBuilder &b, SmallVectorImpl<Value> &results) {
  Location loc = getLoc();
  ArrayRef<int64_t> s = shapeOf(getInput());
  if (isGlobal(*this)) {
    Value sum = reduceKept<ReduceSumOp>(b, loc, getInput(), {2, 3});
    results.push_back(binary<DivOp>(b, loc, sum, scalarLike(b, loc, sum, double(s[2] * s[3]))));
    return success();
  }
  Type element = tensorType(getInput()).getElementType();
  auto size = getOutputSize();
  Value ph = averagingMatrix(b, loc, element, size[0], s[2]);
  Value pw = averagingMatrix(b, loc, element, size[1], s[3]);
  results.push_back(separable(b, loc, getInput(), ph, false, pw, false));
  return success();
}

//===----------------------------------------------------------------------===//
// Runtime kernels (runtime/abi/Kernels.def)
//===----------------------------------------------------------------------===//

template <typename OpTy>
static SmallVector<int64_t> convInts(OpTy op) {
  auto s = op.getStride(), p = op.getPadding(), d = op.getDilation();
  return {s[0], s[1], p[0], p[1], d[0], d[1], int64_t(op.getGroups())};
}
template <typename OpTy>
static SmallVector<int64_t> poolInts(OpTy op) {
  auto k = op.getKernel(), s = op.getStride(), p = op.getPadding();
  return {k[0], k[1], s[0], s[1], p[0], p[1], op.getCeilMode() ? 1 : 0};
}
template <typename OpTy>
static SmallVector<int64_t> avgPoolInts(OpTy op) {
  SmallVector<int64_t> ints = poolInts(op);
  ints.push_back(op.getCountIncludePad() ? 1 : 0);
  return ints;
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
SmallVector<int64_t> AvgPool2dOp::getKernelInts() { return avgPoolInts(*this); }
StringRef AvgPool2dBackwardOp::getKernelName() { return "avg_pool2d_bwd"; }
SmallVector<int64_t> AvgPool2dBackwardOp::getKernelInts() { return avgPoolInts(*this); }

} // namespace dlc::dl
