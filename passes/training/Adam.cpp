//===- Adam.cpp - dl-adam: @train_step with torch's Adam or AdamW ---------===//
//
// torch 1.13's Adam / AdamW (single-tensor path) for every parameter p with
// gradient g, t = step + 1:
//   Adam:   g = g + weight_decay·p          AdamW:  p = p·(1 - lr·weight_decay)
//   m' = beta1·m + (1 - beta1)·g            (exp_avg)
//   v' = beta2·v + (1 - beta2)·g²           (exp_avg_sq)
//   amsgrad: v̂ = max(max_exp_avg_sq, v') (kept as max_exp_avg_sq), else v̂ = v'
//   p' = p - lr/(1 - beta1^t) · m' / (sqrt(v̂)/sqrt(1 - beta2^t) + eps)
// The bias corrections are computed in-graph from the f32 `step` state.
// Hyperparameters: lr, beta1, beta2, eps, weight_decay.
//
//===----------------------------------------------------------------------===//
#include "passes/Passes.h"

#include "passes/training/StepBuilder.h"

#define DEBUG_TYPE "dl-adam"

namespace dlc {
#define GEN_PASS_DEF_DLADAM
#include "passes/Passes.h.inc"
} // namespace dlc

using namespace mlir;

namespace dlc {
namespace {

struct DLAdam : impl::DLAdamBase<DLAdam> {
  using DLAdamBase::DLAdamBase;

  void runOnOperation() override {
    std::optional<StepBuilder> s = StepBuilder::create(getOperation(), funcName, "dl-adam");
    if (!s || failed(build(*s))) signalPassFailure();
  }

  LogicalResult build(StepBuilder &s) {
    Value lr = s.hyperparameter("lr"), beta1 = s.hyperparameter("beta1"),
          beta2 = s.hyperparameter("beta2"), eps = s.hyperparameter("eps"),
          wd = s.hyperparameter("weight_decay");
    if (failed(s.requireDistinctNames())) return failure();
    struct Moments {
      Value m, v, vmax;
    };
    SmallVector<Moments> moments;
    for (const StepParam &p : s.params())
      moments.push_back({s.state(p, "exp_avg"), s.state(p, "exp_avg_sq"),
                         amsgrad ? s.state(p, "max_exp_avg_sq") : Value()});
    Value t = s.add(s.step(), s.constant(1.0));
    Value one = s.constant(1.0);
    Value stepSize = s.div(lr, s.sub(one, s.pow(beta1, t)));
    Value correction2 = s.sqrt(s.sub(one, s.pow(beta2, t)));
    for (auto [p, st] : llvm::zip(s.params(), moments)) {
      Value param = p.value, g = p.grad;
      if (adamw) param = s.mul(param, s.sub(one, s.mul(lr, wd)));
      else g = s.add(g, s.mul(wd, param));
      Value m = s.add(s.mul(beta1, st.m), s.mul(s.sub(one, beta1), g));
      Value v = s.add(s.mul(beta2, st.v), s.mul(s.sub(one, beta2), s.mul(g, g)));
      s.update(p, "exp_avg", m);
      s.update(p, "exp_avg_sq", v);
      if (amsgrad) {
        v = s.maximum(st.vmax, v);
        s.update(p, "max_exp_avg_sq", v);
      }
      Value denom = s.add(s.div(s.sqrt(v), correction2), eps);
      s.setParameter(p, s.sub(param, s.mul(stepSize, s.div(m, denom))));
    }
    return s.finish();
  }
};

} // namespace
} // namespace dlc
