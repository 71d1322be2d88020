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
      // Vision on oneDNN (f32): sums of up to 2·3·3 products, as above.
      c("conv2d_groups", [](T a) { return conv2d(a[0], a[1], {.padding = {1, 1}, .groups = 2}); }),
      c("conv2d_depthwise",
        [](T a) { return conv2d(a[0], a[1], {.stride = {2, 2}, .groups = 3}); }),
      c("conv2d_dilated",
        [](T a) { return conv2d(a[0], a[1], {.padding = {2, 2}, .dilation = {2, 2}}); }),
      c("conv2d_dilated_grouped",
        [](T a) {
          return conv2d(a[0], a[1],
                        {.stride = {1, 2}, .padding = {1, 2}, .dilation = {1, 2}, .groups = 2});
        }),
      c("max_pool2d_ceil",
        [](T a) { return maxPool2d(a[0], {.kernel = {3, 3}, .stride = {{2, 2}}, .ceilMode = true}); }),
      c("avg_pool2d_ceil",
        [](T a) {
          return avgPool2d(a[0], {.kernel = {3, 3}, .stride = {{2, 2}}, .padding = {1, 1},
                                  .ceilMode = true});
        }),
      c("avg_pool2d_exclude_pad",
        [](T a) {
          return avgPool2d(a[0], {.kernel = {3, 3}, .stride = {{2, 2}}, .padding = {1, 1},
                                  .countIncludePad = false});
        }),
      c("avg_pool2d_ceil_exclude_pad",
        [](T a) {
          return avgPool2d(a[0], {.kernel = {3, 2}, .stride = {{2, 2}}, .padding = {1, 1},
                                  .ceilMode = true, .countIncludePad = false});
        }),
      c("adaptive_avg_pool2d_3x3", [](T a) { return adaptiveAvgPool2d(a[0], {3, 3}); }),
      c("adaptive_avg_pool2d_2x3", [](T a) { return adaptiveAvgPool2d(a[0], {2, 3}); }),
      c("adaptive_avg_pool2d_global", [](T a) { return adaptiveAvgPool2d(a[0], {1, 1}); }),
      f64("adaptive_avg_pool2d_f64", [](T a) { return adaptiveAvgPool2d(a[0], {3, 3}); }),
      c("conv2d_1x1", [](T a) { return conv2d(a[0], a[1], {}); }),
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

/// x[n, c, h, w] of a dense NCHW tensor, 0 outside the image (padding).
double pixel(const rt::HostTensor &t, int64_t n, int64_t c, int64_t h, int64_t w) {
  auto s = t.shape();
  if (h < 0 || w < 0 || h >= s[2] || w >= s[3]) return 0.0;
  return t.f32()[((n * s[1] + c) * s[2] + h) * s[3] + w];
}

TEST(LinearNaive, GroupedDilatedConv) {
  // groups 2, dilation (2, 1), stride (1, 2), padding (2, 1).
  Compiled fn({{{2, 4, 7, 6}}, {{6, 2, 3, 2}}}, [](T a) {
    return conv2d(a[0], a[1],
                  {.stride = {1, 2}, .padding = {2, 1}, .dilation = {2, 1}, .groups = 2});
  });
  auto in = fn.randomInputs(4);
  rt::HostTensor y = fn.output(in);
  auto ys = y.shape();
  ASSERT_EQ(ys, (std::vector<int64_t>{2, 6, 7, 4}));
  for (int64_t n = 0; n < 2; ++n)
    for (int64_t o = 0; o < 6; ++o)
      for (int64_t i = 0; i < ys[2]; ++i)
        for (int64_t j = 0; j < ys[3]; ++j) {
          int64_t group = o / 3; // 3 output channels per group
          double want = 0;
          for (int64_t c = 0; c < 2; ++c)
            for (int64_t kh = 0; kh < 3; ++kh)
              for (int64_t kw = 0; kw < 2; ++kw)
                want += pixel(in[0], n, group * 2 + c, i - 2 + 2 * kh, j * 2 - 1 + kw) *
                        in[1].f32()[((o * 2 + c) * 3 + kh) * 2 + kw];
          EXPECT_NEAR(y.f32()[((n * 6 + o) * ys[2] + i) * ys[3] + j], want, 1e-5)
              << n << "," << o << "," << i << "," << j;
        }
}

