//===- MathOpsTest.cpp - the Math family: PyTorch, naive loops, gradcheck --===//
#include "Harness.h"
#include "Oracle.h"

#include "frontend/ops/Math.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace dlc::test {
namespace {

using T = const std::vector<Tensor> &;
using rt::DType;
constexpr DType F32 = DType::F32, F64 = DType::F64, BF16 = DType::BF16, I1 = DType::I1,
                I32 = DType::I32, I64 = DType::I64;

// -- against PyTorch (test/oracle/math.py) -----------------------------------
// Tolerances (|dlc - torch| <= atol + rtol |torch|, torch computed in f64):
// exact for comparisons, logic, casts and integer where (no arithmetic; float
// where's gradients are sums, 1e-6 rel); 1e-6 rel for
// f32 arithmetic that is correctly rounded or nearly (sqrt, pow, extrema,
// clamp, leaky_relu); 2e-6 rel / 1e-7 abs for f32 transcendentals, whose
// polynomial approximations (dl-approximate-math: erf, exp, log1p, tanh) are
// within a few ulp; f64 (libm) 1e-13.
std::vector<OracleCase> oracleCases() {
  auto c = [](const char *name, std::function<Tensor(T)> body, double rtol = 1e-6,
              double atol = 1e-7) { return OracleCase{"math", name, body, rtol, atol}; };
  auto exact = [&](const char *name, std::function<Tensor(T)> body) {
    return c(name, body, 0, 0);
  };
  auto f64 = [&](const char *name, std::function<Tensor(T)> body) {
    return c(name, body, 1e-13, 1e-15);
  };
  auto transcendental = [&](const char *name, std::function<Tensor(T)> body) {
    return c(name, body, 2e-6, 1e-7);
  };
  return {
      c("abs", [](T a) { return abs(a[0]); }),
      f64("abs_f64", [](T a) { return abs(a[0]); }),
      c("sqrt", [](T a) { return sqrt(a[0]); }),
      f64("sqrt_f64", [](T a) { return sqrt(a[0]); }),
      c("rsqrt", [](T a) { return rsqrt(a[0]); }),
      transcendental("erf", [](T a) { return erf(a[0]); }),
      f64("erf_f64", [](T a) { return erf(a[0]); }),
      transcendental("softplus", [](T a) { return softplus(a[0]); }),
      f64("softplus_f64", [](T a) { return softplus(a[0]); }),
      transcendental("softplus_beta2_threshold5", [](T a) { return softplus(a[0], 2.0, 5.0); }),
      c("leaky_relu", [](T a) { return leakyRelu(a[0]); }),
      c("leaky_relu_slope0_2", [](T a) { return leakyRelu(a[0], 0.2); }),
      transcendental("gelu", [](T a) { return gelu(a[0]); }),
      transcendental("gelu_tanh", [](T a) { return gelu(a[0], GeluApproximate::Tanh); }),
      f64("gelu_f64", [](T a) { return gelu(a[0]); }),
      transcendental("pow", [](T a) { return pow(a[0], a[1]); }),
      transcendental("pow_negative_base", [](T a) { return pow(a[0], a[1]); }),
      transcendental("pow_zero_base", [](T a) { return pow(a[0], a[1]); }),
      f64("pow_f64", [](T a) { return pow(a[0], a[1]); }),
      c("pow_scalar_2", [](T a) { return pow(a[0], 2.0); }),
      c("pow_scalar_3", [](T a) { return pow(a[0], 3.0); }),
      c("pow_scalar_0", [](T a) { return pow(a[0], 0.0); }),
      c("pow_scalar_neg1", [](T a) { return pow(a[0], -1.0); }),
      transcendental("pow_scalar_2_5", [](T a) { return pow(a[0], 2.5); }),
      c("pow_scalar_neg0_5", [](T a) { return pow(a[0], -0.5); }),
      c("maximum", [](T a) { return maximum(a[0], a[1]); }),
      c("minimum", [](T a) { return minimum(a[0], a[1]); }),
      f64("maximum_f64", [](T a) { return maximum(a[0], a[1]); }),
      c("clamp", [](T a) { return clamp(a[0], -0.5, 0.5); }),
      c("clamp_min", [](T a) { return clamp(a[0], -0.5); }),
      c("clamp_max", [](T a) { return clamp(a[0], std::nullopt, 0.5); }),
      c("clamp_min_above_max", [](T a) { return clamp(a[0], 0.5, -0.5); }),
      exact("eq", [](T a) { return eq(a[0], a[1]); }),
      exact("ne", [](T a) { return ne(a[0], a[1]); }),
      exact("lt", [](T a) { return lt(a[0], a[1]); }),
      exact("le", [](T a) { return le(a[0], a[1]); }),
      exact("gt", [](T a) { return gt(a[0], a[1]); }),
      exact("ge", [](T a) { return ge(a[0], a[1]); }),
      exact("lt_i32", [](T a) { return lt(a[0], a[1]); }),
      exact("ge_i64", [](T a) { return ge(a[0], a[1]); }),
      exact("eq_f64", [](T a) { return eq(a[0], a[1]); }),
      exact("gt_bool", [](T a) { return gt(a[0], a[1]); }),
      exact("logical_and", [](T a) { return logicalAnd(a[0], a[1]); }),
      exact("logical_or", [](T a) { return logicalOr(a[0], a[1]); }),
      exact("logical_not", [](T a) { return logicalNot(a[0]); }),
      c("where", [](T a) { return where(a[0], a[1], a[2]); }), // the sums of masked w
      c("where_neg_inf", [](T a) { return where(a[0], a[1], a[2]); }), // the sums of masked w
      exact("where_i32", [](T a) { return where(a[0], a[1], a[2]); }),
      exact("cast_f32_f64", [](T a) { return cast(a[0], F64); }),
      exact("cast_f64_f32", [](T a) { return cast(a[0], F32); }),
      exact("cast_f32_i32", [](T a) { return cast(a[0], I32); }),
      exact("cast_f32_i64", [](T a) { return cast(a[0], I64); }),
      exact("cast_f32_bool", [](T a) { return cast(a[0], I1); }),
      exact("cast_i32_f32", [](T a) { return cast(a[0], F32); }),
      exact("cast_i64_f64", [](T a) { return cast(a[0], F64); }),
      exact("cast_i64_i32", [](T a) { return cast(a[0], I32); }),
      exact("cast_i32_i64", [](T a) { return cast(a[0], I64); }),
      exact("cast_i32_bool", [](T a) { return cast(a[0], I1); }),
      exact("cast_bool_f32", [](T a) { return cast(a[0], F32); }),
      exact("cast_bool_i64", [](T a) { return cast(a[0], I64); }),
      exact("cast_f32_bf16_f32", [](T a) { return cast(cast(a[0], BF16), F32); }),
      exact("cast_f64_bf16_f32", [](T a) { return cast(cast(a[0], BF16), F32); }),
      exact("cast_i64_i32_wrap", [](T a) { return cast(a[0], I32); }),
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
double at(const rt::HostTensor &t, int64_t k) {
  switch (t.dtype()) {
  case F32: return t.data<float>()[k];
  case F64: return t.data<double>()[k];
  case BF16: return t.data<rt::BF16>()[k].toFloat();
  case I1: return t.data<bool>()[k];
  case I32: return t.data<int32_t>()[k];
  case I64: return double(t.data<int64_t>()[k]);
  default: ADD_FAILURE() << "unsupported dtype"; return 0;
  }
}

/// Uniform random values in [lo, hi) (integers: [lo, hi) classes; i1: 0/1).
rt::HostTensor random(std::vector<int64_t> shape, DType dtype, double lo, double hi,
                      uint64_t seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> u(lo, hi);
  rt::HostTensor t(shape, dtype);
  for (int64_t k = 0; k < t.numel(); ++k) {
    double v = u(rng);
    switch (dtype) {
    case F32: t.data<float>()[k] = float(v); break;
    case F64: t.data<double>()[k] = v; break;
    case BF16: t.data<rt::BF16>()[k] = rt::BF16::fromFloat(float(v)); break;
    case I1: t.data<bool>()[k] = v >= (lo + hi) / 2; break;
    case I32: t.data<int32_t>()[k] = int32_t(std::floor(v)); break;
    case I64: t.data<int64_t>()[k] = int64_t(std::floor(v)); break;
    default: ADD_FAILURE() << "unsupported dtype";
    }
  }
  return t;
}

/// Traces body(inputs) as an inference function, compiles and runs it.
rt::HostTensor forward(const std::vector<rt::HostTensor> &inputs, std::function<Tensor(T)> body) {
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

struct NaiveCase {
  const char *name;
  std::vector<rt::HostTensor> inputs; ///< one shape (broadcasting: the oracle cases)
  std::function<Tensor(T)> body;
  std::function<double(const std::vector<double> &)> expected;
  double rtol = 1e-6; ///< 0: exact
  double atol = 1e-7;
};

const double kSqrt1_2 = 1 / std::sqrt(2.0), kTanhK = std::sqrt(2 / M_PI);

std::vector<NaiveCase> naiveCases() {
  std::vector<int64_t> s{5, 7};
  auto f = [&](double lo, double hi, uint64_t seed = 1) { return random(s, F32, lo, hi, seed); };
  // Small integers as floats, so ties and equalities occur.
  auto ties = [&](uint64_t seed) {
    rt::HostTensor t = random(s, F32, -2, 3, seed);
    for (int64_t k = 0; k < t.numel(); ++k) t.f32()[k] = std::floor(t.f32()[k]);
    return t;
  };
  auto b = [&](uint64_t seed) { return random(s, I1, 0, 1, seed); };
  auto i = [&](DType d, uint64_t seed) { return random(s, d, -4, 4, seed); };
  using V = const std::vector<double> &;
  return {
      {"abs", {f(-3, 3)}, [](T a) { return abs(a[0]); }, [](V v) { return std::fabs(v[0]); }, 0},
      {"sqrt", {f(0, 9)}, [](T a) { return sqrt(a[0]); }, [](V v) { return std::sqrt(v[0]); }},
      {"rsqrt", {f(0.01, 9)}, [](T a) { return rsqrt(a[0]); },
       [](V v) { return 1 / std::sqrt(v[0]); }},
      {"erf", {f(-4, 4)}, [](T a) { return erf(a[0]); }, [](V v) { return std::erf(v[0]); }, 2e-6},
      {"softplus", {f(-30, 30)}, [](T a) { return softplus(a[0]); },
       [](V v) { return v[0] > 20 ? v[0] : std::log1p(std::exp(v[0])); }, 2e-6},
      {"softplus_beta", {f(-10, 10)}, [](T a) { return softplus(a[0], 3.0, 4.0); },
       [](V v) { return 3 * v[0] > 4 ? v[0] : std::log1p(std::exp(3 * v[0])) / 3; }, 2e-6},
      {"leaky_relu", {f(-3, 3)}, [](T a) { return leakyRelu(a[0], 0.1); },
       [](V v) { return v[0] > 0 ? v[0] : 0.1 * v[0]; }},
      // 1 + erf(x/√2) cancels for x << 0 (as in PyTorch's kernel): an f32
      // erf error of ~1e-7 becomes ~|x|/2 · 1e-7 absolute.
      {"gelu", {f(-6, 6)}, [](T a) { return gelu(a[0]); },
       [](V v) { return 0.5 * v[0] * (1 + std::erf(v[0] * kSqrt1_2)); }, 2e-6, 5e-7},
      {"gelu_tanh", {f(-6, 6)}, [](T a) { return gelu(a[0], GeluApproximate::Tanh); },
       [](V v) {
         double x = v[0];
         return 0.5 * x * (1 + std::tanh(kTanhK * (x + 0.044715 * x * x * x)));
       },
       2e-6},
      {"pow", {f(0.1, 3, 1), f(-2, 2, 2)}, [](T a) { return pow(a[0], a[1]); },
       [](V v) { return std::pow(v[0], v[1]); }, 2e-6},
      {"pow_scalar", {f(-3, 3)}, [](T a) { return pow(a[0], 3.0); },
       [](V v) { return v[0] * v[0] * v[0]; }},
      {"pow_scalar_general", {f(0, 3)}, [](T a) { return pow(a[0], 1.7); },
       [](V v) { return std::pow(v[0], 1.7); }, 2e-6},
      {"maximum", {ties(1), ties(2)}, [](T a) { return maximum(a[0], a[1]); },
       [](V v) { return std::max(v[0], v[1]); }, 0},
      {"minimum", {ties(1), ties(2)}, [](T a) { return minimum(a[0], a[1]); },
       [](V v) { return std::min(v[0], v[1]); }, 0},
      {"clamp", {f(-2, 2)}, [](T a) { return clamp(a[0], -1.0, 0.5); },
       [](V v) { return std::min(std::max(v[0], -1.0), 0.5); }, 0},
      {"eq", {ties(1), ties(2)}, [](T a) { return eq(a[0], a[1]); },
       [](V v) { return double(v[0] == v[1]); }, 0},
      {"ne", {ties(1), ties(2)}, [](T a) { return ne(a[0], a[1]); },
       [](V v) { return double(v[0] != v[1]); }, 0},
      {"lt", {ties(1), ties(2)}, [](T a) { return lt(a[0], a[1]); },
       [](V v) { return double(v[0] < v[1]); }, 0},
      {"le_i32", {i(I32, 1), i(I32, 2)}, [](T a) { return le(a[0], a[1]); },
       [](V v) { return double(v[0] <= v[1]); }, 0},
      {"gt_i64", {i(I64, 1), i(I64, 2)}, [](T a) { return gt(a[0], a[1]); },
       [](V v) { return double(v[0] > v[1]); }, 0},
      {"ge_bool", {b(1), b(2)}, [](T a) { return ge(a[0], a[1]); },
       [](V v) { return double(v[0] >= v[1]); }, 0},
      {"logical_and", {b(1), b(2)}, [](T a) { return logicalAnd(a[0], a[1]); },
       [](V v) { return double(v[0] && v[1]); }, 0},
      {"logical_or", {b(1), b(2)}, [](T a) { return logicalOr(a[0], a[1]); },
       [](V v) { return double(v[0] || v[1]); }, 0},
      {"logical_not", {b(1)}, [](T a) { return logicalNot(a[0]); },
       [](V v) { return double(!v[0]); }, 0},
      {"where", {b(3), f(-1, 1, 1), f(-1, 1, 2)}, [](T a) { return where(a[0], a[1], a[2]); },
       [](V v) { return v[0] ? v[1] : v[2]; }, 0},
      {"where_i64", {b(3), i(I64, 1), i(I64, 2)}, [](T a) { return where(a[0], a[1], a[2]); },
       [](V v) { return v[0] ? v[1] : v[2]; }, 0},
      {"cast_f32_i32", {f(-50, 50)}, [](T a) { return cast(a[0], I32); },
       [](V v) { return std::trunc(v[0]); }, 0},
      {"cast_i64_f32", {i(I64, 4)}, [](T a) { return cast(a[0], F32); },
       [](V v) { return v[0]; }, 0},
      {"cast_f32_bf16", {f(-100, 100)}, [](T a) { return cast(a[0], BF16); },
       [](V v) { return rt::BF16::fromFloat(float(v[0])).toFloat(); }, 0},
      {"cast_f64_bf16", {random(s, F64, -100, 100, 5)}, [](T a) { return cast(a[0], BF16); },
       [](V v) { return rt::BF16::fromFloat(float(v[0])).toFloat(); }, 0},
      {"cast_bf16_i32", {random(s, BF16, -100, 100, 6)}, [](T a) { return cast(a[0], I32); },
       [](V v) { return std::trunc(v[0]); }, 0},
      {"cast_i32_bf16", {random(s, I32, -3000, 3000, 7)}, [](T a) { return cast(a[0], BF16); },
       [](V v) { return rt::BF16::fromFloat(float(v[0])).toFloat(); }, 0},
  };
}

class MathNaive : public ::testing::TestWithParam<NaiveCase> {};
TEST_P(MathNaive, MatchesLoop) {
  const NaiveCase &c = GetParam();
  rt::HostTensor out = forward(c.inputs, c.body);
  ASSERT_EQ(out.numel(), c.inputs[0].numel());
  int bad = 0;
  for (int64_t k = 0; k < out.numel(); ++k) {
    std::vector<double> v;
    for (const auto &in : c.inputs) v.push_back(at(in, k));
    double e = c.expected(v), a = at(out, k);
    // f32 results: the reference rounded to f32 (its own ulp is the floor).
    bool ok = c.rtol == 0 ? (e == a || (std::isnan(e) && std::isnan(a)))
                          : std::abs(e - a) <= c.rtol * std::abs(e) + c.atol;
    if (!ok && bad++ < 3) ADD_FAILURE() << c.name << "[" << k << "] " << v[0] << ": " << a
                                        << ", expected " << e;
  }
}
INSTANTIATE_TEST_SUITE_P(Ops, MathNaive, ::testing::ValuesIn(naiveCases()),
                         [](const auto &info) { return std::string(info.param.name); });

TEST(MathNaive, CastToBF16SpecialValues) {
  const float inf = std::numeric_limits<float>::infinity();
  std::vector<float> values{1.0f, 1.00390625f, 1.01171875f, 3.4e38f, -0.0f, 1e-40f,
                            inf, -inf, std::nanf(""), 0.1f, -7.3f, 65504.f};
  rt::HostTensor x({int64_t(values.size())}, F32);
  std::copy(values.begin(), values.end(), x.f32());
  rt::HostTensor y = forward({x}, [](T a) { return cast(a[0], BF16); });
  for (size_t k = 0; k < values.size(); ++k)
    EXPECT_EQ(y.data<rt::BF16>()[k].bits, rt::BF16::fromFloat(values[k]).bits) << values[k];
}

// Bonus: the float ops on bf16 tensors (computed in f32, rounded once):
// within one bf16 ulp (2^-8 relative) of the f32 result rounded to bf16.
TEST(MathNaive, OpsOnBF16) {
  rt::HostTensor x = random({4, 8}, BF16, 0.1, 4, 9), y = random({4, 8}, BF16, -2, 2, 10);
  struct Op {
    const char *name;
    std::function<Tensor(T)> body;
    std::function<float(float, float)> ref;
  };
  std::vector<Op> ops{
      {"sqrt", [](T a) { return sqrt(a[0]); }, [](float u, float) { return std::sqrt(u); }},
      {"erf", [](T a) { return erf(a[1]); }, [](float, float v) { return std::erf(v); }},
      {"gelu", [](T a) { return gelu(a[1]); },
       [](float, float v) { return float(0.5 * v * (1 + std::erf(v * kSqrt1_2))); }},
      {"softplus", [](T a) { return softplus(a[1]); },
       [](float, float v) { return std::log1p(std::exp(v)); }},
      {"pow", [](T a) { return pow(a[0], a[1]); }, [](float u, float v) { return std::pow(u, v); }},
      {"maximum", [](T a) { return maximum(a[0], a[1]); },
       [](float u, float v) { return std::max(u, v); }},
      {"clamp", [](T a) { return clamp(a[1], -1.0, 1.0); },
       [](float, float v) { return std::clamp(v, -1.f, 1.f); }},
      {"leaky_relu", [](T a) { return leakyRelu(a[1]); },
       [](float, float v) { return v > 0 ? v : 0.01f * v; }},
      {"abs", [](T a) { return abs(a[1]); }, [](float, float v) { return std::fabs(v); }},
  };
  for (const Op &op : ops) {
    rt::HostTensor out = forward({x, y}, op.body);
    ASSERT_EQ(out.dtype(), BF16) << op.name;
    for (int64_t k = 0; k < out.numel(); ++k) {
      float e = rt::BF16::fromFloat(op.ref(float(at(x, k)), float(at(y, k)))).toFloat();
      EXPECT_NEAR(at(out, k), e, std::abs(e) * 0x1p-8 + 1e-30) << op.name << "[" << k << "]";
    }
  }
  rt::HostTensor m = forward({x, y}, [](T a) { return lt(a[1], a[0]); });
  for (int64_t k = 0; k < m.numel(); ++k) EXPECT_EQ(at(m, k), double(at(y, k) < at(x, k)));
}

// -- f64 finite differences --------------------------------------------------
struct GradCase {
  const char *name;
  std::vector<InputSpec> inputs;
  std::function<Tensor(T)> body;
  double tol = 1e-6; ///< atol = rtol
  double eps = 1e-6;
};

Tensor c64(float v) { return constant({v}, {}, F64); }

std::vector<GradCase> gradCases() {
  return {
      // Away from the kink at 0.
      {"abs", {{{3, 4}, F64, 0.1f, 2.0f}}, [](T a) { return abs(sub(a[0], c64(1.05f))); }},
      {"sqrt", {{{3, 4}, F64, 0.1f, 4.0f}}, [](T a) { return sqrt(a[0]); }},
      {"rsqrt", {{{3, 4}, F64, 0.2f, 4.0f}}, [](T a) { return rsqrt(a[0]); }},
      {"erf", {{{3, 4}, F64, -2.5f, 2.5f}}, [](T a) { return erf(a[0]); }},
      // Both sides of the threshold (beta x = 6 > 5 is linear).
      {"softplus", {{{3, 4}, F64, -6.0f, 6.0f}}, [](T a) { return softplus(a[0], 2.0, 5.0); }},
      {"leaky_relu", {{{3, 4}, F64, -2.0f, 2.0f}}, [](T a) { return leakyRelu(a[0], 0.2); }},
      {"gelu", {{{3, 4}, F64, -4.0f, 4.0f}}, [](T a) { return gelu(a[0]); }},
      {"gelu_tanh", {{{3, 4}, F64, -4.0f, 4.0f}},
       [](T a) { return gelu(a[0], GeluApproximate::Tanh); }},
      {"pow", {{{3, 4}, F64, 0.2f, 2.0f}, {{4}, F64, -2.0f, 2.0f}},
       [](T a) { return pow(a[0], a[1]); }},
      {"pow_scalar", {{{3, 4}, F64, 0.2f, 2.0f}}, [](T a) { return pow(a[0], 2.5); }},
      {"pow_scalar_3", {{{3, 4}, F64, -2.0f, 2.0f}}, [](T a) { return pow(a[0], 3.0); }},
      {"pow_scalar_neg1", {{{3, 4}, F64, 0.5f, 2.0f}}, [](T a) { return pow(a[0], -1.0); }},
      // Continuous random inputs never tie.
      {"maximum", {{{3, 4}, F64}, {{3, 1}, F64}}, [](T a) { return maximum(a[0], a[1]); }},
      {"minimum", {{{3, 4}, F64}, {{4}, F64}}, [](T a) { return minimum(a[0], a[1]); }},
      {"clamp", {{{3, 4}, F64, -2.0f, 2.0f}}, [](T a) { return clamp(a[0], -1.0, 1.0); }},
      // The condition comes from a third input (no gradient flows to it;
      // its finite difference is 0 unless a perturbation flips a sign).
      {"where", {{{3, 1}, F64}, {{4}, F64}, {{3, 4}, F64}},
       [](T a) { return where(gt(a[2], c64(0)), a[0], a[1]); }},
      // f64 → f32 → f64 times x: the loss sees f32 rounding (~1e-7
      // relative), so a large eps (central differences are exact on this
      // quadratic) and a looser tolerance.
      {"cast", {{{3, 4}, F64, -2.0f, 2.0f}},
       [](T a) { return mul(cast(cast(a[0], F32), F64), a[0]); }, 1e-4, 1e-2},
  };
}

class MathGradient : public ::testing::TestWithParam<GradCase> {};
TEST_P(MathGradient, MatchesFiniteDifferencesInF64) {
  const GradCase &c = GetParam();
  Compiled fn(c.inputs, c.body);
  auto inputs = fn.randomInputs(11);
  EXPECT_LE(gradientError(fn, inputs, c.eps, c.tol, c.tol), 1.0) << c.name;
}
INSTANTIATE_TEST_SUITE_P(Ops, MathGradient, ::testing::ValuesIn(gradCases()),
                         [](const auto &info) { return std::string(info.param.name); });

// -- DSL errors name the op and the user's line ---------------------------------
std::string here(int line) { return "MathOpsTest.cpp:" + std::to_string(line); }

TEST(MathErrors, DSLRejectsWrongDTypesAndShapes) {
  Graph g;
  g.beginFunction();
  Tensor x = g.input("x", {2, 3}), y = g.input("y", {4}), d = g.input("d", {2, 3}, F64);
  Tensor i = g.input("i", {2, 3}, I32), m = g.input("m", {2, 3}, I1);
  int line = __LINE__ + 1;
  expectError([&] { sqrt(i); }, {here(line), "sqrt", "float", "i32[2, 3]"});
  line = __LINE__ + 1;
  expectError([&] { pow(x, y); }, {here(line), "pow", "do not broadcast"});
  expectError([&] { maximum(x, d); }, {"maximum", "mixes element types"});
  expectError([&] { eq(x, i); }, {"eq", "mixes element types", "f32[2, 3]", "i32[2, 3]"});
  expectError([&] { lt(x, y); }, {"lt", "do not broadcast"});
  expectError([&] { logicalAnd(m, x); }, {"logical_and", "expects i1", "f32[2, 3]"});
  expectError([&] { logicalNot(i); }, {"logical_not", "expects i1"});
  expectError([&] { where(x, x, x); }, {"where", "condition must be i1"});
  expectError([&] { where(m, x, i); }, {"where", "mixes element types"});
  expectError([&] { where(m, x, y); }, {"where", "input and other", "do not broadcast"});
  expectError([&] { clamp(x, std::nullopt, std::nullopt); }, {"clamp", "at least one of min and max"});
  expectError([&] { cast(x, DType::I8); }, {"cast", "cannot cast to i8"});
  expectError([&] { softplus(x, 0.0); }, {"softplus", "beta must be nonzero"});
  // Comparisons, where and cast accept integers; their results are i1/ints.
  EXPECT_EQ(eq(i, i).typeString(), "i1[2, 3]");
  EXPECT_EQ(where(m, i, i).typeString(), "i32[2, 3]");
  EXPECT_EQ(cast(i, F64).typeString(), "f64[2, 3]");
}

} // namespace
} // namespace dlc::test
