//===- LowerToRuntime.cpp - dl-lower-to-runtime ---------------------------===//
//
// Every op that `backendFor` gives to the runtime becomes a call of the
// kernel it names (RuntimeKernelOpInterface), declared once in
// runtime/abi/Kernels.def:
//   %xb = bufferization.to_buffer %x read_only      (per operand)
//   %y  = memref.alloc                               (per result)
//   func.call @dlc_rt_<kernel>(%xb..., %y..., ints as i64...)
//   %r  = bufferization.to_tensor %y restrict writable
// Buffers are passed as dynamic memrefs of the element type and rank the
// table declares, so one declaration serves every shape; the kernel reads
// sizes from the descriptors. Before rewriting, every call is checked
// against the table: an op whose operand or result type the kernel does not
// take (f64 convolution, say) is an error naming the op, the argument and
// both types, never a silent cast.
//
//===----------------------------------------------------------------------===//
#include "passes/Passes.h"
#include "passes/lowering/Backend.h"

#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

#include <memory>

#define DEBUG_TYPE "dl-lower-to-runtime"

namespace dlc {
#define GEN_PASS_DEF_DLLOWERTORUNTIME
#include "passes/Passes.h.inc"
} // namespace dlc

using namespace mlir;

namespace dlc {
namespace {

/// memref<?x...x?xT> for a buffer argument of the table.
MemRefType bufferType(MLIRContext *ctx, const rt::KernelArg &a) {
  return MemRefType::get(SmallVector<int64_t>(a.rank, ShapedType::kDynamic),
                         kernelElementType(ctx, a.element));
}

/// `func.func private @dlc_rt_<name>(memref..., i64...)`, declared once.
func::FuncOp declareKernel(PatternRewriter &rw, Operation *from, const rt::KernelSpec &spec) {
  auto module = from->getParentOfType<ModuleOp>();
  std::string symbol = std::string("dlc_rt_") + spec.name;
  if (auto f = module.lookupSymbol<func::FuncOp>(symbol)) return f;
  SmallVector<Type> args;
  for (const rt::KernelArg &a : spec.args)
    args.push_back(a.kind == rt::KernelArg::Int ? Type(rw.getI64Type())
                                                : Type(bufferType(rw.getContext(), a)));
  OpBuilder::InsertionGuard guard(rw);
  rw.setInsertionPointToStart(module.getBody());
  auto f = func::FuncOp::create(rw, module.getLoc(), symbol, rw.getFunctionType(args, {}));
  f.setPrivate();
  f->setAttr("llvm.emit_c_interface", rw.getUnitAttr());
  return f;
}

struct KernelCall : OpInterfaceRewritePattern<dl::RuntimeKernelOpInterface> {
  KernelCall(MLIRContext *ctx, BackendOptions options, std::shared_ptr<int64_t> nextCall)
      : OpInterfaceRewritePattern(ctx), options(options), nextCall(std::move(nextCall)) {}

  LogicalResult matchAndRewrite(dl::RuntimeKernelOpInterface op,
                                PatternRewriter &rw) const override {
    if (backendFor(op, options) != Backend::Runtime)
      return rw.notifyMatchFailure(op, "served by linalg");
    StringRef name = op.getKernelName();
    const rt::KernelSpec *spec = rt::findKernel(std::string_view(name.data(), name.size()));
    if (!spec) return rw.notifyMatchFailure(op, "no such kernel"); // reported before
    Location loc = op->getLoc();
    MLIRContext *ctx = rw.getContext();
    SmallVector<Value> args, outs;
    auto specArg = spec->args.begin();
    // Each call reads its operands through its own to_buffer, tagged with a
    // number unique to the call so `cse` cannot merge it with another call's:
    // a merged to_buffer would mark the tensor's last read at the first call,
    // and one-shot bufferization could then reuse its buffer in place (a
    // later slice into the same tensor.empty) before the second call reads
    // it -- a recurrent backward reading a clobbered h0 did exactly that.
    IntegerAttr callId = rw.getI64IntegerAttr((*nextCall)++);
    for (Value in : op->getOperands()) {
      auto t = cast<RankedTensorType>(in.getType());
      auto buf = bufferization::ToBufferOp::create(
          rw, loc, MemRefType::get(t.getShape(), t.getElementType()), in, /*read_only=*/true);
      buf->setAttr("dl.kernel_call", callId);
      args.push_back(memref::CastOp::create(rw, loc, bufferType(ctx, *specArg++), buf));
    }
    for (Value r : op->getResults()) {
      auto t = cast<RankedTensorType>(r.getType());
      Value buf = memref::AllocOp::create(rw, loc, MemRefType::get(t.getShape(), t.getElementType()),
                                          rw.getI64IntegerAttr(64));
      outs.push_back(buf);
      args.push_back(memref::CastOp::create(rw, loc, bufferType(ctx, *specArg++), buf));
    }
    for (int64_t v : op.getKernelInts()) args.push_back(arith::ConstantIntOp::create(rw, loc, v, 64));
    func::CallOp::create(rw, loc, declareKernel(rw, op, *spec), args);
    SmallVector<Value> results;
    for (auto [r, buf] : llvm::zip(op->getResults(), outs))
      results.push_back(bufferization::ToTensorOp::create(rw, loc, r.getType(), buf,
                                                          /*restrict=*/true, /*writable=*/true));
    rw.replaceOp(op, results);
    return success();
  }

  BackendOptions options;
  std::shared_ptr<int64_t> nextCall; ///< numbers the calls of one pass run
};

struct DLLowerToRuntime : impl::DLLowerToRuntimeBase<DLLowerToRuntime> {
  using DLLowerToRuntimeBase::DLLowerToRuntimeBase;
  void runOnOperation() override {
    BackendOptions options{matmul};
    // Check every call against the kernel table first, so a mismatch is one
    // clear error rather than a half-lowered module.
    WalkResult checked = getOperation().walk([&](dl::RuntimeKernelOpInterface op) {
      if (backendFor(op, options) != Backend::Runtime) return WalkResult::advance();
      return succeeded(checkAgainstKernel(op, /*emitErrors=*/true)) ? WalkResult::advance()
                                                                    : WalkResult::interrupt();
    });
    if (checked.wasInterrupted()) return signalPassFailure();
    RewritePatternSet patterns(&getContext());
    patterns.add<KernelCall>(&getContext(), options, std::make_shared<int64_t>(0));
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
} // namespace dlc