/// PyTorch's avg_pool2d divisor rules, one output element at a time.
double naiveAvgPool(const rt::HostTensor &x, int64_t n, int64_t c, int64_t i, int64_t j,
                    int64_t k, int64_t s, int64_t p, bool countIncludePad) {
  auto xs = x.shape();
  int64_t h0 = i * s - p, w0 = j * s - p;
  int64_t h1 = std::min(h0 + k, xs[2] + p), w1 = std::min(w0 + k, xs[3] + p);
  int64_t padded = (h1 - h0) * (w1 - w0);
  int64_t covered = (std::min(h1, xs[2]) - std::max<int64_t>(h0, 0)) *
                    (std::min(w1, xs[3]) - std::max<int64_t>(w0, 0));
  double sum = 0;
  for (int64_t h = h0; h < h1; ++h)
    for (int64_t w = w0; w < w1; ++w) sum += pixel(x, n, c, h, w);
  return sum / double(countIncludePad ? padded : covered);
}

class LinearNaiveAvgPool : public ::testing::TestWithParam<bool> {};
TEST_P(LinearNaiveAvgPool, CeilModeMatchesPyTorchDivisors) {
  bool include = GetParam();
  // 8 → ceil((8 + 2 - 3) / 2) + 1 = 5 windows; the last spans [7, 10), past
  // the right padding at 9.
  Compiled fn({{{2, 3, 8, 8}}}, [&](T a) {
    return avgPool2d(a[0], {.kernel = {3, 3}, .stride = {{2, 2}}, .padding = {1, 1},
                            .ceilMode = true, .countIncludePad = include});
  });
  auto in = fn.randomInputs(6);
  rt::HostTensor y = fn.output(in);
  ASSERT_EQ(y.shape(), (std::vector<int64_t>{2, 3, 5, 5}));
  for (int64_t n = 0; n < 2; ++n)
    for (int64_t c = 0; c < 3; ++c)
      for (int64_t i = 0; i < 5; ++i)
        for (int64_t j = 0; j < 5; ++j)
          EXPECT_NEAR(y.f32()[((n * 3 + c) * 5 + i) * 5 + j],
                      naiveAvgPool(in[0], n, c, i, j, 3, 2, 1, include), 1e-6)
              << n << "," << c << "," << i << "," << j;
}
INSTANTIATE_TEST_SUITE_P(CountIncludePad, LinearNaiveAvgPool, ::testing::Bool());

