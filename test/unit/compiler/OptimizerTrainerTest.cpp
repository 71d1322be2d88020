//===- OptimizerTrainerTest.cpp - dlc::optim through the Trainer ----------===//
//
// The Trainer binds what the optimizer passes add (optimizer_state by name,
// zero-filled; every hyperparameter by name) from an optim::Optimizer's
// spec() and hyperparameters(). A linear least-squares model takes three
// AdamW (AMSGrad) steps; each is checked against torch's rule written as a
// naive loop in double, fed with the gradients computeGradients() reports
// for the same parameters (TrainerTest checks those against a naive loop).
//
//===----------------------------------------------------------------------===//
#include "frontend/Ops.h"
#include "frontend/Optimizer.h"
#include "frontend/Trainer.h"
#include "frontend/nn/Layers.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace dlc::test {
namespace {

constexpr int64_t kB = 5, kIn = 3, kOut = 2;

TEST(OptimizerTrainer, AdamWStepsAsTorchThroughTheTrainer) {
  optim::Optimizer opt(optim::AdamW{.lr = 0.05, .betas = {0.8, 0.95}, .weight_decay = 0.1,
                                    .amsgrad = true});
  nn::Linear model(kIn, kOut);
  model.initialize(5);
  TrainerOptions o;
  o.batch = {{"x", {kB, kIn}}, {"y", {kB, kOut}, rt::DType::F32, true}};
  o.loss = [](nn::Module &m, const std::vector<Tensor> &b) -> std::vector<Tensor> {
    Tensor d = sub(m(b[0]), b[1]);
    return {mean(mul(d, d), {0, 1})};
  };
  o.optimizer = opt.spec();
  o.hyperparameters = opt.hyperparameters();
  Trainer trainer(model, o);

  rt::HostTensor x({kB, kIn}), y({kB, kOut});
  for (int64_t i = 0; i < x.numel(); ++i) x.f32()[i] = float(std::sin(1.3 * double(i)));
  for (int64_t i = 0; i < y.numel(); ++i) y.f32()[i] = float(std::cos(0.4 * double(i)));

  const auto &h = opt.hyperparameters();
  double lr = h.at("lr"), b1 = h.at("beta1"), b2 = h.at("beta2"), eps = h.at("eps"),
         wd = h.at("weight_decay");
  struct Ref {
    std::vector<double> p, m, v, vmax;
  };
  std::map<std::string, Ref> ref;
  for (nn::Parameter *p : model.parameters()) {
    size_t n = size_t(p->value.numel());
    ref[p->name] = {std::vector<double>(p->value.f32(), p->value.f32() + n),
                    std::vector<double>(n), std::vector<double>(n), std::vector<double>(n)};
  }
  for (int t = 1; t <= 3; ++t) {
    trainer.computeGradients({&x, &y});
    std::map<std::string, rt::HostTensor> grads;
    for (const auto &[name, g] : trainer.gradients()) grads[name] = g.clone();
    trainer.step({&x, &y});
    for (nn::Parameter *p : model.parameters()) {
      Ref &r = ref[p->name];
      double c1 = 1 - std::pow(b1, t), c2 = std::sqrt(1 - std::pow(b2, t));
      for (size_t i = 0; i < r.p.size(); ++i) {
        double g = grads.at(p->name).f32()[i];
        r.p[i] *= 1 - lr * wd;
        r.m[i] = b1 * r.m[i] + (1 - b1) * g;
        r.v[i] = b2 * r.v[i] + (1 - b2) * g * g;
        r.vmax[i] = std::max(r.vmax[i], r.v[i]);
        r.p[i] -= lr / c1 * r.m[i] / (std::sqrt(r.vmax[i]) / c2 + eps);
        EXPECT_NEAR(p->value.f32()[i], r.p[i], 1e-5 * std::max(1.0, std::abs(r.p[i])))
            << p->name << "[" << i << "] after step " << t;
      }
      // The state the Trainer keeps is torch's, by torch's names.
      auto state = trainer.trainingState();
      const rt::HostTensor &m = state.at(p->name + ".exp_avg");
      const rt::HostTensor &vmax = state.at(p->name + ".max_exp_avg_sq");
      for (size_t i = 0; i < r.p.size(); ++i) {
        EXPECT_NEAR(m.f32()[i], r.m[i], 1e-5 * std::max(1e-3, std::abs(r.m[i])));
        EXPECT_NEAR(vmax.f32()[i], r.vmax[i], 1e-4 * std::max(1e-6, std::abs(r.vmax[i])));
      }
      EXPECT_EQ(state.at("step").f32()[0], float(t));
    }
  }
}

} // namespace
} // namespace dlc::test
