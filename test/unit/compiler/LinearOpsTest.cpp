//===- LinearOpsTest.cpp - Linear family and vision extensions: PyTorch, naive loops, gradcheck ===//
#include "Harness.h"
#include "Oracle.h"

#include "frontend/ops/Linear.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

namespace dlc::test {
namespace {

using T = const std::vector<Tensor> &;
constexpr rt::DType F64 = rt::DType::F64;

// -- against PyTorch (test/oracle/linear.py) ---------------------------------
// Tolerance: f32 sums of a few products of N(0,1) values, computed by sgemm
// (or oneDNN's matmul) in another order than PyTorch's float64 reference:
// 1e-5 relative plus 1e-5 absolute; f64 cases agree to 1e-12.
std::vector<OracleCase> oracleCases() {
  auto c = [](const char *name, std::function<Tensor(T)> body, double rtol = 1e-5,
              double atol = 1e-5) { return OracleCase{"linear", name, body, rtol, atol}; };
  auto f64 = [&](const char *name, std::function<Tensor(T)> body) {
    return c(name, body, 1e-12, 1e-12);
  };
  return {
      c("bmm", [](T a) { return batchMatmul(a[0], a[1]); }),
      c("batch_matmul_broadcast", [](T a) { return matmul(a[0], a[1]); }),
      c("batch_matmul_transposed", [](T a) { return batchMatmul(a[0], a[1], true, true); }),
      c("batch_matmul_transpose_rhs", [](T a) { return batchMatmul(a[0], a[1], false, true); }),
      c("batch_matmul_matrix_rhs", [](T a) { return batchMatmul(a[0], a[1]); }),
      c("batch_matmul_matrix_lhs", [](T a) { return batchMatmul(a[0], a[1]); }),
      f64("batch_matmul_f64", [](T a) { return batchMatmul(a[0], a[1]); }),
      c("linear_3d", [](T a) { return linear(a[0], a[1], a[2]); }),
      c("linear_no_bias", [](T a) { return linear(a[0], a[1]); }),
      c("linear_1d", [](T a) { return linear(a[0], a[1], a[2]); }),
      f64("linear_f64", [](T a) { return linear(a[0], a[1], a[2]); }),
  };
}

class LinearOracle : public ::testing::TestWithParam<OracleCase> {};
TEST_P(LinearOracle, MatchesPyTorch) { checkOracle(GetParam()); }
INSTANTIATE_TEST_SUITE_P(Ops, LinearOracle, ::testing::ValuesIn(oracleCases()),
                         [](const auto &info) { return info.param.name; });

TEST(LinearOracleFixtures, EveryFixtureHasACase) {
  std::vector<std::string> names;
  for (const OracleCase &c : oracleCases()) names.push_back(c.name);
  std::sort(names.begin(), names.end());
  EXPECT_EQ(oracleFixtures("linear"), names);
}

// -- against naive C++ loops -------------------------------------------------

/// Element (i, j) of the stored matrix `batch` of `t` (rank 3, batch 1 shared).
float at(const rt::HostTensor &t, int64_t batch, int64_t i, int64_t j) {
  auto s = t.shape();
  int64_t b = s[0] == 1 ? 0 : batch;
  return t.f32()[(b * s[1] + i) * s[2] + j];
}

struct BmmShape {
  std::vector<int64_t> a, b;
  bool ta, tb;
};

class LinearNaiveBmm : public ::testing::TestWithParam<BmmShape> {};
TEST_P(LinearNaiveBmm, MatchesLoops) {
  const BmmShape &p = GetParam();
  Compiled fn({{p.a}, {p.b}}, [&](T a) { return batchMatmul(a[0], a[1], p.ta, p.tb); });
  auto in = fn.randomInputs(5);
  rt::HostTensor out = fn.output(in);
  auto c = out.shape();
  int64_t k = p.ta ? p.a[1] : p.a[2];
  for (int64_t n = 0; n < c[0]; ++n)
    for (int64_t i = 0; i < c[1]; ++i)
      for (int64_t j = 0; j < c[2]; ++j) {
        double want = 0;
        for (int64_t l = 0; l < k; ++l)
          want += double(p.ta ? at(in[0], n, l, i) : at(in[0], n, i, l)) *
                  (p.tb ? at(in[1], n, j, l) : at(in[1], n, l, j));
        EXPECT_NEAR(out.f32()[(n * c[1] + i) * c[2] + j], want, 1e-5)
            << "batch " << n << " (" << i << ", " << j << ")";
      }
}
INSTANTIATE_TEST_SUITE_P(
    Shapes, LinearNaiveBmm,
    ::testing::Values(BmmShape{{4, 3, 5}, {4, 5, 2}, false, false},
                      BmmShape{{4, 5, 3}, {4, 2, 5}, true, true},
                      BmmShape{{4, 3, 5}, {1, 5, 7}, false, false}, // one sgemm
                      BmmShape{{1, 5, 3}, {6, 5, 2}, true, false},
                      BmmShape{{3, 3, 64}, {3, 9, 64}, false, true}));

TEST(LinearNaive, LinearWithBias) {
  Compiled fn({{{2, 3, 4}}, {{5, 4}}, {{5}}}, [](T a) { return linear(a[0], a[1], a[2]); });
  auto in = fn.randomInputs(9);
  rt::HostTensor out = fn.output(in);
  ASSERT_EQ(out.shape(), (std::vector<int64_t>{2, 3, 5}));
  for (int64_t r = 0; r < 6; ++r)
    for (int64_t o = 0; o < 5; ++o) {
      double want = in[2].f32()[o];
      for (int64_t i = 0; i < 4; ++i) want += double(in[0].f32()[r * 4 + i]) * in[1].f32()[o * 4 + i];
      EXPECT_NEAR(out.f32()[r * 5 + o], want, 1e-5) << r << ", " << o;
    }
}

// -- f64 finite differences --------------------------------------------------
struct GradCase {
  const char *name;
  std::vector<InputSpec> inputs;
  std::function<Tensor(T)> body;
};

std::vector<GradCase> gradCases() {
  return {
      {"batch_matmul_broadcast", {{{2, 1, 3, 4}, F64}, {{5, 4, 2}, F64}},
       [](T a) { return batchMatmul(a[0], a[1]); }},
      {"batch_matmul_transposed", {{{3, 4, 2}, F64}, {{1, 5, 4}, F64}},
       [](T a) { return batchMatmul(a[0], a[1], true, true); }},
      {"batch_matmul_matrix_lhs", {{{3, 4}, F64}, {{2, 4, 5}, F64}},
       [](T a) { return batchMatmul(a[0], a[1], false, false); }},
      {"linear", {{{2, 3, 4}, F64}, {{5, 4}, F64}, {{5}, F64}},
       [](T a) { return linear(a[0], a[1], a[2]); }},
      {"linear_no_bias_1d", {{{4}, F64}, {{3, 4}, F64}}, [](T a) { return linear(a[0], a[1]); }},
  };
}

class LinearGradient : public ::testing::TestWithParam<GradCase> {};
TEST_P(LinearGradient, MatchesFiniteDifferencesInF64) {
  const GradCase &c = GetParam();
  Compiled fn(c.inputs, c.body);
  auto inputs = fn.randomInputs(11);
  EXPECT_LE(gradientError(fn, inputs, 1e-6, 1e-6, 1e-6), 1.0) << c.name;
}
INSTANTIATE_TEST_SUITE_P(Ops, LinearGradient, ::testing::ValuesIn(gradCases()),
                         [](const auto &info) { return std::string(info.param.name); });

// -- DSL errors --------------------------------------------------------------

template <typename F>
void expectError(F f, std::vector<std::string> needles) {
  try {
    f();
    FAIL() << "expected dlc::Error";
  } catch (const Error &e) {
    std::string what = e.what();
    for (const std::string &n : needles)
      EXPECT_NE(what.find(n), std::string::npos) << "missing '" << n << "' in: " << what;
  }
}
std::string here(int line) { return "LinearOpsTest.cpp:" + std::to_string(line); }

TEST(LinearErrors, NameTheOpAndTheLine) {
  Graph g;
  g.beginFunction();
  Tensor a = g.input("a", {2, 3, 4}), b = g.input("b", {3, 4, 5}), w = g.input("w", {5, 3});
  Tensor d = g.input("d", {2, 4, 5}, F64), v = g.input("v", {4});
  int line = __LINE__ + 1;
  expectError([&] { batchMatmul(a, b); }, {here(line), "batch_matmul", "do not broadcast"});
  line = __LINE__ + 1;
  expectError([&] { batchMatmul(a, d); }, {here(line), "batch_matmul", "mixes element types"});
  line = __LINE__ + 1;
  expectError([&] { batchMatmul(a, v); }, {here(line), "batch_matmul", "rank >= 2"});
  line = __LINE__ + 1;
  expectError([&] { matmul(a, a); }, {here(line), "batch_matmul", "contracts 4 with 3"});
  line = __LINE__ + 1;
  expectError([&] { linear(a, w); }, {here(line), "linear", "4 features", "expects 3"});
  line = __LINE__ + 1;
  expectError([&] { linear(v, g.input("w2", {3, 4}), g.input("b2", {4})); },
              {here(line), "linear", "bias of shape [3]"});
}

// -- measured: batched matmul throughput (run with --gtest_also_run_disabled_tests) --
// Times the compiled forward of batchMatmul; the environment picks the
// implementation the numbers in the report compare (DLC_BATCH_MATMUL).
TEST(LinearBench, DISABLED_BatchMatmulGflops) {
  struct Shape {
    std::vector<int64_t> a, b;
  };
  for (const Shape &s : {Shape{{64, 128, 64}, {64, 64, 128}}, Shape{{8, 512, 64}, {8, 64, 512}}}) {
    Compiled fn({{s.a}, {s.b}}, [](T a) { return batchMatmul(a[0], a[1]); });
    auto in = fn.randomInputs(1);
    for (int i = 0; i < 3; ++i) fn.output(in);
    int iters = 20;
    auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < iters; ++i) fn.output(in);
    double sec = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    double flops = 2.0 * s.a[0] * s.a[1] * s.a[2] * s.b[2] * iters;
    std::printf("batch_matmul (%lld,%lld,%lld)x(%lld,%lld,%lld): %.2f GFLOP/s (%.3f ms)\n",
                (long long)s.a[0], (long long)s.a[1], (long long)s.a[2], (long long)s.b[0],
                (long long)s.b[1], (long long)s.b[2], flops / sec / 1e9, sec / iters * 1e3);
  }
}

} // namespace
} // namespace dlc::test
