//===- LowerToRuntime.cpp - dl-lower-to-runtime ---------------------------===//
//
// Convolution, pooling and matmul run as oneDNN primitives behind the runtime's C
// ABI (backends/onednn). Each op becomes
//   %xb = bufferization.to_buffer %x read_only     (per operand)
//   %y  = memref.alloc                              (fresh result)
//   func.call @dlc_rt_<kernel>(%xb..., %y, attrs as i64...)
//   %r  = bufferization.to_tensor %y restrict writable
// Buffers are passed as dynamic memrefs of the op's rank, so one declaration
// serves every shape; the runtime reads sizes from the descriptors. Matmul
// goes to oneDNN's sgemm too unless `matmul=false` (then dl-lower-to-linalg
// emits a loop nest). Average pooling whose windows tile the input exactly
// (LeNet's 2×2/2) is left to dl-lower-to-linalg: it is a plain loop nest
// there and fuses with the activation next to it.
//
//===----------------------------------------------------------------------===//
#include "passes/Passes.h"

#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

#define DEBUG_TYPE "dl-lower-to-runtime"

namespace dlc {
#define GEN_PASS_DEF_DLLOWERTORUNTIME
#include "passes/Passes.h.inc"
} // namespace dlc

using namespace mlir;

namespace dlc {
namespace {

/// Kind codes the runtime's pooling entry points take.
enum PoolKind : int64_t { kMaxPool = 0, kAvgPool = 1 };

/// memref<?x...x?xf32> of the given rank.
MemRefType dynamicOfRank(MLIRContext *ctx, int64_t rank) {
  return MemRefType::get(SmallVector<int64_t>(rank, ShapedType::kDynamic), Float32Type::get(ctx));
}

/// Declares `@name(memref x numBuffers, i64 x numInts)` once per module.
func::FuncOp declareRuntimeFunc(PatternRewriter &rw, Operation *from, StringRef name,
                                int64_t rank, unsigned numBuffers, unsigned numInts) {
  auto module = from->getParentOfType<ModuleOp>();
  if (auto f = module.lookupSymbol<func::FuncOp>(name)) return f;
  SmallVector<Type> args(numBuffers, dynamicOfRank(rw.getContext(), rank));
  args.append(numInts, rw.getI64Type());
  OpBuilder::InsertionGuard guard(rw);
  rw.setInsertionPointToStart(module.getBody());
  auto f = func::FuncOp::create(rw, module.getLoc(), name, rw.getFunctionType(args, {}));
  f.setPrivate();
  f->setAttr("llvm.emit_c_interface", rw.getUnitAttr());
  return f;
}

/// Replaces `op` by a call of `callee` on `inputs` and a fresh result buffer.
void replaceWithCall(PatternRewriter &rw, Operation *op, StringRef callee, ValueRange inputs,
                     ArrayRef<int64_t> ints) {
  Location loc = op->getLoc();
  auto resultType = cast<RankedTensorType>(op->getResult(0).getType());
  MemRefType dyn = dynamicOfRank(rw.getContext(), resultType.getRank());
  SmallVector<Value> args;
  for (Value in : inputs) {
    auto t = cast<RankedTensorType>(in.getType());
    Value buf = bufferization::ToBufferOp::create(
        rw, loc, MemRefType::get(t.getShape(), t.getElementType()), in, /*read_only=*/true);
    args.push_back(memref::CastOp::create(rw, loc, dyn, buf));
  }
  auto bufType = MemRefType::get(resultType.getShape(), resultType.getElementType());
  Value out = memref::AllocOp::create(rw, loc, bufType, rw.getI64IntegerAttr(64));
  args.push_back(memref::CastOp::create(rw, loc, dyn, out));
  for (int64_t v : ints) args.push_back(arith::ConstantIntOp::create(rw, loc, v, 64));
  func::FuncOp f =
      declareRuntimeFunc(rw, op, callee, dyn.getRank(), inputs.size() + 1, ints.size());
  func::CallOp::create(rw, loc, f, args);
  rw.replaceOpWithNewOp<bufferization::ToTensorOp>(op, resultType, out, /*restrict=*/true,
                                                   /*writable=*/true);
}

SmallVector<int64_t> convInts(ArrayRef<int64_t> stride, ArrayRef<int64_t> padding) {
  return {stride[0], stride[1], padding[0], padding[1]};
}
SmallVector<int64_t> poolInts(PoolKind kind, ArrayRef<int64_t> kernel, ArrayRef<int64_t> stride,
                              ArrayRef<int64_t> padding) {
  return {kind, kernel[0], kernel[1], stride[0], stride[1], padding[0], padding[1]};
}

struct Conv2dFwd : OpRewritePattern<dl::Conv2dOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(dl::Conv2dOp op, PatternRewriter &rw) const override {
    replaceWithCall(rw, op, "dlc_rt_conv2d_fwd", {op.getInput(), op.getFilter()},
                    convInts(op.getStride(), op.getPadding()));
    return success();
  }
};

struct Conv2dBwdData : OpRewritePattern<dl::Conv2dBackwardDataOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(dl::Conv2dBackwardDataOp op, PatternRewriter &rw) const override {
    replaceWithCall(rw, op, "dlc_rt_conv2d_bwd_data", {op.getGrad(), op.getFilter()},
                    convInts(op.getStride(), op.getPadding()));
    return success();
  }
};

