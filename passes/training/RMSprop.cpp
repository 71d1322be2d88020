//===- RMSprop.cpp - dl-rmsprop: @train_step with torch's RMSprop ---------===//
//
// torch 1.13's RMSprop (single-tensor path) for every parameter p with
// gradient g:
//   g = g + weight_decay·p
//   s' = alpha·s + (1 - alpha)·g²                       (square_avg)
//   centered: a' = alpha·a + (1 - alpha)·g (grad_avg),  avg = sqrt(s' - a'²) + eps
//   else:                                               avg = sqrt(s') + eps
//   momentum: b' = momentum·b + g/avg (momentum_buffer), p' = p - lr·b'
//   else:                                               p' = p - lr·g/avg
// Hyperparameters: lr, alpha, eps, weight_decay (and momentum). `step` is
// counted, as torch's state keeps it, though the update does not read it.
//
//===----------------------------------------------------------------------===//
#include "passes/Passes.h"

#include "passes/training/StepBuilder.h"

#define DEBUG_TYPE "dl-rmsprop"

namespace dlc {
#define GEN_PASS_DEF_DLRMSPROP
#include "passes/Passes.h.inc"
} // namespace dlc

using namespace mlir;

namespace dlc {
namespace {

struct DLRMSprop : impl::DLRMSpropBase<DLRMSprop> {
  using DLRMSpropBase::DLRMSpropBase;

  void runOnOperation() override {
    std::optional<StepBuilder> s = StepBuilder::create(getOperation(), funcName, "dl-rmsprop");
    if (!s || failed(build(*s))) signalPassFailure();
  }

  LogicalResult build(StepBuilder &s) {
    Value lr = s.hyperparameter("lr"), alpha = s.hyperparameter("alpha"),
          eps = s.hyperparameter("eps"), wd = s.hyperparameter("weight_decay");
    Value mu = momentum ? s.hyperparameter("momentum") : Value();
    if (failed(s.requireDistinctNames())) return failure();
    struct State {
      Value square, buffer, gradAvg;
    };
    SmallVector<State> states;
    for (const StepParam &p : s.params())
      states.push_back({s.state(p, "square_avg"),
                        momentum ? s.state(p, "momentum_buffer") : Value(),
                        centered ? s.state(p, "grad_avg") : Value()});
    s.step();
    Value one = s.constant(1.0);
    for (auto [p, st] : llvm::zip(s.params(), states)) {
      Value g = s.add(p.grad, s.mul(wd, p.value));
      Value square = s.add(s.mul(alpha, st.square), s.mul(s.sub(one, alpha), s.mul(g, g)));
      s.update(p, "square_avg", square);
      Value avg;
      if (centered) {
        Value gradAvg = s.add(s.mul(alpha, st.gradAvg), s.mul(s.sub(one, alpha), g));
        s.update(p, "grad_avg", gradAvg);
        avg = s.sqrt(s.sub(square, s.mul(gradAvg, gradAvg)));
      } else {
        avg = s.sqrt(square);
      }
      avg = s.add(avg, eps);
      if (momentum) {
        Value buffer = s.add(s.mul(mu, st.buffer), s.div(g, avg));
        s.update(p, "momentum_buffer", buffer);
        s.setParameter(p, s.sub(p.value, s.mul(lr, buffer)));
      } else {
        s.setParameter(p, s.sub(p.value, s.mul(lr, s.div(g, avg))));
      }
    }
    return s.finish();
  }
};

} // namespace
} // namespace dlc
