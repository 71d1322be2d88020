//===- NormalizationOpsTest.cpp - layer_norm, batch_norm: PyTorch, naive loops, gradcheck --===//
#include "Harness.h"
#include "Oracle.h"

#include "frontend/ops/Normalization.h"
#include "ir/Roles.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace dlc::test {
namespace {

using T = const std::vector<Tensor> &;
constexpr rt::DType F64 = rt::DType::F64;

// -- against PyTorch (test/oracle/norm.py) -----------------------------------
// Tolerances: f32 cases 2e-5 relative, 1e-5 absolute (statistics accumulate in
// f32 and x̂ = (x - mean) * rstd amplifies the mean's rounding by rstd; the
// backward's three-term difference cancels, hence the absolute part); 1e-4
// for layer_norm around a mean of 500; f64 cases 1e-11.
std::vector<OracleCase> oracleCases() {
  auto c = [](const char *name, std::function<Tensor(T)> body, double rtol = 2e-5,
              double atol = 1e-5) { return OracleCase{"norm", name, body, rtol, atol}; };
  constexpr double f64 = 1e-11;
  auto train = [](T a) {
    return batchNorm(a[0], a[1], a[2], a[3], a[4], {.training = true}).y;
  };
  auto infer = [](T a) { return batchNorm(a[0], a[1], a[2], a[3], a[4]).y; };
  return {
      c("layer_norm_affine", [](T a) { return layerNorm(a[0], {6}, a[1], a[2]); }),
      c("layer_norm_plain", [](T a) { return layerNorm(a[0], {6}); }),
      c("layer_norm_3d_2dims", [](T a) { return layerNorm(a[0], {3, 4}, a[1], a[2]); }),
      c("layer_norm_bias_only_eps",
        [](T a) { return layerNorm(a[0], {5}, std::nullopt, a[1], 1e-2); }),
      c("layer_norm_large_mean", [](T a) { return layerNorm(a[0], {8}, a[1]); }, 1e-4, 1e-4),
      c("layer_norm_f64", [](T a) { return layerNorm(a[0], {2, 3}, a[1], a[2]); }, f64, f64),
      c("batch_norm_train_2d", train),
      c("batch_norm_train_3d", train),
      c("batch_norm_train_4d", train),
      c("batch_norm_eval_4d", infer),
      c("batch_norm_eval_2d", infer),
      c("batch_norm_train_f64", train, f64, f64),
      c("batch_norm_train_no_affine",
        [](T a) {
          return batchNorm(a[0], a[1], a[2], std::nullopt, std::nullopt, {.training = true}).y;
        }),
      c("batch_norm_train_running_mean",
        [](T a) {
          return batchNorm(a[0], a[1], a[2], a[3], a[4], {.training = true}).newRunningMean;
        }),
      c("batch_norm_train_running_var",
        [](T a) {
          return batchNorm(a[0], a[1], a[2], a[3], a[4], {.training = true}).newRunningVar;
        }),
      c("batch_norm_train_running_var_momentum_4d",
        [](T a) {
          return batchNorm(a[0], a[1], a[2], a[3], a[4], {.training = true, .momentum = 0.3})
              .newRunningVar;
        }),
      c("batch_norm_eval_running_var",
        [](T a) { return batchNorm(a[0], a[1], a[2], a[3], a[4]).newRunningVar; }),
  };
}

class NormalizationOracle : public ::testing::TestWithParam<OracleCase> {};
TEST_P(NormalizationOracle, MatchesPyTorch) { checkOracle(GetParam()); }
INSTANTIATE_TEST_SUITE_P(Ops, NormalizationOracle, ::testing::ValuesIn(oracleCases()),
                         [](const auto &info) { return info.param.name; });

TEST(NormalizationOracleFixtures, EveryFixtureHasACase) {
  std::vector<std::string> names;
  for (const OracleCase &c : oracleCases()) names.push_back(c.name);
  std::sort(names.begin(), names.end());
  EXPECT_EQ(oracleFixtures("norm"), names);
}

// -- against a naive C++ loop ------------------------------------------------

/// Forward only: every tensor `body` returns, in order.
std::vector<rt::HostTensor> runForward(const std::vector<rt::HostTensor> &inputs,
                                       const std::function<std::vector<Tensor>(T)> &body) {
  Graph graph;
  graph.beginFunction();
  std::vector<Tensor> traced;
  for (size_t i = 0; i < inputs.size(); ++i)
    traced.push_back(graph.input("in" + std::to_string(i), inputs[i].shape(), inputs[i].dtype()));
  std::vector<Tensor> outs = body(traced);
  graph.finishFunction("f", outs,
                       std::vector<Graph::ResultKind>(outs.size(), Graph::ResultKind::Output));
  auto module = graph.takeModule();
  auto jit = cpu::JitModule::compile(*module, PipelineOptions{});
  std::vector<const rt::HostTensor *> args;
  for (const auto &t : inputs) args.push_back(&t);
  auto results = jit->allocateResults("f");
  std::vector<rt::HostTensor *> ptrs;
  for (auto &r : results) ptrs.push_back(&r);
  jit->call("f", args, ptrs);
  return results;
}

rt::HostTensor filledF32(std::vector<int64_t> shape, const std::function<float(int64_t)> &f) {
  rt::HostTensor t(shape, rt::DType::F32);
  for (int64_t k = 0; k < t.numel(); ++k) t.f32()[k] = f(k);
  return t;
}

// x (3, 4, 5) normalized over (4, 5), weight and bias (4, 5).
TEST(NormalizationNaive, LayerNormOverTwoTrailingDims) {
  rt::HostTensor x = filledF32({3, 4, 5}, [](int64_t k) { return std::sin(0.37f * k) * 2 + k % 3; });
  rt::HostTensor w = filledF32({4, 5}, [](int64_t k) { return 0.5f + 0.1f * k; });
  rt::HostTensor b = filledF32({4, 5}, [](int64_t k) { return std::cos(float(k)); });
  double eps = 1e-3;
  rt::HostTensor y = runForward({x, w, b}, [&](T a) {
    return std::vector<Tensor>{layerNorm(a[0], {4, 5}, a[1], a[2], eps)};
  })[0];
  for (int64_t i = 0; i < 3; ++i) {
    const float *row = x.f32() + i * 20;
    double mu = 0, var = 0;
    for (int k = 0; k < 20; ++k) mu += row[k];
    mu /= 20;
    for (int k = 0; k < 20; ++k) var += (row[k] - mu) * (row[k] - mu);
    var /= 20;
    for (int k = 0; k < 20; ++k) {
      double expected = (row[k] - mu) / std::sqrt(var + eps) * w.f32()[k] + b.f32()[k];
      EXPECT_NEAR(y.f32()[i * 20 + k], expected, 1e-5) << i << "," << k;
    }
  }
}

// x (4, 3, 2, 2): per-channel statistics over N, H, W (m = 16), training and
// inference, with the running-statistics update.
TEST(NormalizationNaive, BatchNormTrainingAndInference) {
  rt::HostTensor x = filledF32({4, 3, 2, 2}, [](int64_t k) { return std::sin(0.9f * k) * 3 + 1; });
  rt::HostTensor rm = filledF32({3}, [](int64_t k) { return 0.1f * k; });
  rt::HostTensor rv = filledF32({3}, [](int64_t k) { return 1.0f + k; });
  rt::HostTensor w = filledF32({3}, [](int64_t k) { return 1.5f - k; });
  rt::HostTensor b = filledF32({3}, [](int64_t k) { return 0.25f * k; });
  double eps = 1e-5, momentum = 0.2;
  auto run = [&](bool training) {
    return runForward({x, rm, rv, w, b}, [&](T a) {
      BatchNormResult r = batchNorm(a[0], a[1], a[2], a[3], a[4],
                                    {.training = training, .momentum = momentum, .eps = eps});
      return std::vector<Tensor>{r.y, r.newRunningMean, r.newRunningVar};
    });
  };
  std::vector<rt::HostTensor> train = run(true), infer = run(false);
  auto at = [&](int n, int c, int s) { return (n * 3 + c) * 4 + s; };
  for (int c = 0; c < 3; ++c) {
    double mu = 0, var = 0;
    for (int n = 0; n < 4; ++n)
      for (int s = 0; s < 4; ++s) mu += x.f32()[at(n, c, s)];
    mu /= 16;
    for (int n = 0; n < 4; ++n)
      for (int s = 0; s < 4; ++s) var += std::pow(x.f32()[at(n, c, s)] - mu, 2);
    var /= 16;
    EXPECT_NEAR(train[1].f32()[c], (1 - momentum) * rm.f32()[c] + momentum * mu, 1e-6);
    EXPECT_NEAR(train[2].f32()[c], (1 - momentum) * rv.f32()[c] + momentum * var * 16 / 15, 1e-5);
    EXPECT_EQ(infer[1].f32()[c], rm.f32()[c]);
    EXPECT_EQ(infer[2].f32()[c], rv.f32()[c]);
    for (int n = 0; n < 4; ++n)
      for (int s = 0; s < 4; ++s) {
        float v = x.f32()[at(n, c, s)];
        double yt = (v - mu) / std::sqrt(var + eps) * w.f32()[c] + b.f32()[c];
        double yi = (v - rm.f32()[c]) / std::sqrt(rv.f32()[c] + eps) * w.f32()[c] + b.f32()[c];
        EXPECT_NEAR(train[0].f32()[at(n, c, s)], yt, 1e-5) << n << "," << c << "," << s;
        EXPECT_NEAR(infer[0].f32()[at(n, c, s)], yi, 1e-5) << n << "," << c << "," << s;
      }
  }
}

// -- f64 finite differences --------------------------------------------------
struct GradCase {
  const char *name;
  std::vector<InputSpec> inputs;
  std::function<Tensor(T)> body;
};

std::vector<GradCase> gradCases() {
  // Running statistics are buffers (no gradient): in inference, where y
  // depends on them, they are constants; in training y does not read them.
  auto running = [](double v) { return constant({float(v), float(v + 0.5), float(v + 1)}, {3}, F64); };
  return {
      {"layer_norm_affine", {{{4, 6}, F64, -2, 2}, {{6}, F64}, {{6}, F64}},
       [](T a) { return layerNorm(a[0], {6}, a[1], a[2]); }},
      {"layer_norm_plain", {{{3, 5}, F64, -2, 2}}, [](T a) { return layerNorm(a[0], {5}); }},
      {"layer_norm_3d_2dims", {{{2, 3, 4}, F64, -2, 2}, {{3, 4}, F64}, {{3, 4}, F64}},
       [](T a) { return layerNorm(a[0], {3, 4}, a[1], a[2], 1e-3); }},
      {"batch_norm_train_2d", {{{6, 3}, F64, -2, 2}, {{3}, F64}, {{3}, F64, 0.5f, 2}, {{3}, F64},
                               {{3}, F64}},
       [](T a) { return batchNorm(a[0], a[1], a[2], a[3], a[4], {.training = true}).y; }},
      {"batch_norm_train_4d", {{{2, 3, 2, 3}, F64, -2, 2}, {{3}, F64}, {{3}, F64}},
       [=](T a) {
         return batchNorm(a[0], running(0.1), running(1.0), a[1], a[2], {.training = true}).y;
       }},
      {"batch_norm_train_no_affine", {{{4, 3, 5}, F64, -2, 2}},
       [=](T a) { return batchNorm(a[0], running(0.1), running(1.0), {}, {}, {.training = true}).y; }},
      {"batch_norm_eval_3d", {{{4, 3, 5}, F64, -2, 2}, {{3}, F64}, {{3}, F64}},
       [=](T a) { return batchNorm(a[0], running(0.1), running(1.0), a[1], a[2]).y; }},
  };
}

class NormalizationGradient : public ::testing::TestWithParam<GradCase> {};
TEST_P(NormalizationGradient, MatchesFiniteDifferencesInF64) {
  const GradCase &c = GetParam();
  Compiled fn(c.inputs, c.body);
  auto inputs = fn.randomInputs(11);
  EXPECT_LE(gradientError(fn, inputs, 1e-6, 1e-7, 1e-6), 1.0) << c.name;
}
INSTANTIATE_TEST_SUITE_P(Ops, NormalizationGradient, ::testing::ValuesIn(gradCases()),
                         [](const auto &info) { return std::string(info.param.name); });

// -- running statistics as buffers --------------------------------------------
// Inputs bound as Binding::Buffer carry dl.role = "buffer": the training
// pipeline returns no gradient for them, only for the parameter.
TEST(NormalizationBuffers, RunningStatisticsAreBuffersWithoutGradient) {
  Graph g;
  g.beginFunction();
  Tensor x = g.input("x", {4, 3}, rt::DType::F32, {}, Binding::Param);
  Tensor rm = g.input("bn.running_mean", {3}, rt::DType::F32, {}, Binding::Buffer);
  Tensor rv = g.input("bn.running_var", {3}, rt::DType::F32, {}, Binding::Buffer);
  BatchNormResult r = batchNorm(x, rm, rv, {}, {}, {.training = true});
  g.finishFunction("loss", {sum(mul(r.y, r.y), {0, 1}), r.newRunningMean, r.newRunningVar});
  auto module = g.takeModule();
  auto f = module->lookupSymbol<mlir::func::FuncOp>("loss");
  ASSERT_TRUE(f);
  EXPECT_EQ(dl::argRole(f, 0), dl::Role::parameter);
  EXPECT_EQ(dl::argRole(f, 1), dl::Role::buffer);
  EXPECT_EQ(dl::argName(f, 1), "bn.running_mean");
  EXPECT_EQ(dl::argRole(f, 2), dl::Role::buffer);
  PipelineOptions po;
  po.training = true;
  auto jit = cpu::JitModule::compile(*module, po);
  // loss, the two running statistics, and d loss / dx only.
  EXPECT_EQ(jit->allocateResults("loss_grad").size(), 4u);
}

// -- DSL errors name the user's line and the op ------------------------------
std::string here(int line) { return "NormalizationOpsTest.cpp:" + std::to_string(line); }

TEST(NormalizationErrors, NameTheOpAndLine) {
  Graph g;
  g.beginFunction();
  Tensor x = g.input("x", {2, 3, 4});
  Tensor w4 = g.input("w4", {4}), w3 = g.input("w3", {3});
  Tensor w64 = g.input("w64", {4}, F64);
  Tensor one = g.input("one", {1, 3});
  int line = __LINE__ + 1;
  expectError([&] { layerNorm(x, {3}); }, {here(line), "layer_norm", "trailing dims", "[2, 3, 4]"});
  line = __LINE__ + 1;
  expectError([&] { layerNorm(x, {3, 4}, w4); }, {here(line), "layer_norm", "weight of shape [4]"});
  line = __LINE__ + 1;
  expectError([&] { layerNorm(x, {4}, w64); }, {here(line), "layer_norm", "mixes element types"});
  line = __LINE__ + 1;
  expectError([&] { batchNorm(x, w4, w4); }, {here(line), "batch_norm", "running_mean of shape [4]"});
  line = __LINE__ + 1;
  expectError([&] { batchNorm(x, w3, w3, w4); }, {here(line), "batch_norm", "weight of shape [4]"});
  line = __LINE__ + 1;
  expectError([&] { batchNorm(one, w3, w3, {}, {}, {.training = true}); },
              {here(line), "batch_norm", "more than one value per channel"});
}

} // namespace
} // namespace dlc::test
