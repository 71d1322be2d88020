//===- StatisticsOpsTest.cpp - mean, amin, argmax, logsumexp, var: PyTorch, naive loops, gradcheck --===//
#include "Harness.h"
#include "Oracle.h"

#include "frontend/ops/Statistics.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace dlc::test {
namespace {

using T = const std::vector<Tensor> &;
constexpr rt::DType F64 = rt::DType::F64;
constexpr double kInf = std::numeric_limits<double>::infinity();

// -- against PyTorch (test/oracle/stats.py) ----------------------------------
// Tolerances: f32 cases 1e-5 relative (PyTorch's reference is computed in f64
// from the same f32 inputs; our sums accumulate in f32); var around a mean of
// 1000: 1e-4 relative and 5e-5 absolute (the f32 mean is only known to
// ulp(1000) = 6e-5, and the output and the gradient 2 (x - mean) / (n - 1)
// inherit that absolute error in x - mean; measured worst 2.4e-5 on a
// gradient of 0.09); f64 cases 1e-12.
std::vector<OracleCase> oracleCases() {
  auto c = [](const char *name, std::function<Tensor(T)> body, double rtol = 1e-5,
              double atol = 1e-6) { return OracleCase{"stats", name, body, rtol, atol}; };
  constexpr double f64 = 1e-12;
  return {
      c("mean_dim1", [](T a) { return mean(a[0], {1}); }),
      c("mean_dims02_keepdim", [](T a) { return mean(a[0], {0, 2}, true); }),
      c("mean_all_f64", [](T a) { return mean(a[0], {0, 1}); }, f64, f64),
      c("amin_ties", [](T a) { return amin(a[0], {1}); }),
      c("amin_dims12_keepdim", [](T a) { return amin(a[0], {1, 2}, true); }),
      c("argmax_ties", [](T a) { return argmax(a[0], 1); }),
      c("argmax_dim0_keepdim", [](T a) { return argmax(a[0], 0, true); }),
      c("argmax_middle", [](T a) { return argmax(a[0], -2); }),
      c("logsumexp_large", [](T a) { return logsumexp(a[0], {1}); }),
      c("logsumexp_neginf", [](T a) { return logsumexp(a[0], {-1}); }),
      c("logsumexp_dims02_keepdim", [](T a) { return logsumexp(a[0], {2, 0}, true); }),
      c("logsumexp_f64", [](T a) { return logsumexp(a[0], {1}); }, f64, f64),
      c("var_dim1", [](T a) { return var(a[0], {1}); }),
      c("var_dims02_correction0_keepdim",
        [](T a) { return var(a[0], {0, 2}, {.correction = 0, .keepdim = true}); }),
      c("var_large_mean", [](T a) { return var(a[0], {1}); }, 1e-4, 5e-5),
      c("var_correction2_f64", [](T a) { return var(a[0], {0, 1}, {.correction = 2}); }, f64,
        f64),
  };
}

class StatisticsOracle : public ::testing::TestWithParam<OracleCase> {};
TEST_P(StatisticsOracle, MatchesPyTorch) { checkOracle(GetParam()); }
INSTANTIATE_TEST_SUITE_P(Ops, StatisticsOracle, ::testing::ValuesIn(oracleCases()),
                         [](const auto &info) { return info.param.name; });

TEST(StatisticsOracleFixtures, EveryFixtureHasACase) {
  std::vector<std::string> names;
  for (const OracleCase &c : oracleCases()) names.push_back(c.name);
  std::sort(names.begin(), names.end());
  EXPECT_EQ(oracleFixtures("stats"), names);
}

// -- against a naive C++ loop ------------------------------------------------

/// Forward only (no gradient), so integer outputs (argmax) work.
rt::HostTensor runForward(const std::vector<rt::HostTensor> &inputs,
                          const std::function<Tensor(T)> &body) {
  Graph graph;
  graph.beginFunction();
  std::vector<Tensor> traced;
  for (size_t i = 0; i < inputs.size(); ++i)
    traced.push_back(graph.input("in" + std::to_string(i), inputs[i].shape(), inputs[i].dtype()));
  graph.finishFunction("f", {body(traced)}, {Graph::ResultKind::Output});
  auto module = graph.takeModule();
  auto jit = cpu::JitModule::compile(*module, PipelineOptions{});
  std::vector<const rt::HostTensor *> args;
  for (const auto &t : inputs) args.push_back(&t);
  auto results = jit->allocateResults("f");
  jit->call("f", args, {&results[0]});
  return results[0];
}

rt::HostTensor filledF32(std::vector<int64_t> shape, const std::function<float(int64_t)> &f) {
  rt::HostTensor t(shape, rt::DType::F32);
  for (int64_t k = 0; k < t.numel(); ++k) t.f32()[k] = f(k);
  return t;
}

// x (3, 4, 5) reduced over axes {0, 2}: out[j] over x[i][j][k].
TEST(StatisticsNaive, MeanAndVarOverTwoAxes) {
  rt::HostTensor x = filledF32({3, 4, 5}, [](int64_t k) { return std::sin(0.7f * k) * 3; });
  rt::HostTensor m = runForward({x}, [](T a) { return mean(a[0], {0, 2}); });
  rt::HostTensor v = runForward({x}, [](T a) { return var(a[0], {0, 2}); });
  rt::HostTensor p = runForward({x}, [](T a) { return var(a[0], {0, 2}, {.correction = 0}); });
  for (int64_t j = 0; j < 4; ++j) {
    double s = 0, sq = 0;
    for (int64_t i = 0; i < 3; ++i)
      for (int64_t k = 0; k < 5; ++k) s += x.f32()[(i * 4 + j) * 5 + k];
    double mu = s / 15;
    for (int64_t i = 0; i < 3; ++i)
      for (int64_t k = 0; k < 5; ++k) sq += std::pow(x.f32()[(i * 4 + j) * 5 + k] - mu, 2);
    EXPECT_NEAR(m.f32()[j], mu, 1e-6) << j;
    EXPECT_NEAR(v.f32()[j], sq / 14, 1e-5) << j;
    EXPECT_NEAR(p.f32()[j], sq / 15, 1e-5) << j;
  }
}

TEST(StatisticsNaive, AminAndArgmaxWithTies) {
  // Rows with ties at known places: the minimum value, and the first index
  // of the maximum.
  rt::HostTensor x = filledF32({4, 6}, [](int64_t k) { return float((k * 7) % 5) - 2; });
  rt::HostTensor mn = runForward({x}, [](T a) { return amin(a[0], {1}); });
  rt::HostTensor am = runForward({x}, [](T a) { return argmax(a[0], 1); });
  ASSERT_EQ(am.dtype(), rt::DType::I64);
  for (int64_t i = 0; i < 4; ++i) {
    const float *row = x.f32() + i * 6;
    EXPECT_EQ(mn.f32()[i], *std::min_element(row, row + 6)) << i;
    EXPECT_EQ(am.data<int64_t>()[i], std::max_element(row, row + 6) - row) << i;
  }
}

TEST(StatisticsNaive, ArgmaxNaNWinsAsPyTorch) {
  float nan = std::numeric_limits<float>::quiet_NaN();
  rt::HostTensor x = filledF32({2, 4}, [](int64_t) { return 1.0f; });
  x.f32()[2] = nan;             // row 0: NaN at 2 beats the 1s
  x.f32()[5] = 9, x.f32()[7] = nan; // row 1: NaN at 3 beats the earlier 9
  rt::HostTensor am = runForward({x}, [](T a) { return argmax(a[0], 1); });
  EXPECT_EQ(am.data<int64_t>()[0], 2);
  EXPECT_EQ(am.data<int64_t>()[1], 3);
}

TEST(StatisticsNaive, LogSumExpWithInfinities) {
  rt::HostTensor x = filledF32({4, 3}, [](int64_t k) { return 0.25f * k - 1; });
  x.f32()[1] = -INFINITY;                                     // row 0: one -inf
  x.f32()[3] = x.f32()[4] = x.f32()[5] = -INFINITY;           // row 1: all -inf
  x.f32()[6] = 1000, x.f32()[7] = 999;                        // row 2: large
  x.f32()[10] = INFINITY;                                     // row 3: +inf
  rt::HostTensor l = runForward({x}, [](T a) { return logsumexp(a[0], {1}); });
  for (int64_t i = 0; i < 4; ++i) {
    const float *row = x.f32() + i * 3;
    double m = *std::max_element(row, row + 3), s = 0;
    double shift = std::isinf(m) ? 0 : m;
    for (int k = 0; k < 3; ++k) s += std::exp(double(row[k]) - shift);
    double expected = shift + std::log(s);
    if (std::isinf(expected)) EXPECT_EQ(l.f32()[i], expected) << i;
    else EXPECT_NEAR(l.f32()[i], expected, 1e-5 * std::abs(expected) + 1e-6) << i;
  }
  EXPECT_EQ(l.f32()[1], -kInf);
  EXPECT_EQ(l.f32()[3], kInf);
}

// -- f64 finite differences --------------------------------------------------
struct GradCase {
  const char *name;
  std::vector<InputSpec> inputs;
  std::function<Tensor(T)> body;
};

std::vector<GradCase> gradCases() {
  return {
      {"mean", {{{2, 3, 4}, F64}}, [](T a) { return mean(a[0], {0, 2}); }},
      {"mean_keepdim", {{{3, 4}, F64}}, [](T a) { return mean(a[0], {1}, true); }},
      // Random values: no ties, so the minimum is differentiable.
      {"amin", {{{3, 5}, F64}}, [](T a) { return amin(a[0], {1}); }},
      {"amin_keepdim", {{{2, 3, 4}, F64}}, [](T a) { return amin(a[0], {0, 2}, true); }},
      {"logsumexp", {{{3, 5}, F64, -3, 3}}, [](T a) { return logsumexp(a[0], {1}); }},
      {"logsumexp_keepdim", {{{2, 3, 4}, F64, -3, 3}},
       [](T a) { return logsumexp(a[0], {0, 2}, true); }},
      {"var", {{{3, 5}, F64}}, [](T a) { return var(a[0], {1}); }},
      {"var_correction0_keepdim", {{{2, 3, 4}, F64}},
       [](T a) { return var(a[0], {1, 2}, {.correction = 0, .keepdim = true}); }},
  };
}

class StatisticsGradient : public ::testing::TestWithParam<GradCase> {};
TEST_P(StatisticsGradient, MatchesFiniteDifferencesInF64) {
  const GradCase &c = GetParam();
  Compiled fn(c.inputs, c.body);
  auto inputs = fn.randomInputs(11);
  EXPECT_LE(gradientError(fn, inputs, 1e-6, 1e-7, 1e-6), 1.0) << c.name;
}
INSTANTIATE_TEST_SUITE_P(Ops, StatisticsGradient, ::testing::ValuesIn(gradCases()),
                         [](const auto &info) { return std::string(info.param.name); });

// -- DSL errors name the user's line and the op ------------------------------
std::string here(int line) { return "StatisticsOpsTest.cpp:" + std::to_string(line); }

TEST(StatisticsErrors, NameTheOpAndLine) {
  Graph g;
  g.beginFunction();
  // (Empty axes are rejected too: test/IR/statistics-invalid.mlir; the DSL's
  // inputs cannot have a zero dimension.)
  Tensor x = g.input("x", {2, 5, 3});
  Tensor labels = g.input("labels", {2}, rt::DType::I64);
  int line = __LINE__ + 1;
  expectError([&] { amin(x, {3}); }, {here(line), "amin", "axis 3 out of range for rank 3"});
  line = __LINE__ + 1;
  expectError([&] { argmax(x, 3); }, {here(line), "argmax", "axis 3 out of range for rank 3"});
  line = __LINE__ + 1;
  expectError([&] { var(x, {0}, {.correction = -1}); }, {here(line), "var", "correction"});
  line = __LINE__ + 1;
  expectError([&] { logsumexp(x, {0, -3}); }, {here(line), "logsumexp", "sorted and distinct"});
  line = __LINE__ + 1;
  expectError([&] { mean(labels, {0}); }, {here(line), "mean", "float"});
}

} // namespace
} // namespace dlc::test
