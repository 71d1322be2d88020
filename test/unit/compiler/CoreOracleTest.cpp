//===- CoreOracleTest.cpp - LeNet's and the MLP's ops against PyTorch -----===//
//
// Fixtures: test/oracle/core.py. Each case here has a directory there and
// the reverse (CoreOracle.EveryFixtureHasACase).
//
//===----------------------------------------------------------------------===//
#include "Oracle.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace dlc::test {
namespace {

using T = const std::vector<Tensor> &;

std::vector<OracleCase> cases() {
  auto c = [](const char *name, std::function<Tensor(T)> body, double rtol = 1e-5,
              double atol = 1e-6) { return OracleCase{"core", name, body, rtol, atol}; };
  return {
      c("add_broadcast", [](T a) { return add(a[0], a[1]); }),
      c("sub_broadcast", [](T a) { return sub(a[0], a[1]); }),
      c("mul_f64", [](T a) { return mul(a[0], a[1]); }, 1e-12, 1e-14),
      c("div", [](T a) { return div(a[0], a[1]); }),
      c("neg", [](T a) { return neg(a[0]); }),
      c("exp", [](T a) { return exp(a[0]); }),
      c("tanh", [](T a) { return tanh(a[0]); }),
      c("sigmoid", [](T a) { return sigmoid(a[0]); }),
      c("relu", [](T a) { return relu(a[0]); }),
      c("log", [](T a) { return log(a[0]); }),
      c("matmul", [](T a) { return matmul(a[0], a[1]); }),
      c("matmul_f64", [](T a) { return matmul(a[0], a[1]); }, 1e-12, 1e-14),
      c("sum_axes", [](T a) { return sum(a[0], {0, 2}); }),
      c("softmax_axis0", [](T a) { return softmax(a[0], 0); }),
      c("softmax_large", [](T a) { return softmax(a[0], 1); }),
      c("log_softmax", [](T a) { return logSoftmax(a[0], 1); }),
      c("amax_ties", [](T a) { return amax(a[0], {1}); }),
      c("cross_entropy", [](T a) { return crossEntropy(a[0], a[1]); }),
      c("conv2d", [](T a) { return conv2d(a[0], a[1], {2, 2}, {1, 1}); }, 1e-5, 1e-5),
      c("max_pool2d", [](T a) { return maxPool2d(a[0], {2, 2}, {2, 2}, {0, 0}); }),
      c("avg_pool2d_pad", [](T a) { return avgPool2d(a[0], {3, 3}, {1, 1}, {1, 1}); }),
  };
}

class CoreOracle : public ::testing::TestWithParam<OracleCase> {};
TEST_P(CoreOracle, MatchesPyTorch) { checkOracle(GetParam()); }
INSTANTIATE_TEST_SUITE_P(Ops, CoreOracle, ::testing::ValuesIn(cases()),
                         [](const auto &info) { return info.param.name; });

TEST(CoreOracleFixtures, EveryFixtureHasACase) {
  std::vector<std::string> names;
  for (const OracleCase &c : cases()) names.push_back(c.name);
  std::sort(names.begin(), names.end());
  EXPECT_EQ(oracleFixtures("core"), names);
}

} // namespace
} // namespace dlc::test