struct Conv2dBwdFilter : OpRewritePattern<dl::Conv2dBackwardFilterOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(dl::Conv2dBackwardFilterOp op,
                                PatternRewriter &rw) const override {
    replaceWithCall(rw, op, "dlc_rt_conv2d_bwd_filter", {op.getInput(), op.getGrad()},
                    convInts(op.getStride(), op.getPadding()));
    return success();
  }
};

/// Average pooling whose windows tile the input is left to dl-lower-to-linalg.
template <typename OpTy>
bool leftToLinalg(OpTy op) {
  return isa<dl::AvgPool2dOp, dl::AvgPool2dBackwardOp>(op.getOperation()) &&
         op.windowsTileInput();
}

template <typename OpTy, PoolKind Kind>
struct Pool2dFwd : OpRewritePattern<OpTy> {
  using OpRewritePattern<OpTy>::OpRewritePattern;
  LogicalResult matchAndRewrite(OpTy op, PatternRewriter &rw) const override {
    if (leftToLinalg(op)) return rw.notifyMatchFailure(op, "windows tile the input: linalg");
    replaceWithCall(rw, op, "dlc_rt_pool2d_fwd", {op.getInput()},
                    poolInts(Kind, op.getKernel(), op.getStride(), op.getPadding()));
    return success();
  }
};

template <typename OpTy, PoolKind Kind>
struct Pool2dBwd : OpRewritePattern<OpTy> {
  using OpRewritePattern<OpTy>::OpRewritePattern;
  LogicalResult matchAndRewrite(OpTy op, PatternRewriter &rw) const override {
    if (leftToLinalg(op)) return rw.notifyMatchFailure(op, "windows tile the input: linalg");
    replaceWithCall(rw, op, "dlc_rt_pool2d_bwd", {op.getGrad(), op.getInput()},
                    poolInts(Kind, op.getKernel(), op.getStride(), op.getPadding()));
    return success();
  }
};

struct MatmulCall : OpRewritePattern<dl::MatmulOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(dl::MatmulOp op, PatternRewriter &rw) const override {
    replaceWithCall(rw, op, "dlc_rt_matmul", {op.getLhs(), op.getRhs()},
                    {op.getTransposeLhs(), op.getTransposeRhs()});
    return success();
  }
};

struct DLLowerToRuntime : impl::DLLowerToRuntimeBase<DLLowerToRuntime> {
  using DLLowerToRuntimeBase::DLLowerToRuntimeBase;
  void runOnOperation() override {
    MLIRContext *ctx = &getContext();
    RewritePatternSet patterns(ctx);
    if (matmul) patterns.add<MatmulCall>(ctx);
    patterns.add<Conv2dFwd, Conv2dBwdData, Conv2dBwdFilter,
                 Pool2dFwd<dl::MaxPool2dOp, kMaxPool>, Pool2dFwd<dl::AvgPool2dOp, kAvgPool>,
                 Pool2dBwd<dl::MaxPool2dBackwardOp, kMaxPool>,
                 Pool2dBwd<dl::AvgPool2dBackwardOp, kAvgPool>>(ctx);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
} // namespace dlc
