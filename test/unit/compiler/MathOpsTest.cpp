//===- MathOpsTest.cpp - the Math family: PyTorch, naive loops, gradcheck --===//
#include "Harness.h"
#include "Oracle.h"

#include "frontend/ops/Math.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace dlc::test {
namespace {

using T = const std::vector<Tensor> &;
constexpr rt::DType F64 = rt::DType::F64;

// -- against PyTorch (test/oracle/math.py) -----------------------------------
std::vector<OracleCase> oracleCases() {
  auto c = [](const char *name, std::function<Tensor(T)> body, double rtol = 1e-6,
              double atol = 1e-7) { return OracleCase{"math", name, body, rtol, atol}; };
  return {
      c("abs", [](T a) { return abs(a[0]); }),
      c("abs_f64", [](T a) { return abs(a[0]); }, 1e-15, 0),
  };
}

class MathOracle : public ::testing::TestWithParam<OracleCase> {};
TEST_P(MathOracle, MatchesPyTorch) { checkOracle(GetParam()); }
INSTANTIATE_TEST_SUITE_P(Ops, MathOracle, ::testing::ValuesIn(oracleCases()),
                         [](const auto &info) { return info.param.name; });

TEST(MathOracleFixtures, EveryFixtureHasACase) {
  std::vector<std::string> names;
  for (const OracleCase &c : oracleCases()) names.push_back(c.name);
  std::sort(names.begin(), names.end());
  EXPECT_EQ(oracleFixtures("math"), names);
}

// -- against a naive C++ loop ------------------------------------------------
TEST(MathNaive, Abs) {
  Compiled fn({{{5, 7}, rt::DType::F32, -3, 3}}, [](T a) { return abs(a[0]); });
  auto in = fn.randomInputs(3);
  rt::HostTensor out = fn.output(in);
  for (int64_t k = 0; k < out.numel(); ++k) EXPECT_EQ(out.f32()[k], std::fabs(in[0].f32()[k]));
}

// -- f64 finite differences --------------------------------------------------
struct GradCase {
  const char *name;
  std::vector<InputSpec> inputs;
  std::function<Tensor(T)> body;
};

std::vector<GradCase> gradCases() {
  return {
      // Away from the kink at 0.
      {"abs", {{{3, 4}, F64, 0.1f, 2.0f}}, [](T a) { return abs(sub(a[0], constant({1.05f}, {}, F64))); }},
  };
}

class MathGradient : public ::testing::TestWithParam<GradCase> {};
TEST_P(MathGradient, MatchesFiniteDifferencesInF64) {
  const GradCase &c = GetParam();
  Compiled fn(c.inputs, c.body);
  auto inputs = fn.randomInputs(11);
  EXPECT_LE(gradientError(fn, inputs, 1e-6, 1e-7, 1e-6), 1.0) << c.name;
}
INSTANTIATE_TEST_SUITE_P(Ops, MathGradient, ::testing::ValuesIn(gradCases()),
                         [](const auto &info) { return std::string(info.param.name); });

} // namespace
} // namespace dlc::test
