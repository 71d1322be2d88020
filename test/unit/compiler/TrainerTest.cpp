//===- TrainerTest.cpp - the Trainer's contract, against naive loops ------===//
//
// A weighted least-squares regression, loss = mean(w · (Wx + b − y)²) over a
// batch of three named tensors (x, y, w), checked against a hand-written
// loop: the loss, the gradients of computeGradients(), that it does not
// update, that step() applies exactly p − lr·g, and that the Evaluator runs
// the same model at other batch sizes.
//
//===----------------------------------------------------------------------===//
#include "frontend/Fit.h"
#include "frontend/Ops.h"
#include "frontend/Trainer.h"
#include "frontend/nn/Layers.h"

#include <gtest/gtest.h>

#include <cmath>

namespace dlc::test {
namespace {

constexpr int64_t kB = 6, kIn = 4, kOut = 3;

TrainerOptions regressionOptions(float lr) {
  TrainerOptions o;
  o.learningRate = lr;
  o.batch = {{"x", {kB, kIn}}, {"y", {kB, kOut}, rt::DType::F32, true},
             {"w", {kB, 1}, rt::DType::F32, true}};
  o.loss = [](nn::Module &m, const std::vector<Tensor> &b) -> std::vector<Tensor> {
    Tensor pred = m(b[0]);
    Tensor d = sub(pred, b[1]);
    return {mean(mul(b[2], mul(d, d)), {0, 1}), pred};
  };
  return o;
}

struct Batch {
  rt::HostTensor x{{kB, kIn}}, y{{kB, kOut}}, w{{kB, 1}};
  Batch() {
    for (int64_t i = 0; i < x.numel(); ++i) x.f32()[i] = float(std::sin(0.7 * double(i)));
    for (int64_t i = 0; i < y.numel(); ++i) y.f32()[i] = float(std::cos(0.3 * double(i)));
    for (int64_t i = 0; i < kB; ++i) w.f32()[i] = 0.5f + 0.25f * float(i);
  }
  std::vector<const rt::HostTensor *> all() const { return {&x, &y, &w}; }
};

/// The loss and its gradients by a naive loop, in double.
struct Reference {
  double loss = 0;
  std::vector<double> gW = std::vector<double>(kOut * kIn), gB = std::vector<double>(kOut);
};
Reference reference(const nn::Linear &m, const Batch &b) {
  Reference r;
  const float *W = m.weight->value.f32(), *bias = m.bias->value.f32();
  double n = double(kB * kOut);
  for (int64_t i = 0; i < kB; ++i)
    for (int64_t o = 0; o < kOut; ++o) {
      double p = bias[o];
      for (int64_t k = 0; k < kIn; ++k) p += double(W[o * kIn + k]) * b.x.f32()[i * kIn + k];
      double d = p - b.y.f32()[i * kOut + o], w = b.w.f32()[i];
      r.loss += w * d * d / n;
      double g = 2 * w * d / n;
      r.gB[size_t(o)] += g;
      for (int64_t k = 0; k < kIn; ++k) r.gW[size_t(o * kIn + k)] += g * b.x.f32()[i * kIn + k];
    }
  return r;
}

TEST(Trainer, GradientsOfALossOverSeveralTensorsMatchANaiveLoop) {
  nn::Linear model(kIn, kOut);
  model.initialize(1);
  Trainer trainer(model, regressionOptions(0.1f));
  Batch b;
  Reference ref = reference(model, b);
  rt::HostTensor before = model.weight->value.clone();
  float loss = trainer.computeGradients(b.all());
  EXPECT_NEAR(loss, ref.loss, 1e-5 * std::abs(ref.loss));
  const rt::HostTensor &gW = trainer.gradients().at("weight");
  const rt::HostTensor &gB = trainer.gradients().at("bias");
  for (int64_t k = 0; k < gW.numel(); ++k) EXPECT_NEAR(gW.f32()[k], ref.gW[size_t(k)], 1e-5);
  for (int64_t k = 0; k < gB.numel(); ++k) EXPECT_NEAR(gB.f32()[k], ref.gB[size_t(k)], 1e-5);
  // No update, and the outputs are the predictions.
  for (int64_t k = 0; k < before.numel(); ++k)
    EXPECT_EQ(before.f32()[k], model.weight->value.f32()[k]);
  ASSERT_EQ(trainer.outputs().size(), 1u);
  EXPECT_EQ(trainer.outputs()[0].shape(), (std::vector<int64_t>{kB, kOut}));
}

TEST(Trainer, StepAppliesTheGradientItReports) {
  nn::Linear model(kIn, kOut);
  model.initialize(2);
  Trainer trainer(model, regressionOptions(0.25f));
  Batch b;
  trainer.computeGradients(b.all());
  rt::HostTensor gW = trainer.gradients().at("weight").clone();
  rt::HostTensor w0 = model.weight->value.clone();
  std::vector<int64_t> seen;
  trainer.onStep([&](int64_t step, float) { seen.push_back(step); });
  trainer.step(b.all());
  for (int64_t k = 0; k < w0.numel(); ++k)
    EXPECT_NEAR(model.weight->value.f32()[k], w0.f32()[k] - 0.25f * gW.f32()[k], 1e-6);
  trainer.setLearningRate(0); // a runtime value: nothing recompiles
  rt::HostTensor w1 = model.weight->value.clone();
  trainer.step(b.all());
  for (int64_t k = 0; k < w1.numel(); ++k) EXPECT_EQ(model.weight->value.f32()[k], w1.f32()[k]);
  EXPECT_EQ(seen, (std::vector<int64_t>{1, 2}));
  EXPECT_EQ(trainer.stepCount(), 2);
}

TEST(Trainer, EvaluatorRunsAnyBatchSize) {
  nn::Linear model(kIn, kOut);
  model.initialize(3);
  Trainer trainer(model, regressionOptions(0.1f));
  for (int64_t n : {1, 5, 6}) {
    rt::HostTensor x({n, kIn});
    for (int64_t i = 0; i < x.numel(); ++i) x.f32()[i] = float(i % 7) - 3.0f;
    const rt::HostTensor &y = trainer.predict(x);
    ASSERT_EQ(y.shape(), (std::vector<int64_t>{n, kOut}));
    for (int64_t i = 0; i < n; ++i)
      for (int64_t o = 0; o < kOut; ++o) {
        float p = model.bias->value.f32()[o];
        for (int64_t k = 0; k < kIn; ++k)
          p += model.weight->value.f32()[o * kIn + k] * x.f32()[i * kIn + k];
        EXPECT_NEAR(y.f32()[i * kOut + o], p, 1e-5);
      }
  }
}

TEST(Trainer, TrainingStateRestoresTheRun) {
  auto run = [](bool restart) {
    nn::Sequential model{nn::Linear(kIn, 8), nn::ReLU(), nn::Dropout(0.5), nn::Linear(8, kOut)};
    model.initialize(4);
    TrainerOptions o = regressionOptions(0.05f);
    o.seed = 9;
    auto trainer = std::make_unique<Trainer>(model, o);
    Batch b;
    std::vector<float> losses;
    for (int s = 0; s < 3; ++s) losses.push_back(trainer->step(b.all()));
    if (restart) { // a fresh Trainer continues from the saved state
      auto state = trainer->trainingState();
      trainer = std::make_unique<Trainer>(model, o);
      trainer->loadTrainingState(state);
    }
    for (int s = 0; s < 3; ++s) losses.push_back(trainer->step(b.all()));
    return losses;
  };
  std::vector<float> straight = run(false), restarted = run(true);
  EXPECT_EQ(straight, restarted); // bit for bit: the dropout key moved on too
  EXPECT_NE(straight[3], straight[4]);
}

TEST(Trainer, ErrorsNameTheProblem) {
  nn::Linear model(kIn, kOut);
  model.initialize(5);
  Trainer trainer(model, regressionOptions(0.1f));
  try {
    trainer.setHyperparameter("momentum", 0.9);
    FAIL() << "no error";
  } catch (const Error &e) {
    EXPECT_NE(std::string(e.what()).find("no hyperparameter 'momentum' (this step has: lr, "
                                               "weight_decay)"),
                      std::string::npos)
        << e.what();
  }
  Batch b;
  try {
    trainer.step({&b.x, &b.y});
    FAIL() << "no error";
  } catch (const Error &e) {
    EXPECT_NE(std::string(e.what()).find("expected a batch of 3 tensors, got 2"), std::string::npos)
        << e.what();
  }
  std::map<std::string, rt::HostTensor> wrong{{"rng", rt::HostTensor({3}, rt::DType::I64)}};
  try {
    trainer.loadTrainingState(wrong);
    FAIL() << "no error";
  } catch (const Error &e) {
    EXPECT_NE(std::string(e.what()).find("training state 'rng' is i64[3], expected i64[2]"),
              std::string::npos)
        << e.what();
  }
}

} // namespace
} // namespace dlc::test
