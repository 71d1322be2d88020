//===- SGD.cpp - dl-sgd: one fused training step --------------------------===//
//
// Turns @loss_grad(args...) -> (primal..., grads...) into
// @train_step(args..., lr) -> (primal..., updated params...). The update is
// ordinary dl arithmetic, so lowering fuses it with the backward pass.
//
//===----------------------------------------------------------------------===//
#include "passes/Passes.h"

#include "ir/Builders.h"

#define DEBUG_TYPE "dl-sgd"

namespace dlc {
#define GEN_PASS_DEF_DLSGD
#include "passes/Passes.h.inc"
} // namespace dlc

using namespace mlir;

namespace dlc {
namespace {

struct DLSGD : impl::DLSGDBase<DLSGD> {
  using DLSGDBase::DLSGDBase;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    auto gradFn = module.lookupSymbol<func::FuncOp>(funcName);
    if (!gradFn) {
      module.emitError() << "dl-sgd: no function @" << funcName << " (run dl-autodiff first)";
      return signalPassFailure();
    }
    auto numPrimal = gradFn->getAttrOfType<IntegerAttr>(attr::kNumPrimalResults);
    if (!numPrimal) {
      gradFn.emitError() << "dl-sgd: @" << funcName << " lacks '" << attr::kNumPrimalResults
                         << "'; it must come from dl-autodiff";
      return signalPassFailure();
    }
    if (module.lookupSymbol("train_step")) {
      module.emitError("dl-sgd: @train_step already exists");
      return signalPassFailure();
    }

    OpBuilder mb(gradFn);
    mb.setInsertionPointAfter(gradFn);
    auto step = cast<func::FuncOp>(mb.clone(*gradFn));
    step.setSymName("train_step");
    step->removeAttr(attr::kNumPrimalResults);
    Block &body = step.getBody().front();
    auto f32 = RankedTensorType::get({}, mb.getF32Type());
    if (failed(step.insertArgument(step.getNumArguments(), f32, {}, step.getLoc())))
      return signalPassFailure();
    Value lr = body.getArguments().back();

    SmallVector<unsigned> params = trainableArguments(gradFn);
    auto ret = cast<func::ReturnOp>(body.getTerminator());
    unsigned primal = numPrimal.getInt();
    if (params.size() != ret.getNumOperands() - primal) {
      gradFn.emitError("dl-sgd: expected one gradient result per trainable argument");
      return signalPassFailure();
    }

    OpBuilder b(ret);
    Location loc = ret.getLoc();
    Value wd = weightDecay != 0.0 ? dl::scalarConstant(b, loc, float(weightDecay)) : Value();
    SmallVector<Value> results(ret.getOperands().take_front(primal));
    for (auto [k, argIndex] : llvm::enumerate(params)) {
      Value p = body.getArgument(argIndex);
      Value g = ret.getOperand(primal + k);
      if (g.getType() != p.getType()) {
        gradFn.emitError("dl-sgd: gradient result #")
            << (primal + k) << " has type " << g.getType() << " but its parameter (argument #"
            << argIndex << ") has type " << p.getType();
        step.erase();
        return signalPassFailure();
      }
      if (wd) g = dl::binary<dl::AddOp>(b, loc, g, dl::binary<dl::MulOp>(b, loc, wd, p));
      results.push_back(dl::binary<dl::SubOp>(b, loc, p, dl::binary<dl::MulOp>(b, loc, lr, g)));
    }
    func::ReturnOp::create(b, loc, results);
    ret.erase();
    SmallVector<Type> resultTypes;
    for (Value v : results) resultTypes.push_back(v.getType());
    step.setFunctionType(
        FunctionType::get(step.getContext(), step.getArgumentTypes(), resultTypes));
  }
};

} // namespace
} // namespace dlc
