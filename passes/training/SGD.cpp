//===- SGD.cpp - dl-sgd: @train_step with torch.optim.SGD's update --------===//
//
// Turns @loss_grad(args...) -> (primal..., gradients...) into @train_step
// with torch 1.13's SGD (single-tensor path), for every parameter p with
// gradient g:
//   d = g + weight_decay·p
//   with momentum:  buf' = momentum·buf + c·d,  c = 1 at step 0 (torch's
//                   first buffer is d itself; buf is zero-filled), else
//                   1 - dampening
//                   d = nesterov ? d + momentum·buf' : buf'
//   p' = p - lr·d
// Hyperparameters `lr`, `weight_decay` (and `momentum`, `dampening`) are
// runtime arguments; with momentum the state is `<p>.momentum_buffer` and
// `step`. Without momentum there is no state, as in torch. The update is
// ordinary dl arithmetic, so lowering fuses it with the backward pass.
//
//===----------------------------------------------------------------------===//
#include "passes/Passes.h"

#include "passes/training/StepBuilder.h"

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
    if (nesterov && !momentum) {
      getOperation().emitError("dl-sgd: nesterov needs momentum (torch: \"Nesterov momentum "
                               "requires a momentum and zero dampening\")");
      return signalPassFailure();
    }
    std::optional<StepBuilder> s = StepBuilder::create(getOperation(), funcName, "dl-sgd");
    if (!s || failed(build(*s))) signalPassFailure();
  }

  LogicalResult build(StepBuilder &s) {
    Value lr = s.hyperparameter("lr"), wd = s.hyperparameter("weight_decay");
    if (!momentum) {
      for (const StepParam &p : s.params())
        s.setParameter(p, s.sub(p.value, s.mul(lr, s.add(p.grad, s.mul(wd, p.value)))));
      return s.finish();
    }
    if (failed(s.requireDistinctNames())) return failure();
    Value mu = s.hyperparameter("momentum"), dampening = s.hyperparameter("dampening");
    SmallVector<Value> buffers;
    for (const StepParam &p : s.params()) buffers.push_back(s.state(p, "momentum_buffer"));
    Value first = s.isZero(s.step());
    // c = 1 - dampening·(1 - first): exactly 1 at step 0, 1 - dampening after.
    Value c = s.sub(s.constant(1.0), s.mul(dampening, s.sub(s.constant(1.0), first)));
    for (auto [p, buf] : llvm::zip(s.params(), buffers)) {
      Value d = s.add(p.grad, s.mul(wd, p.value));
      Value next = s.add(s.mul(mu, buf), s.mul(c, d));
      s.update(p, "momentum_buffer", next);
      Value direction = nesterov ? s.add(d, s.mul(mu, next)) : next;
      s.setParameter(p, s.sub(p.value, s.mul(lr, direction)));
    }
    return s.finish();
  }
};

} // namespace
} // namespace dlc
