//===- SGDTest.cpp - @train_step's update against @loss_grad by hand -------===//
#include "backends/cpu/JitModule.h"
#include "frontend/Graph.h"
#include "frontend/Ops.h"
#include "frontend/nn/Module.h"

#include "mlir/IR/BuiltinOps.h"

#include <gtest/gtest.h>

#include <random>

namespace dlc::test {
namespace {

/// p_new = p - lr * (g + λ p), with g from @loss_grad, for every parameter.
void checkUpdate(double weightDecay) {
  Graph g;
  g.beginFunction();
  Tensor x = g.input("x", {4, 3});
  Tensor y = g.input("y", {4}, rt::DType::I32, {}, Binding::Target);
  nn::Parameter w{"w", "w", rt::HostTensor({5, 3})}, b{"b", "b", rt::HostTensor({5})};
  Tensor logits = add(matmul(x, g.parameter(w), false, true), g.parameter(b));
  g.finishFunction("loss", {crossEntropy(sigmoid(logits), y)});
  auto module = g.takeModule();
  PipelineOptions po;
  po.training = true;
  auto jit = cpu::JitModule::compile(*module, po);

  std::mt19937 rng(11);
  std::uniform_real_distribution<float> u(-1, 1);
  rt::HostTensor xs({4, 3}), ys({4}, rt::DType::I32), lr(std::vector<int64_t>{}),
      wd(std::vector<int64_t>{});
  for (auto *t : {&xs, &w.value, &b.value})
    for (int64_t i = 0; i < t->numel(); ++i) t->f32()[i] = u(rng);
  for (int i = 0; i < 4; ++i) ys.i32()[i] = i % 5;
  lr.f32()[0] = 0.3f;
  wd.f32()[0] = float(weightDecay);

  auto grads = jit->allocateResults("loss_grad"); // loss, dw, db
  jit->call("loss_grad", {&xs, &ys, &w.value, &b.value}, {&grads[0], &grads[1], &grads[2]});
  auto step = jit->allocateResults("train_step"); // loss, w', b'
  // Arguments in the order dl-sgd appends them: ..., lr, weight_decay (checked by name).
  const cpu::Signature &sig = jit->signature("train_step");
  ASSERT_EQ(sig.inputs.size(), 6u);
  EXPECT_EQ(sig.inputs[4].name, "lr");
  EXPECT_EQ(sig.inputs[5].name, "weight_decay");
  EXPECT_EQ(sig.inputs[5].role, "hyperparameter");
  EXPECT_EQ(sig.results[1].role, "parameter");
  EXPECT_EQ(sig.results[1].name, "w");
  jit->call("train_step", {&xs, &ys, &w.value, &b.value, &lr, &wd},
            {&step[0], &step[1], &step[2]});

  EXPECT_FLOAT_EQ(step[0].f32()[0], grads[0].f32()[0]) << "same loss";
  for (int k = 0; k < 2; ++k) {
    const rt::HostTensor &p = k ? b.value : w.value;
    for (int64_t i = 0; i < p.numel(); ++i) {
      float want = p.f32()[i] - 0.3f * (grads[1 + k].f32()[i] + float(weightDecay) * p.f32()[i]);
      EXPECT_NEAR(step[1 + k].f32()[i], want, 1e-6) << (k ? "b" : "w") << "[" << i << "]";
    }
  }
}

TEST(SGD, UpdateIsParamMinusLrTimesGrad) { checkUpdate(0.0); }
TEST(SGD, WeightDecayAddsLambdaTimesParam) { checkUpdate(0.05); }

} // namespace
} // namespace dlc::test