TEST(LinearNaive, AdaptiveAvgPoolWindows) {
  Compiled fn({{{1, 2, 7, 5}}}, [](T a) { return adaptiveAvgPool2d(a[0], {3, 2}); });
  auto in = fn.randomInputs(8);
  rt::HostTensor y = fn.output(in);
  for (int64_t c = 0; c < 2; ++c)
    for (int64_t i = 0; i < 3; ++i)
      for (int64_t j = 0; j < 2; ++j) {
        // PyTorch's windows: [floor(i·H/OH), ceil((i+1)·H/OH)).
        int64_t h0 = i * 7 / 3, h1 = ((i + 1) * 7 + 2) / 3;
        int64_t w0 = j * 5 / 2, w1 = ((j + 1) * 5 + 1) / 2;
        double sum = 0;
        for (int64_t h = h0; h < h1; ++h)
          for (int64_t w = w0; w < w1; ++w) sum += pixel(in[0], 0, c, h, w);
        EXPECT_NEAR(y.f32()[(c * 3 + i) * 2 + j], sum / double((h1 - h0) * (w1 - w0)), 1e-6)
            << c << "," << i << "," << j;
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
      // Convolution and pooling run on oneDNN in f32 only: their gradients
      // are checked against PyTorch (the fixtures above); adaptive pooling
      // is built from ops that run in f64.
      {"adaptive_avg_pool2d", {{{2, 2, 7, 6}, F64}},
       [](T a) { return adaptiveAvgPool2d(a[0], {3, 4}); }},
      {"adaptive_avg_pool2d_global", {{{2, 3, 4, 5}, F64}},
       [](T a) { return adaptiveAvgPool2d(a[0], {1, 1}); }},
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

TEST(LinearErrors, VisionOptions) {
  Graph g;
  g.beginFunction();
  Tensor x = g.input("x", {1, 4, 6, 6}), w = g.input("w", {6, 3, 3, 3});
  int line = __LINE__ + 1;
  expectError([&] { conv2d(x, w, {.groups = 2}); },
              {here(line), "conv2d", "3 per group × 2 groups"});
  line = __LINE__ + 1;
  expectError([&] { conv2d(x, g.input("w1", {6, 4, 3, 3}), {.dilation = {3, 3}}); },
              {here(line), "conv2d", "dilated by [3, 3] is larger than the padded input"});
  line = __LINE__ + 1;
  expectError([&] { avgPool2d(x, {.kernel = {2, 2}, .padding = {2, 2}}); },
              {here(line), "avg_pool2d", "at most half the kernel"});
  line = __LINE__ + 1;
  expectError([&] { adaptiveAvgPool2d(x, {0, 3}); },
              {here(line), "adaptive_avg_pool2d", "output_size values must be >= 1"});
}

// -- measured: batched matmul throughput (run with --gtest_also_run_disabled_tests) --
// Times the compiled forward of batchMatmul (plus the harness's weighted sum,
// a small elementwise pass): the numbers in backends/onednn/BatchMatmul.cpp.
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

// A 1×1 convolution (stride 1, no padding) is a batched product per image,
// w (O, C) · x (C, H·W): times oneDNN's convolution against that product
// (oneDNN's matmul primitive), forward only, same inputs.
TEST(LinearBench, DISABLED_Conv1x1VersusMatmulGflops) {
  struct Shape {
    int64_t n, c, hw, o;
  };
  for (const Shape &s : {Shape{32, 64, 28, 128}, Shape{8, 256, 14, 256}}) {
    auto time = [&](const char *what, std::function<Tensor(T)> body) {
      Compiled fn({{{s.n, s.c, s.hw, s.hw}}, {{s.o, s.c, 1, 1}}}, body);
      auto in = fn.randomInputs(1);
      for (int i = 0; i < 3; ++i) fn.output(in);
      int iters = 20;
      auto t0 = std::chrono::steady_clock::now();
      for (int i = 0; i < iters; ++i) fn.output(in);
      double sec = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      double flops = 2.0 * s.n * s.c * s.hw * s.hw * s.o * iters;
      std::printf("conv 1x1 N=%lld C=%lld HW=%lld O=%lld via %s: %.2f GFLOP/s (%.3f ms)\n",
                  (long long)s.n, (long long)s.c, (long long)s.hw, (long long)s.o, what,
                  flops / sec / 1e9, sec / iters * 1e3);
      return fn.output(in);
    };
    rt::HostTensor conv = time("oneDNN conv", [](T a) { return conv2d(a[0], a[1], {}); });
    rt::HostTensor mm = time("batch_matmul", [&](T a) {
      Tensor w = reshape(a[1], {1, s.o, s.c});
      Tensor x = reshape(a[0], {s.n, s.c, s.hw * s.hw});
      return reshape(batchMatmul(w, x), {s.n, s.o, s.hw, s.hw});
    });
    for (int64_t k = 0; k < conv.numel(); k += 997) EXPECT_NEAR(conv.f32()[k], mm.f32()[k], 1e-3);
  }
}

} // namespace
} // namespace dlc::test
