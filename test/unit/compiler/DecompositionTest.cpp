//===- DecompositionTest.cpp - composite ops through their decomposition --===//
//
// softmax, log_softmax and softmax_cross_entropy have no loops of their own:
// dl-lower-to-linalg lowers them through DecomposableOpInterface. These
// tests run the compiled decompositions against naive C++ loops (in double),
// including logits large enough that exponentiating them without the max
// subtracted would overflow, and check reduce_max (amax) and its gradient.
//
//===----------------------------------------------------------------------===//
#include "Harness.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace dlc::test {
namespace {

using T = const std::vector<Tensor> &;

void expectNear(const rt::HostTensor &got, const std::vector<double> &want, double tol = 1e-5) {
  ASSERT_EQ(got.numel(), static_cast<int64_t>(want.size()));
  for (size_t i = 0; i < want.size(); ++i) {
    ASSERT_TRUE(std::isfinite(got.f32()[i])) << "element " << i << " is " << got.f32()[i];
    ASSERT_NEAR(got.f32()[i], want[i], tol * (1 + std::abs(want[i]))) << "element " << i;
  }
}

/// The 1-D slices of a row-major (rows, cols) tensor along `axis`: element
/// k of slice s is at s * stride + k * step.
struct Slices {
  int64_t count, length, stride, step;
  int64_t at(int64_t s, int64_t k) const { return s * stride + k * step; }
};
Slices slices(int64_t rows, int64_t cols, int64_t axis) {
  return axis == 1 ? Slices{rows, cols, cols, 1} : Slices{cols, rows, 1, cols};
}

/// Naive log-softmax in double along `axis` of a (rows, cols) tensor:
/// x - log Σ exp(x), with the max factored out so the reference itself is exact.
std::vector<double> naiveLogSoftmax(const float *x, int64_t rows, int64_t cols, int64_t axis) {
  Slices s = slices(rows, cols, axis);
  std::vector<double> y(rows * cols);
  for (int64_t i = 0; i < s.count; ++i) {
    double m = -INFINITY, sum = 0;
    for (int64_t k = 0; k < s.length; ++k) m = std::max(m, double(x[s.at(i, k)]));
    for (int64_t k = 0; k < s.length; ++k) sum += std::exp(double(x[s.at(i, k)]) - m);
    for (int64_t k = 0; k < s.length; ++k) y[s.at(i, k)] = double(x[s.at(i, k)]) - m - std::log(sum);
  }
  return y;
}

std::vector<double> expOf(std::vector<double> v) {
  for (double &e : v) e = std::exp(e);
  return v;
}

struct Range {
  float lo, hi;
};
// Ordinary logits, and logits around ±5000 (exp overflows f32 beyond 88):
// computed without subtracting the max, softmax would be inf/inf = NaN and
// log_softmax -inf or NaN.
const Range kRanges[] = {{-3.0f, 3.0f}, {4000.0f, 5000.0f}, {-5000.0f, 5000.0f}};

TEST(Decomposition, SoftmaxMatchesNaiveLoops) {
  for (Range r : kRanges)
    for (int64_t axis : {0, 1}) {
      Compiled fn({{{5, 7}, rt::DType::F32, r.lo, r.hi}}, [&](T a) { return softmax(a[0], axis); });
      auto in = fn.randomInputs(11);
      SCOPED_TRACE("range [" + std::to_string(r.lo) + ", " + std::to_string(r.hi) + "], axis " +
                   std::to_string(axis));
      expectNear(fn.output(in), expOf(naiveLogSoftmax(in[0].f32(), 5, 7, axis)));
    }
}

TEST(Decomposition, LogSoftmaxMatchesNaiveLoops) {
  for (Range r : kRanges)
    for (int64_t axis : {0, 1}) {
      Compiled fn({{{5, 7}, rt::DType::F32, r.lo, r.hi}},
                  [&](T a) { return logSoftmax(a[0], axis); });
      auto in = fn.randomInputs(12);
      SCOPED_TRACE("range [" + std::to_string(r.lo) + ", " + std::to_string(r.hi) + "], axis " +
                   std::to_string(axis));
      // Results reach -10000 here; their f32 rounding alone is ~1e-3 absolute.
      expectNear(fn.output(in), naiveLogSoftmax(in[0].f32(), 5, 7, axis), 1e-6);
    }
}

// A probability far below f32's smallest normal still has a finite log:
// log_softmax is not log(softmax(x)).
TEST(Decomposition, LogSoftmaxOfATinyProbabilityIsFinite) {
  Compiled fn({{{1, 3}}}, [](T a) { return logSoftmax(a[0], 1); });
  auto in = fn.randomInputs(0);
  float x[] = {0.0f, -200.0f, 100.0f};
  std::copy(x, x + 3, in[0].f32());
  expectNear(fn.output(in), naiveLogSoftmax(x, 1, 3, 1), 1e-6);
  EXPECT_NEAR(fn.output(in).f32()[1], -300.0f, 1e-3f);
}

/// The loss exactly as the fused loops that lowered softmax_cross_entropy
/// before it decomposed (three nests, f32): m[n] = max_c x; s[n] = Σ_c
/// exp(x - m) and picked[n] = x[n, t[n]] (0 for a label outside [0, C));
/// loss = Σ_n (log s + m - picked) · (1/N).
float fusedLoopCrossEntropy(const float *x, const int32_t *t, int64_t n, int64_t c) {
  float loss = 0.0f, invN = 1.0f / static_cast<float>(n);
  for (int64_t i = 0; i < n; ++i) {
    float m = -std::numeric_limits<float>::infinity(), s = 0.0f, picked = 0.0f;
    for (int64_t j = 0; j < c; ++j) m = std::max(m, x[i * c + j]);
    for (int64_t j = 0; j < c; ++j) {
      s += std::exp(x[i * c + j] - m);
      picked += t[i] == j ? x[i * c + j] : 0.0f;
    }
    loss += (std::log(s) + m - picked) * invN;
  }
  return loss;
}

TEST(Decomposition, CrossEntropyEqualsTheFusedLoops) {
  const int64_t n = 9, c = 6;
  for (Range r : kRanges) {
    Compiled fn({{{n, c}, rt::DType::F32, r.lo, r.hi}, {{n}, rt::DType::I32, 0, c}},
                [](T a) { return crossEntropy(a[0], a[1]); });
    for (uint64_t seed : {1, 2, 3}) {
      auto in = fn.randomInputs(seed);
      in[1].i32()[4] = c; // out of range: both pick 0 (one_hot's all-zero row)
      float want = fusedLoopCrossEntropy(in[0].f32(), in[1].i32(), n, c);
      SCOPED_TRACE("range [" + std::to_string(r.lo) + ", " + std::to_string(r.hi) + "], seed " +
                   std::to_string(seed));
      expectNear(fn.output(in), {want}, 1e-5);
    }
  }
}

// The fused-loop reference is itself checked against hand-computed numbers:
// logits [[0, 0], [ln 3, 0]], labels [1, 0] give (log 2 + log(4/3)) / 2.
TEST(Decomposition, FusedLoopReferenceIsRight) {
  float x[] = {0, 0, std::log(3.0f), 0};
  int32_t t[] = {1, 0};
  EXPECT_NEAR(fusedLoopCrossEntropy(x, t, 2, 2), (std::log(2.0) + std::log(4.0 / 3.0)) / 2, 1e-6);
}

TEST(Decomposition, AmaxMatchesNaiveLoops) {
  // (2, 3, 4) reduced over axes {0, 2}, with and without keepdims.
  for (bool keep : {false, true}) {
    Compiled fn({{{2, 3, 4}, rt::DType::F32, -4000.0f, 4000.0f}},
                [&](T a) { return amax(a[0], {0, 2}, keep); });
    auto in = fn.randomInputs(13);
    std::vector<double> want(3, -INFINITY);
    for (int i = 0; i < 2; ++i)
      for (int j = 0; j < 3; ++j)
        for (int k = 0; k < 4; ++k)
          want[j] = std::max(want[j], double(in[0].f32()[(i * 3 + j) * 4 + k]));
    rt::HostTensor got = fn.output(in);
    EXPECT_EQ(got.shape(), keep ? std::vector<int64_t>({1, 3, 1}) : std::vector<int64_t>({3}));
    expectNear(got, want, 0.0);
  }
}

// amax's gradient at tied maxima is split evenly between them (PyTorch's
// amax backward). Both functions below output a (2)-vector weighted by the
// same random cotangent R (same seed and shape), so amax's gradient must
// equal the gradient of the linear function with hand-written weights.
TEST(Decomposition, AmaxGradientSplitsTiesEvenly) {
  Compiled fn({{{2, 3}}}, [](T a) { return amax(a[0], {1}); });
  Compiled linear({{{2, 3}}}, [](T a) {
    return sum(mul(a[0], constant({0, 0.5f, 0.5f, 1, 0, 0}, {2, 3})), {1});
  });
  auto in = fn.randomInputs(0);
  float x[] = {1, 3, 3, 2, 0, -1}; // row 0: a two-way tie; row 1: one maximum
  std::copy(x, x + 6, in[0].f32());
  rt::HostTensor got = fn.gradients(in)[0], want = linear.gradients(in)[0];
  for (int i = 0; i < 6; ++i) EXPECT_FLOAT_EQ(got.f32()[i], want.f32()[i]) << "element " << i;
  EXPECT_NE(got.f32()[1], 0.0f);

  // Three-way tie over every axis, rank-0 result: a third each.
  Compiled all({{{2, 3}}}, [](T a) { return amax(a[0], {0, 1}); });
  Compiled third({{{2, 3}}}, [](T a) {
    float k = 1.0f / 3.0f;
    return sum(mul(a[0], constant({k, 0, 0, k, 0, k}, {2, 3})), {0, 1});
  });
  float y[] = {5, 1, 2, 5, -3, 5};
  std::copy(y, y + 6, in[0].f32());
  got = all.gradients(in)[0];
  want = third.gradients(in)[0];
  for (int i = 0; i < 6; ++i) EXPECT_FLOAT_EQ(got.f32()[i], want.f32()[i]) << "element " << i;
}

} // namespace
} // namespace dlc::test
