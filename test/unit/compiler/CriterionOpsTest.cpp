//===- CriterionOpsTest.cpp - the Criterion family: PyTorch, naive loops, gradcheck --===//
#include "Harness.h"
#include "Oracle.h"

#include "frontend/ops/Criterion.h"
#include "ir/ops/CriterionOps.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace dlc::test {
namespace {

using T = const std::vector<Tensor> &;
constexpr rt::DType F64 = rt::DType::F64;
constexpr rt::DType I32 = rt::DType::I32;
constexpr rt::DType I64 = rt::DType::I64;

// -- against PyTorch (test/oracle/criterion.py) ------------------------------
// Tolerances: f32 cases compare with PyTorch's float64 result rounded once,
// so rtol 1e-5 covers a few f32 roundings through log_softmax and the
// reductions (atol 1e-6 for results near 0); the ±300 logits lose nothing
// more because nothing is exponentiated above 0. f64 cases: 1e-12.
std::vector<OracleCase> oracleCases() {
  auto c = [](const char *name, std::function<Tensor(T)> body, double rtol = 1e-5,
              double atol = 1e-6) { return OracleCase{"criterion", name, body, rtol, atol}; };
  auto ce = [](CrossEntropyOptions o) {
    return [o](T a) {
      CrossEntropyOptions with = o;
      if (a.size() > 2) with.weight = a[2];
      return crossEntropy(a[0], a[1], with);
    };
  };
  auto nll = [](NllLossOptions o) {
    return [o](T a) {
      NllLossOptions with = o;
      if (a.size() > 2) with.weight = a[2];
      return nllLoss(a[0], a[1], with);
    };
  };
  using R = Reduction;
  return {
      c("ce_mean", ce({})),
      c("ce_large_logits", ce({})),
      c("ce_ignore_index", ce({})),
      c("ce_ignore_index_2_sum", ce({.ignoreIndex = 2, .reduction = R::Sum})),
      c("ce_weight_mean", ce({})),
      c("ce_weight_none", ce({.reduction = R::None})),
      c("ce_smoothing_mean", ce({.labelSmoothing = 0.1})),
      c("ce_smoothing_weight_mean", ce({.labelSmoothing = 0.1})),
      c("ce_smoothing_weight_none", ce({.labelSmoothing = 0.1, .reduction = R::None})),
      c("ce_3d_none", ce({.reduction = R::None})),
      c("ce_3d_mean", ce({})),
      c("ce_3d_sum_smoothing_weight", ce({.labelSmoothing = 0.1, .reduction = R::Sum})),
      c("ce_unbatched", ce({})),
      c("ce_neg_inf_logits", ce({})),
      c("ce_f64", ce({}), 1e-12, 0),
      // d2l's MaskedSoftmaxCELoss: reduction none, times the mask, mean over time.
      c("ce_d2l_masked",
        [](T a) {
          return mean(mul(crossEntropy(a[0], a[1], {.reduction = R::None}), a[2]), {1});
        }),
      c("nll_mean", nll({})),
      c("nll_weight_ignore_mean", nll({})),
      c("nll_weight_sum", nll({.reduction = R::Sum})),
      c("nll_neg_inf", nll({.reduction = R::Sum})),
      c("nll_3d_none", nll({.ignoreIndex = 0, .reduction = R::None})),
      c("mse_mean", [](T a) { return mseLoss(a[0], a[1]); }),
      c("mse_sum", [](T a) { return mseLoss(a[0], a[1], R::Sum); }),
      c("mse_none", [](T a) { return mseLoss(a[0], a[1], R::None); }),
      c("mse_f64", [](T a) { return mseLoss(a[0], a[1]); }, 1e-12, 0),
      c("bce_mean", [](T a) { return binaryCrossEntropyWithLogits(a[0], a[1]); }),
      c("bce_pos_weight",
        [](T a) { return binaryCrossEntropyWithLogits(a[0], a[1], {.posWeight = a[2]}); }),
      c("bce_weight_none",
        [](T a) {
          return binaryCrossEntropyWithLogits(a[0], a[1], {.weight = a[2], .reduction = R::None});
        }),
      c("bce_large_pos_weight_weight_sum",
        [](T a) {
          return binaryCrossEntropyWithLogits(
              a[0], a[1], {.weight = a[2], .posWeight = a[3], .reduction = R::Sum});
        }),
      c("bce_f64",
        [](T a) { return binaryCrossEntropyWithLogits(a[0], a[1], {.posWeight = a[2]}); },
        1e-12, 0),
      c("masked_softmax_1d", [](T a) { return maskedSoftmax(a[0], a[1]); }),
      c("masked_softmax_2d", [](T a) { return maskedSoftmax(a[0], a[1]); }),
      c("masked_softmax_none", [](T a) { return maskedSoftmax(a[0]); }),
      c("masked_softmax_rank4_prefix2", [](T a) { return maskedSoftmax(a[0], a[1]); }),
      c("masked_softmax_rank2", [](T a) { return maskedSoftmax(a[0], a[1]); }),
      c("softmax_mid_axis", [](T a) { return softmax(a[0], 1); }),
      c("log_softmax_mid_axis", [](T a) { return logSoftmax(a[0], 1); }),
      c("softmax_neg_inf", [](T a) { return softmax(a[0], 1); }),
      c("log_softmax_neg_inf", [](T a) { return logSoftmax(a[0], 1); }),
  };
}

class CriterionOracle : public ::testing::TestWithParam<OracleCase> {};
TEST_P(CriterionOracle, MatchesPyTorch) { checkOracle(GetParam()); }
INSTANTIATE_TEST_SUITE_P(Ops, CriterionOracle, ::testing::ValuesIn(oracleCases()),
                         [](const auto &info) { return info.param.name; });

TEST(CriterionOracleFixtures, EveryFixtureHasACase) {
  std::vector<std::string> names;
  for (const OracleCase &c : oracleCases()) names.push_back(c.name);
  std::sort(names.begin(), names.end());
  EXPECT_EQ(oracleFixtures("criterion"), names);
}

// -- against naive C++ loops -------------------------------------------------

void expectNear(const rt::HostTensor &out, const std::vector<double> &expected, double tol) {
  ASSERT_EQ(out.numel(), int64_t(expected.size()));
  for (int64_t k = 0; k < out.numel(); ++k)
    EXPECT_NEAR(out.f32()[k], expected[k], tol * (1 + std::fabs(expected[k]))) << "at " << k;
}

// The building blocks the losses decompose into have no DSL function; these
// trace them directly.
Tensor targetWeights(const Tensor &target, int64_t classes, const Tensor &weight,
                     int64_t ignoreIndex, double labelSmoothing) {
  Graph &g = *target.graph();
  mlir::OpBuilder &b = g.builder();
  auto type = mlir::RankedTensorType::get({target.dim(0), classes, target.dim(1)},
                                          b.getF32Type());
  return Tensor(&g, dl::TargetWeightsOp::create(b, g.location({}), type, target.value(),
                                                weight.value(), b.getI64IntegerAttr(classes),
                                                b.getI64IntegerAttr(ignoreIndex),
                                                b.getF64FloatAttr(labelSmoothing)));
}
Tensor classWeightedSum(const Tensor &weights, const Tensor &input) {
  Graph &g = *input.graph();
  return Tensor(&g, dl::ClassWeightedSumOp::create(g.builder(), g.location({}), weights.value(),
                                                   input.value()));
}
Tensor sequenceFill(const Tensor &x, const Tensor &lens, double value) {
  Graph &g = *x.graph();
  return Tensor(&g, dl::SequenceFillOp::create(g.builder(), g.location({}), x.value(),
                                               lens.value(), g.builder().getF64FloatAttr(value)));
}

// targets (N, T) in [-1, C + 1): -1 is ignored, C is out of range (ignored too).
TEST(CriterionNaive, TargetWeights) {
  int64_t n = 3, c = 4, t = 5;
  std::vector<float> w{0.5f, 1.0f, 2.0f, 4.0f};
  // Compiled differentiates its float inputs: a scale s gives it one.
  Compiled fn({{{n, t}, I64, -1, float(c + 1)}, {{}, rt::DType::F32, 0.5, 2}}, [&](T a) {
    return mul(targetWeights(a[0], c, constant(w, {c}), -1, 0.2), a[1]);
  });
  auto in = fn.randomInputs(9);
  double scale = in[1].f32()[0];
  std::vector<double> expected;
  for (int64_t i = 0; i < n; ++i)
    for (int64_t k = 0; k < c; ++k)
      for (int64_t j = 0; j < t; ++j) {
        int64_t y = in[0].data<int64_t>()[i * t + j];
        bool valid = y >= 0 && y < c;
        expected.push_back(valid ? scale * w[k] * ((y == k ? 0.8 : 0.0) + 0.2 / c) : 0.0);
      }
  expectNear(fn.output(in), expected, 1e-6);
}

TEST(CriterionNaive, ClassWeightedSumSkipsZeroWeights) {
  Compiled fn({{{2, 3}, rt::DType::F32, -1, 1}}, [](T a) {
    Tensor logp = constant({-INFINITY, -1.0f, -2.0f, -0.5f, -INFINITY, -3.0f}, {2, 3});
    return classWeightedSum(mul(a[0], constant({0.0f, 1.0f, 1.0f, 1.0f, 0.0f, 1.0f}, {2, 3})),
                            logp);
  });
  auto in = fn.randomInputs(4);
  const float *w = in[0].f32();
  expectNear(fn.output(in), {-1.0 * w[1] - 2.0 * w[2], -0.5 * w[3] - 3.0 * w[5]}, 1e-6);
}

TEST(CriterionNaive, SequenceFill) {
  int64_t b = 2, q = 3, k = 4;
  Compiled fn({{{b, q, k}}, {{b}, I64, 0, float(k + 1)}},
              [](T a) { return sequenceFill(a[0], a[1], 7.5); });
  auto in = fn.randomInputs(8);
  std::vector<double> expected;
  for (int64_t i = 0; i < b * q * k; ++i)
    expected.push_back(i % k < in[1].data<int64_t>()[i / (q * k)] ? in[0].f32()[i] : 7.5);
  expectNear(fn.output(in), expected, 0);
}

/// PyTorch's cross_entropy written out for logits (N, C, D) (D = 1 for
/// (N, C)), targets (N, D): per-element losses, or their sum / weighted mean.
std::vector<double> naiveCrossEntropy(const float *x, const int64_t *t, int64_t n, int64_t c,
                                      int64_t d, const std::vector<double> &w, int64_t ignore,
                                      double ls, Reduction r) {
  std::vector<double> per(n * d, 0.0);
  double total = 0, denominator = 0;
  for (int64_t i = 0; i < n; ++i)
    for (int64_t j = 0; j < d; ++j) {
      int64_t y = t[i * d + j];
      if (y == ignore) continue;
      auto at = [&](int64_t k) { return double(x[(i * c + k) * d + j]); };
      double m = -INFINITY, s = 0;
      for (int64_t k = 0; k < c; ++k) m = std::max(m, at(k));
      for (int64_t k = 0; k < c; ++k) s += std::exp(at(k) - m);
      double lse = m + std::log(s), smooth = 0;
      for (int64_t k = 0; k < c; ++k) smooth += w[k] * (lse - at(k));
      per[i * d + j] = (1 - ls) * w[y] * (lse - at(y)) + ls / c * smooth;
      total += per[i * d + j];
      denominator += w[y];
    }
  if (r == Reduction::None) return per;
  return {r == Reduction::Sum ? total : total / denominator};
}

struct CeNaiveCase {
  const char *name;
  std::vector<int64_t> logits;
  bool weighted;
  double labelSmoothing;
  Reduction reduction;
};

class CriterionNaiveCrossEntropy : public ::testing::TestWithParam<CeNaiveCase> {};
TEST_P(CriterionNaiveCrossEntropy, MatchesLoop) {
  const CeNaiveCase &p = GetParam();
  int64_t n = p.logits[0], c = p.logits[1], d = p.logits.size() > 2 ? p.logits[2] : 1;
  std::vector<int64_t> labels{n};
  if (p.logits.size() > 2) labels.push_back(d);
  std::vector<double> w(c, 1.0);
  std::vector<float> wf(c, 1.0f);
  if (p.weighted)
    for (int64_t k = 0; k < c; ++k) w[k] = wf[k] = 0.5f + 0.25f * k;
  // Labels in [-1, C): -1 is the ignore_index, so some targets are ignored.
  Compiled fn({{p.logits, rt::DType::F32, -4, 4}, {labels, I64, -1, float(c)}},
              [&](T a) {
                CrossEntropyOptions o{.ignoreIndex = -1, .labelSmoothing = p.labelSmoothing,
                                      .reduction = p.reduction};
                if (p.weighted) o.weight = constant(wf, {c});
                return crossEntropy(a[0], a[1], o);
              });
  auto in = fn.randomInputs(5);
  expectNear(fn.output(in),
             naiveCrossEntropy(in[0].f32(), in[1].data<int64_t>(), n, c, d, w, -1,
                               p.labelSmoothing, p.reduction),
             1e-5);
}
INSTANTIATE_TEST_SUITE_P(
    Ops, CriterionNaiveCrossEntropy,
    ::testing::Values(CeNaiveCase{"mean", {16, 7}, false, 0.0, Reduction::Mean},
                      CeNaiveCase{"weighted_smoothed_sum", {16, 7}, true, 0.2, Reduction::Sum},
                      CeNaiveCase{"nct_none", {3, 6, 5}, true, 0.1, Reduction::None},
                      CeNaiveCase{"nct_mean", {3, 6, 5}, true, 0.0, Reduction::Mean}),
    [](const auto &info) { return std::string(info.param.name); });

TEST(CriterionNaive, NllLossPicksWeightedInputs) {
  int64_t n = 9, c = 4;
  std::vector<float> wf{0.5f, 1.0f, 2.0f, 3.0f};
  Compiled fn({{{n, c}, rt::DType::F32, -3, 0}, {{n}, I32, -1, float(c)}}, [&](T a) {
    return nllLoss(a[0], a[1], {.ignoreIndex = -1, .weight = constant(wf, {c}),
                                .reduction = Reduction::None});
  });
  auto in = fn.randomInputs(2);
  std::vector<double> expected(n, 0.0);
  for (int64_t i = 0; i < n; ++i) {
    int32_t y = in[1].i32()[i];
    if (y >= 0) expected[i] = -wf[y] * in[0].f32()[i * c + y];
  }
  expectNear(fn.output(in), expected, 1e-6);
}

TEST(CriterionNaive, MseLossSum) {
  Compiled fn({{{4, 5}}, {{4, 5}}}, [](T a) { return mseLoss(a[0], a[1], Reduction::Sum); });
  auto in = fn.randomInputs(3);
  double s = 0;
  for (int64_t k = 0; k < 20; ++k) s += std::pow(double(in[0].f32()[k]) - in[1].f32()[k], 2);
  expectNear(fn.output(in), {s}, 1e-6);
}

TEST(CriterionNaive, BinaryCrossEntropyWithLogitsWeights) {
  int64_t n = 6, c = 3;
  Compiled fn({{{n, c}, rt::DType::F32, -30, 30}, {{n, c}, rt::DType::F32, 0, 1},
               {{c}, rt::DType::F32, 0.5, 3}, {{n, 1}, rt::DType::F32, 0.5, 2}},
              [](T a) {
                return binaryCrossEntropyWithLogits(
                    a[0], a[1], {.weight = a[3], .posWeight = a[2], .reduction = Reduction::None});
              });
  auto in = fn.randomInputs(4);
  std::vector<double> expected;
  for (int64_t i = 0; i < n; ++i)
    for (int64_t j = 0; j < c; ++j) {
      double x = in[0].f32()[i * c + j], t = in[1].f32()[i * c + j], p = in[2].f32()[j],
             w = in[3].f32()[i];
      // -[p t log σ(x) + (1 - t) log(1 - σ(x))], in long double to be a fair reference.
      long double sig = 1.0L / (1.0L + std::exp(-(long double)x));
      expected.push_back(double(-w * (p * t * std::log(sig) + (1 - t) * std::log1p(-sig))));
    }
  expectNear(fn.output(in), expected, 1e-5);
}

// Far from the decision boundary the loss is log1p(exp(-|x|)), below f32's
// precision of 1: log(1 + e) would return 0, the lowering keeps it.
TEST(CriterionNaive, BinaryCrossEntropyWithLogitsKeepsTinyLosses) {
  for (bool posWeight : {false, true}) {
    Compiled fn({{{4}}, {{4}}}, [posWeight](T a) {
      BCEWithLogitsOptions o{.reduction = Reduction::None};
      if (posWeight) o.posWeight = constant({2.0f}, {1});
      return binaryCrossEntropyWithLogits(a[0], a[1], o);
    });
    std::vector<rt::HostTensor> in{rt::HostTensor({4}), rt::HostTensor({4})};
    float x[4] = {-30.0f, -17.0f, 25.0f, 0.0f}, t[4] = {0.0f, 0.0f, 1.0f, 1.0f};
    std::copy(x, x + 4, in[0].f32());
    std::copy(t, t + 4, in[1].f32());
    rt::HostTensor out = fn.output(in);
    for (int k = 0; k < 4; ++k) {
      double lw = posWeight ? 1.0 + t[k] : 1.0; // 1 + (p - 1) t with p = 2
      double expected = lw * std::log1p(std::exp(-std::fabs(double(x[k]))));
      EXPECT_NEAR(out.f32()[k], expected, 1e-6 * expected)
          << "x = " << x[k] << (posWeight ? " with pos_weight" : "");
    }
  }
}

TEST(CriterionNaive, MaskedSoftmaxPerRowLengths) {
  int64_t b = 2, q = 3, k = 4;
  Compiled fn({{{b, q, k}, rt::DType::F32, -2, 2}, {{b, q}, I32, 0, float(k + 1)}},
              [](T a) { return maskedSoftmax(a[0], a[1]); });
  auto in = fn.randomInputs(6);
  std::vector<double> expected;
  for (int64_t row = 0; row < b * q; ++row) {
    int32_t len = in[1].i32()[row];
    std::vector<double> v(k);
    double m = -INFINITY, s = 0;
    for (int64_t j = 0; j < k; ++j)
      m = std::max(m, v[j] = j < len ? in[0].f32()[row * k + j] : -1e6);
    for (double &e : v) s += (e = std::exp(e - m));
    for (double e : v) expected.push_back(e / s);
  }
  expectNear(fn.output(in), expected, 1e-6);
}

// -- f64 finite differences --------------------------------------------------
struct GradCase {
  const char *name;
  std::vector<InputSpec> inputs;
  std::function<Tensor(T)> body;
};

std::vector<GradCase> gradCases() {
  auto w5 = [] { return constant({0.5f, 1.5f, 1.0f, 2.0f, 0.75f}, {5}, F64); };
  using R = Reduction;
  return {
      {"ce_mean", {{{6, 5}, F64, -3, 3}, {{6}, I64, 0, 5}},
       [](T a) { return crossEntropy(a[0], a[1], CrossEntropyOptions{}); }},
      {"ce_weight_smoothing_ignore_mean", {{{8, 5}, F64, -3, 3}, {{8}, I64, -1, 5}},
       [w5](T a) {
         return crossEntropy(a[0], a[1],
                             {.ignoreIndex = -1, .weight = w5(), .labelSmoothing = 0.1});
       }},
      {"ce_nct_none", {{{2, 5, 3}, F64, -3, 3}, {{2, 3}, I32, 0, 5}},
       [](T a) { return crossEntropy(a[0], a[1], {.reduction = R::None}); }},
      {"ce_unbatched_sum", {{{5}, F64, -3, 3}, {{}, I64, 0, 5}},
       [](T a) { return crossEntropy(a[0], a[1], {.labelSmoothing = 0.3, .reduction = R::Sum}); }},
      {"nll_weight_mean", {{{6, 5}, F64, -3, 0}, {{6}, I64, -1, 5}},
       [w5](T a) { return nllLoss(a[0], a[1], {.ignoreIndex = -1, .weight = w5()}); }},
      {"mse_mean", {{{3, 4}, F64}, {{3, 4}, F64}}, [](T a) { return mseLoss(a[0], a[1]); }},
      {"mse_none", {{{3, 4}, F64}, {{3, 4}, F64}},
       [](T a) { return mseLoss(a[0], a[1], R::None); }},
      {"bce_mean", {{{4, 3}, F64, -4, 4}, {{4, 3}, F64, 0, 1}},
       [](T a) { return binaryCrossEntropyWithLogits(a[0], a[1]); }},
      {"bce_weights_none", {{{4, 3}, F64, -4, 4}, {{4, 3}, F64, 0, 1}},
       [](T a) {
         Tensor p = constant({0.5f, 2.0f, 3.0f}, {3}, F64);
         Tensor w = constant({1.0f, 0.5f, 2.0f, 1.5f}, {4, 1}, F64);
         return binaryCrossEntropyWithLogits(a[0], a[1],
                                             {.weight = w, .posWeight = p, .reduction = R::None});
       }},
      {"masked_softmax_1d", {{{2, 3, 4}, F64, -2, 2}, {{2}, I64, 0, 5}},
       [](T a) { return maskedSoftmax(a[0], a[1]); }},
      {"masked_softmax_2d", {{{2, 3, 4}, F64, -2, 2}, {{2, 3}, I32, 0, 5}},
       [](T a) { return maskedSoftmax(a[0], a[1]); }},
      {"masked_softmax_none", {{{2, 5}, F64, -2, 2}}, [](T a) { return maskedSoftmax(a[0]); }},
      {"class_weighted_sum", {{{2, 4, 3}, F64}, {{2, 4, 3}, F64}},
       [](T a) { return classWeightedSum(a[0], a[1]); }},
      {"sequence_fill", {{{2, 3, 4}, F64}, {{2, 3}, I32, 0, 5}},
       [](T a) { return sequenceFill(a[0], a[1], -2.0); }},
  };
}

class CriterionGradient : public ::testing::TestWithParam<GradCase> {};
TEST_P(CriterionGradient, MatchesFiniteDifferencesInF64) {
  const GradCase &c = GetParam();
  Compiled fn(c.inputs, c.body);
  auto inputs = fn.randomInputs(11);
  EXPECT_LE(gradientError(fn, inputs, 1e-6, 1e-7, 1e-6), 1.0) << c.name;
}
INSTANTIATE_TEST_SUITE_P(Ops, CriterionGradient, ::testing::ValuesIn(gradCases()),
                         [](const auto &info) { return std::string(info.param.name); });

// -- the DSL names the op and the caller's line ------------------------------
std::string here(int line) { return "CriterionOpsTest.cpp:" + std::to_string(line); }

TEST(CriterionErrors, DslRejectsBadOperands) {
  Graph g;
  g.beginFunction();
  Tensor x = g.input("x", {4, 5, 3}), y = g.input("y", {4, 3}, I64);
  Tensor yf = g.input("yf", {4, 3}), bad = g.input("bad", {4, 5}, I64);
  int line = __LINE__ + 1;
  expectError([&] { crossEntropy(x, bad, CrossEntropyOptions{}); },
              {here(line), "cross_entropy", "[4, 5]", "[4, 3]", "class dimension 1"});
  expectError([&] { crossEntropy(x, yf, CrossEntropyOptions{}); },
              {"cross_entropy", "i32 or i64"});
  expectError([&] { crossEntropy(x, y, {.weight = g.input("w", {4})}); },
              {"cross_entropy", "weight", "[5]", "[4]"});
  expectError([&] { crossEntropy(x, y, {.labelSmoothing = 1.5}); },
              {"cross_entropy", "label_smoothing"});
  expectError([&] { nllLoss(x, bad); }, {"nll_loss", "[4, 3]"});
  expectError([&] { mseLoss(x, g.input("m", {4, 5, 1})); }, {"mse_loss", "[4, 5, 1]", "[4, 5, 3]"});
  expectError([&] { binaryCrossEntropyWithLogits(yf, yf, {.posWeight = g.input("p", {4})}); },
              {"binary_cross_entropy_with_logits", "pos_weight", "[4]"});
  line = __LINE__ + 1;
  expectError([&] { maskedSoftmax(x, g.input("l", {5}, I32)); },
              {here(line), "masked_softmax", "valid_lens", "[5]"});
  expectError([&] { maskedSoftmax(x, g.input("lf", {4})); }, {"masked_softmax", "i32 or i64"});
}

} // namespace
} // namespace dlc::test
