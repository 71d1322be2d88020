//===- SGD.cpp - dl-sgd: one fused training step --------------------------===//
//
// Turns @loss_grad(args...) -> (primal..., gradients...) into
//   @train_step(args..., %lr, %weight_decay) -> (primal..., updated params...)
// with p' = p - lr·(g + weight_decay·p). lr and weight_decay are arguments
// with dl.role = "hyperparameter" (so a schedule changes them without
// recompiling); gradients are found by role and paired with parameters by
// name; updated parameters are results with role "parameter" and the
// parameter's name, so the runtime binds them back by name. The update is
// ordinary dl arithmetic, so lowering fuses it with the backward pass.
//
//===----------------------------------------------------------------------===//
#include "passes/Passes.h"

#include "ir/Builders.h"
#include "passes/common/DerivedFunction.h"

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
    if (failed(buildStep(gradFn))) signalPassFailure();
  }

  LogicalResult buildStep(func::FuncOp gradFn) {
    SmallVector<unsigned> params = dl::argsWithRole(gradFn, dl::Role::parameter);
    SmallVector<RoleValue> returned = returnedValues(gradFn);
    SmallVector<RoleValue> primal, grads;
    for (RoleValue &r : returned) (r.role == dl::Role::gradient ? grads : primal).push_back(r);
    if (grads.size() != params.size() || params.empty())
      return gradFn.emitError("dl-sgd: @")
             << funcName << " has " << params.size() << " parameter arguments and "
             << grads.size() << " gradient results; it must come from dl-autodiff";
    Type elementType;
    for (auto [k, i] : llvm::enumerate(params)) {
      StringRef name = dl::argName(gradFn, i);
      if (grads[k].name != name)
        return gradFn.emitError("dl-sgd: gradient result '")
               << grads[k].name << "' does not match parameter '" << name << "' (argument #" << i
               << ")";
      Type t = gradFn.getArgument(i).getType();
      if (grads[k].value.getType() != t)
        return gradFn.emitError("dl-sgd: gradient of '")
               << name << "' has type " << grads[k].value.getType()
               << " but the parameter (argument #" << i << ") has type " << t;
      Type e = cast<RankedTensorType>(t).getElementType();
      if (elementType && e != elementType)
        return gradFn.emitError("dl-sgd: parameters of different element types (")
               << elementType << ", " << e << ") share one learning rate";
      elementType = e;
    }

    FailureOr<func::FuncOp> cloned = cloneFunction(gradFn, "train_step", "dl-sgd");
    if (failed(cloned)) return failure();
    func::FuncOp step = *cloned;
    auto scalar = RankedTensorType::get({}, elementType);
    Value lr = appendArgument(step, scalar, dl::Role::hyperparameter, "lr");
    Value wd = appendArgument(step, scalar, dl::Role::hyperparameter, "weight_decay");

    // The clone's returned values, now in @train_step.
    SmallVector<RoleValue> stepReturned = returnedValues(step);
    SmallVector<RoleValue> results;
    SmallVector<Value> stepGrads;
    for (RoleValue &r : stepReturned)
      if (r.role == dl::Role::gradient) stepGrads.push_back(r.value);
      else results.push_back(r);
    OpBuilder b(step.getBody().front().getTerminator());
    Location loc = step.getLoc();
    for (auto [k, i] : llvm::enumerate(params)) {
      Value p = step.getArgument(i);
      Value g = dl::binary<dl::AddOp>(b, loc, stepGrads[k], dl::binary<dl::MulOp>(b, loc, wd, p));
      Value updated = dl::binary<dl::SubOp>(b, loc, p, dl::binary<dl::MulOp>(b, loc, lr, g));
      results.push_back({updated, dl::Role::parameter, dl::argName(step, i).str()});
    }
    setResults(step, results);
    return success();
  }
};

} // namespace
} // namespace dlc
