//===- OptimizerOptionsTest.cpp - dlc::optim: spec, names, checks ---------===//
//
// The option structs carry torch 1.13's defaults; Optimizer splits them into
// the compiled structure (spec) and the runtime numbers (hyperparameters,
// named as torch's param_group keys), and refuses what torch's constructors
// refuse.
//
//===----------------------------------------------------------------------===//
#include "frontend/Error.h"
#include "frontend/Optimizer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>

namespace dlc::test {
namespace {

using namespace optim;
using Map = std::map<std::string, double>;

void expectThrows(const std::function<void()> &f, const std::string &needle) {
  try {
    f();
    ADD_FAILURE() << "expected dlc::Error containing '" << needle << "'";
  } catch (const Error &e) {
    EXPECT_NE(std::string(e.what()).find(needle), std::string::npos) << e.what();
  }
}

TEST(OptimizerOptions, TorchDefaultsAndNames) {
  EXPECT_EQ(Optimizer(Adam{}).hyperparameters(),
            (Map{{"lr", 1e-3}, {"beta1", 0.9}, {"beta2", 0.999}, {"eps", 1e-8},
                 {"weight_decay", 0}}));
  EXPECT_EQ(Optimizer(AdamW{}).hyperparameters().at("weight_decay"), 1e-2);
  EXPECT_EQ(Optimizer(RMSprop{}).hyperparameters(),
            (Map{{"lr", 1e-2}, {"alpha", 0.99}, {"eps", 1e-8}, {"weight_decay", 0}}));
  EXPECT_EQ(Optimizer(Adagrad{}).hyperparameters(),
            (Map{{"lr", 1e-2}, {"lr_decay", 0}, {"weight_decay", 0}, {"eps", 1e-10},
                 {"initial_accumulator_value", 0}}));
  EXPECT_EQ(Optimizer(SGD{.lr = 0.1}).hyperparameters(), (Map{{"lr", 0.1}, {"weight_decay", 0}}));
}

TEST(OptimizerOptions, SpecIsTheStructureOnly) {
  OptimizerSpec plain = Optimizer(SGD{.lr = 0.1}).spec();
  EXPECT_EQ(plain.kind, OptimizerSpec::SGD);
  EXPECT_FALSE(plain.momentum);
  Optimizer nesterov(SGD{.lr = 0.1, .momentum = 0.9, .nesterov = true});
  EXPECT_TRUE(nesterov.spec().momentum && nesterov.spec().nesterov);
  EXPECT_EQ(nesterov.hyperparameters(),
            (Map{{"lr", 0.1}, {"weight_decay", 0}, {"momentum", 0.9}, {"dampening", 0}}));
  Optimizer rms(RMSprop{.momentum = 0.5, .centered = true});
  EXPECT_TRUE(rms.spec().momentum && rms.spec().centered);
  EXPECT_EQ(rms.hyperparameters().at("momentum"), 0.5);
  EXPECT_TRUE(Optimizer(AdamW{.amsgrad = true}).spec().amsgrad);
  EXPECT_EQ(Optimizer(AdamW{}).spec().kind, OptimizerSpec::AdamW);
  Optimizer clipped = Optimizer(Adam{}).clipGradNorm(1.5);
  EXPECT_TRUE(clipped.spec().clipGradNorm);
  EXPECT_EQ(clipped.hyperparameters().at("max_norm"), 1.5);
}

TEST(OptimizerOptions, SetChangesNumbersNotStructure) {
  Optimizer o(Adam{});
  o.set("lr", 0.5);
  EXPECT_EQ(o.hyperparameters().at("lr"), 0.5);
  expectThrows([&] { o.set("momentum", 0.9); },
               "optim::adam: the compiled step has no hyperparameter 'momentum'");
  expectThrows([&] { o.set("beta2", 1.0); }, "Invalid beta parameter at index 1: 1");
  expectThrows([&] { o.set("lr", std::nan("")); }, "lr must be finite");
}

TEST(OptimizerOptions, RefusesWhatTorchRefuses) {
  expectThrows([] { Optimizer(SGD{}); }, "lr is required");
  expectThrows([] { Optimizer(SGD{.lr = -1}); }, "optim::sgd: Invalid learning rate: -1");
  expectThrows([] { Optimizer(SGD{.lr = 0.1, .nesterov = true}); },
               "Nesterov momentum requires a momentum and zero dampening");
  expectThrows([] { Optimizer(SGD{.lr = 0.1, .momentum = 0.9, .dampening = 0.1, .nesterov = true}); },
               "Nesterov momentum requires a momentum and zero dampening");
  expectThrows([] { Optimizer(SGD{.lr = 0.1, .momentum = -0.5}); }, "Invalid momentum value: -0.5");
  expectThrows([] { Optimizer(Adam{.betas = {1.0, 0.9}}); }, "Invalid beta parameter at index 0");
  expectThrows([] { Optimizer(Adam{.eps = -1}); }, "Invalid epsilon value");
  expectThrows([] { Optimizer(RMSprop{.alpha = -0.1}); }, "Invalid alpha value");
  expectThrows([] { Optimizer(Adagrad{.lr_decay = -1}); }, "Invalid lr_decay value");
  expectThrows([] { Optimizer(Adagrad{.initial_accumulator_value = -1}); },
               "Invalid initial_accumulator_value value");
  expectThrows([] { Optimizer(AdamW{.weight_decay = -1}); }, "Invalid weight_decay value");
  expectThrows([] { Optimizer(Adam{}).clipGradNorm(INFINITY); }, "max_norm must be finite");
}

TEST(OptimizerOptions, ParseOptimizer) {
  EXPECT_EQ(parseOptimizer("adam").spec().kind, OptimizerSpec::Adam);
  EXPECT_EQ(parseOptimizer("adamw").spec().kind, OptimizerSpec::AdamW);
  EXPECT_EQ(parseOptimizer("rmsprop").spec().kind, OptimizerSpec::RMSprop);
  EXPECT_EQ(parseOptimizer("adagrad").spec().kind, OptimizerSpec::Adagrad);
  EXPECT_EQ(parseOptimizer("sgd", 0.9).hyperparameters().at("lr"), 0.9);
  EXPECT_EQ(parseOptimizer("adam", 0.3).hyperparameters().at("lr"), 0.3);
  EXPECT_EQ(parseOptimizer("adam").name(), "adam");
  expectThrows([] { parseOptimizer("sgd"); }, "lr is required");
  expectThrows([] { parseOptimizer("Adam"); },
               "unknown optimizer 'Adam' (expected sgd, adam, adamw, rmsprop or adagrad)");
}

} // namespace
} // namespace dlc::test
