//===- MatmulTest.cpp - dlc_rt_matmul against a naive loop ----------------===//
#include "backends/onednn/Kernels.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace {

using Desc2 = dlc::rt::MemRefDesc<float, 2>;

Desc2 desc(std::vector<float> &v, int64_t rows, int64_t cols) {
  return {v.data(), v.data(), 0, {rows, cols}, {cols, 1}};
}

class Matmul : public ::testing::TestWithParam<std::tuple<bool, bool>> {};

TEST_P(Matmul, MatchesNaiveLoop) {
  auto [ta, tb] = GetParam();
  int64_t m = 37, n = 19, k = 53;
  std::mt19937 rng(5);
  std::uniform_real_distribution<float> u(-1, 1);
  std::vector<float> a(m * k), b(k * n), c(m * n, 7.0f), want(m * n, 0.0f);
  for (float &v : a) v = u(rng);
  for (float &v : b) v = u(rng);
  for (int64_t i = 0; i < m; ++i)
    for (int64_t j = 0; j < n; ++j)
      for (int64_t p = 0; p < k; ++p)
        want[i * n + j] += (ta ? a[p * m + i] : a[i * k + p]) * (tb ? b[j * k + p] : b[p * n + j]);
  Desc2 da = ta ? desc(a, k, m) : desc(a, m, k), db = tb ? desc(b, n, k) : desc(b, k, n),
        dc = desc(c, m, n);
  dlc_rt_clear_error();
  _mlir_ciface_dlc_rt_matmul(&da, &db, &dc, ta, tb);
  ASSERT_EQ(dlc_rt_last_error(), nullptr);
  for (int64_t i = 0; i < m * n; ++i) ASSERT_NEAR(c[i], want[i], 1e-4) << i;
}

INSTANTIATE_TEST_SUITE_P(Transposes, Matmul,
                         ::testing::Combine(::testing::Bool(), ::testing::Bool()));

TEST(MatmulErrors, MismatchedShapesSetTheErrorSlot) {
  std::vector<float> a(6), b(6), c(4, 3.0f);
  Desc2 da = desc(a, 2, 3), db = desc(b, 2, 3), dc = desc(c, 2, 2);
  dlc_rt_clear_error();
  _mlir_ciface_dlc_rt_matmul(&da, &db, &dc, 0, 0);
  ASSERT_NE(dlc_rt_last_error(), nullptr);
  EXPECT_NE(std::string(dlc_rt_last_error()).find("do not compose"), std::string::npos);
  EXPECT_EQ(c[0], 0.0f) << "output is zeroed on error";
  dlc_rt_clear_error();
}

} // namespace
