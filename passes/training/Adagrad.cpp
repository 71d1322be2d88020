//===- Adagrad.cpp - dl-adagrad: @train_step with torch's Adagrad ---------===//
//
// torch 1.13's Adagrad (dense, single-tensor path) for every parameter p with
// gradient g, t = step + 1:
//   g = g + weight_decay·p
//   clr = lr / (1 + (t - 1)·lr_decay)
//   sum' = sum + initial_accumulator_value·[step == 0] + g²     (sum)
//   p' = p - clr · g / (sqrt(sum') + eps)
// torch starts `sum` at initial_accumulator_value; the runtime zero-fills
// every optimizer_state, so the first step adds it in-graph (exactly: 0 + v).
// Hyperparameters: lr, lr_decay, weight_decay, eps, initial_accumulator_value.
//
//===----------------------------------------------------------------------===//
#include "passes/Passes.h"

#include "passes/training/StepBuilder.h"

#define DEBUG_TYPE "dl-adagrad"

namespace dlc {
#define GEN_PASS_DEF_DLADAGRAD
#include "passes/Passes.h.inc"
} // namespace dlc

using namespace mlir;

namespace dlc {
namespace {

struct DLAdagrad : impl::DLAdagradBase<DLAdagrad> {
  using DLAdagradBase::DLAdagradBase;

  void runOnOperation() override {
    std::optional<StepBuilder> s = StepBuilder::create(getOperation(), funcName, "dl-adagrad");
    if (!s || failed(build(*s))) signalPassFailure();
  }

  LogicalResult build(StepBuilder &s) {
    Value lr = s.hyperparameter("lr"), lrDecay = s.hyperparameter("lr_decay"),
          wd = s.hyperparameter("weight_decay"), eps = s.hyperparameter("eps"),
          initial = s.hyperparameter("initial_accumulator_value");
    if (failed(s.requireDistinctNames())) return failure();
    SmallVector<Value> sums;
    for (const StepParam &p : s.params()) sums.push_back(s.state(p, "sum"));
    Value step = s.step();
    Value clr = s.div(lr, s.add(s.constant(1.0), s.mul(step, lrDecay)));
    Value start = s.mul(initial, s.isZero(step));
    for (auto [p, sum] : llvm::zip(s.params(), sums)) {
      Value g = s.add(p.grad, s.mul(wd, p.value));
      Value next = s.add(s.add(sum, start), s.mul(g, g));
      s.update(p, "sum", next);
      Value std = s.add(s.sqrt(next), eps);
      s.setParameter(p, s.sub(p.value, s.mul(clr, s.div(g, std))));
    }
    return s.finish();
  }
};

} // namespace
} // namespace dlc
