//===- ForwardTest.cpp - compiled ops against naive C++ references --------===//
#include "Harness.h"

#include <gtest/gtest.h>

#include <cmath>

extern "C" void omp_set_num_threads(int);
extern "C" int omp_get_max_threads(void);

namespace dlc::test {
namespace {

using T = const std::vector<Tensor> &;

void expectNear(const rt::HostTensor &got, const std::vector<float> &want, double tol = 1e-4) {
  ASSERT_EQ(got.numel(), static_cast<int64_t>(want.size()));
  for (size_t i = 0; i < want.size(); ++i)
    ASSERT_NEAR(got.f32()[i], want[i], tol * (1 + std::abs(want[i]))) << "element " << i;
}

TEST(Forward, ElementwiseWithBroadcasting) {
  Compiled fn({{{2, 3}}, {{3}}}, [](T a) {
    return add(mul(sigmoid(a[0]), a[1]), sub(tanh(a[0]), relu(a[1])));
  });
  auto in = fn.randomInputs(3);
  std::vector<float> want;
  for (int i = 0; i < 2; ++i)
    for (int j = 0; j < 3; ++j) {
      float x = in[0].f32()[i * 3 + j], b = in[1].f32()[j];
      want.push_back(1 / (1 + std::exp(-x)) * b + (std::tanh(x) - std::max(b, 0.0f)));
    }
  expectNear(fn.output(in), want);
}

TEST(Forward, ExpLogDivNeg) {
  Compiled fn({{{4}, rt::DType::F32, 0.5f, 2.0f}, {{1}, rt::DType::F32, 0.5f, 2.0f}},
              [](T a) { return neg(div(log(a[0]), exp(a[1]))); });
  auto in = fn.randomInputs(4);
  std::vector<float> want;
  for (int i = 0; i < 4; ++i) want.push_back(-std::log(in[0].f32()[i]) / std::exp(in[1].f32()[0]));
  expectNear(fn.output(in), want);
}

TEST(Forward, MatmulAllTransposes) {
  for (bool ta : {false, true})
    for (bool tb : {false, true}) {
      int64_t m = 3, k = 5, n = 4;
      std::vector<int64_t> as = ta ? std::vector<int64_t>{k, m} : std::vector<int64_t>{m, k};
      std::vector<int64_t> bs = tb ? std::vector<int64_t>{n, k} : std::vector<int64_t>{k, n};
      Compiled fn({{as}, {bs}}, [&](T a) { return matmul(a[0], a[1], ta, tb); });
      auto in = fn.randomInputs(5);
      std::vector<float> want(m * n, 0.0f);
      for (int64_t i = 0; i < m; ++i)
        for (int64_t j = 0; j < n; ++j)
          for (int64_t p = 0; p < k; ++p) {
            float a = ta ? in[0].f32()[p * m + i] : in[0].f32()[i * k + p];
            float b = tb ? in[1].f32()[j * k + p] : in[1].f32()[p * n + j];
            want[i * n + j] += a * b;
          }
      expectNear(fn.output(in), want);
    }
}

TEST(Forward, SumMeanSoftmax) {
  Compiled fn({{{2, 3}}}, [](T a) { return add(softmax(a[0], 1), mean(a[0], {1}, true)); });
  auto in = fn.randomInputs(6);
  std::vector<float> want;
  for (int i = 0; i < 2; ++i) {
    const float *r = in[0].f32() + i * 3;
    float mx = std::max({r[0], r[1], r[2]}), s = 0, mean = (r[0] + r[1] + r[2]) / 3;
    for (int j = 0; j < 3; ++j) s += std::exp(r[j] - mx);
    for (int j = 0; j < 3; ++j) want.push_back(std::exp(r[j] - mx) / s + mean);
  }
  expectNear(fn.output(in), want);
}

TEST(Forward, CrossEntropyHandComputed) {
  // logits [[0, 0], [ln 3, 0]], labels [1, 0]:
  // row 0: log(2) - 0; row 1: log(3 + 1) - ln 3 = log(4/3); mean of both.
  Compiled fn({{{2, 2}}, {{2}, rt::DType::I32, 0, 2}},
              [](T a) { return crossEntropy(a[0], a[1]); });
  auto in = fn.randomInputs(0);
  float l[] = {0, 0, std::log(3.0f), 0};
  std::copy(l, l + 4, in[0].f32());
  in[1].i32()[0] = 1;
  in[1].i32()[1] = 0;
  expectNear(fn.output(in), {(std::log(2.0f) + std::log(4.0f / 3.0f)) / 2});
}

TEST(Forward, Conv2dAndPoolingAgainstLoops) {
  // y = maxpool(avgpool(conv(x, w, stride 1, pad 1)))
  int64_t N = 2, C = 2, H = 6, O = 3, K = 3;
  Compiled fn({{{N, C, H, H}}, {{O, C, K, K}}}, [](T a) {
    Tensor y = conv2d(a[0], a[1], {1, 1}, {1, 1});
    return maxPool2d(avgPool2d(y, {2, 2}, {2, 2}, {0, 0}), {3, 3}, {1, 1}, {1, 1});
  });
  auto in = fn.randomInputs(8);
  const float *x = in[0].f32(), *w = in[1].f32();
  std::vector<float> conv(N * O * H * H, 0.0f);
  for (int64_t n = 0; n < N; ++n)
    for (int64_t o = 0; o < O; ++o)
      for (int64_t i = 0; i < H; ++i)
        for (int64_t j = 0; j < H; ++j)
          for (int64_t c = 0; c < C; ++c)
            for (int64_t p = 0; p < K; ++p)
              for (int64_t q = 0; q < K; ++q) {
                int64_t r = i + p - 1, s = j + q - 1;
                if (r < 0 || s < 0 || r >= H || s >= H) continue;
                conv[((n * O + o) * H + i) * H + j] +=
                    x[((n * C + c) * H + r) * H + s] * w[((o * C + c) * K + p) * K + q];
              }
  int64_t P = H / 2;
  std::vector<float> avg(N * O * P * P);
  for (int64_t b = 0; b < N * O; ++b)
    for (int64_t i = 0; i < P; ++i)
      for (int64_t j = 0; j < P; ++j) {
        const float *c = conv.data() + b * H * H;
        avg[(b * P + i) * P + j] = (c[2 * i * H + 2 * j] + c[2 * i * H + 2 * j + 1] +
                                    c[(2 * i + 1) * H + 2 * j] + c[(2 * i + 1) * H + 2 * j + 1]) /
                                   4;
      }
  std::vector<float> want(N * O * P * P);
  for (int64_t b = 0; b < N * O; ++b)
    for (int64_t i = 0; i < P; ++i)
      for (int64_t j = 0; j < P; ++j) {
        float m = -INFINITY;
        for (int64_t p = -1; p <= 1; ++p)
          for (int64_t q = -1; q <= 1; ++q)
            if (i + p >= 0 && j + q >= 0 && i + p < P && j + q < P)
              m = std::max(m, avg[(b * P + i + p) * P + j + q]);
        want[(b * P + i) * P + j] = m;
      }
  expectNear(fn.output(in), want);
}

TEST(Forward, ReshapeAndBroadcastTo) {
  Compiled fn({{{2, 3}}}, [](T a) { return broadcastTo(reshape(a[0], {3, 1, 2}), {3, 2, 2}); });
  auto in = fn.randomInputs(9);
  std::vector<float> want;
  for (int i = 0; i < 3; ++i)
    for (int r = 0; r < 2; ++r)
      for (int j = 0; j < 2; ++j) want.push_back(in[0].f32()[i * 2 + j]);
  expectNear(fn.output(in), want);
}

// Large enough for dl-shape-parallel-loops to fork (≥ 32768 iterations) and
// with a batch (33) that does not split evenly over the threads.
TEST(Forward, ParallelLoopsCoverEveryElement) {
  // y = σ(x + b) * Σ_j σ(x + b): an all-parallel 33×7×300 nest after a
  // reduction over j.
  Compiled fn({{{33, 7, 300}}, {{300}}}, [](T a) {
    Tensor s = sigmoid(add(a[0], a[1]));
    return mul(s, sum(s, {1}, true));
  });
  auto in = fn.randomInputs(10);
  std::vector<float> sig(33 * 7 * 300), total(33 * 300, 0.0f), want(33 * 7 * 300);
  for (int i = 0; i < 33; ++i)
    for (int j = 0; j < 7; ++j)
      for (int k = 0; k < 300; ++k) {
        int e = (i * 7 + j) * 300 + k;
        sig[e] = 1 / (1 + std::exp(-(in[0].f32()[e] + in[1].f32()[k])));
        total[i * 300 + k] += sig[e];
      }
  for (int i = 0; i < 33; ++i)
    for (int j = 0; j < 7; ++j)
      for (int k = 0; k < 300; ++k) {
        int e = (i * 7 + j) * 300 + k;
        want[e] = sig[e] * total[i * 300 + k];
      }
  expectNear(fn.output(in), want);
}

// More threads than outer iterations: some threads get an empty block.
TEST(Forward, ParallelLoopsWithMoreThreadsThanRows) {
  int before = omp_get_max_threads();
  omp_set_num_threads(5);
  for (int64_t rows : {1, 3, 7}) {
    Compiled fn({{{rows, 40000}}}, [](T a) { return tanh(a[0]); });
    auto in = fn.randomInputs(rows);
    std::vector<float> want(static_cast<size_t>(rows * 40000));
    for (size_t i = 0; i < want.size(); ++i) want[i] = std::tanh(in[0].f32()[i]);
    expectNear(fn.output(in), want);
  }
  omp_set_num_threads(before);
}

} // namespace
} // namespace dlc::test
