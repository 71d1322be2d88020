//===- DataMovementOpsTest.cpp - the DataMovement family: PyTorch, naive loops, gradcheck --===//
#include "Harness.h"
#include "Oracle.h"

#include "frontend/ops/DataMovement.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace dlc::test {
namespace {

using T = const std::vector<Tensor> &;
constexpr rt::DType F64 = rt::DType::F64;

// -- against PyTorch (test/oracle/movement.py) -------------------------------
// Tolerance: these ops copy values, so outputs and gradients must be exact
// (0, 0): each gradient element is one element of w, or 0. Cases that fuse
// exp allow dlc's exp 1e-6 relative; cat_same_input_twice adds two
// cotangents, which PyTorch rounds once from f64 and dlc once in f32.
std::vector<OracleCase> oracleCases() {
  auto c = [](const char *name, std::function<Tensor(T)> body, double rtol = 0,
              double atol = 0) { return OracleCase{"movement", name, body, rtol, atol}; };
  auto reversed = [](std::vector<Tensor> pieces) {
    std::reverse(pieces.begin(), pieces.end());
    return pieces;
  };
  return {
      c("permute_4d", [](T a) { return permute(a[0], {2, 0, 3, 1}); }),
      c("permute_negative_dims", [](T a) { return permute(a[0], {-1, 0, -2}); }),
      c("transpose", [](T a) { return transpose(a[0], -1, 0); }),
      c("permute_f64", [](T a) { return permute(a[0], {1, 0}); }),
      c("permute_i64", [](T a) { return permute(a[0], {1, 0}); }),
      c("permute_of_exp", [](T a) { return permute(exp(a[0]), {1, 2, 0}); }, 1e-6, 1e-7),

      c("cat_three_sizes", [](T a) { return cat({a[0], a[1], a[2]}, 1); }),
      c("cat_dim0", [](T a) { return cat({a[0], a[1]}, 0); }),
      c("cat_negative_dim", [](T a) { return cat({a[0], a[1]}, -1); }),
      c("cat_with_empty",
        [](T a) { return cat({slice(a[0], 1, {}, 0), a[1], slice(a[0], 1, 2, 2)}, 1); }),
      c("cat_same_input_twice", [](T a) { return cat({a[0], a[0]}, 0); }, 1e-7, 0),
      c("cat_i32", [](T a) { return cat({a[0], a[1]}, 0); }),

      c("slice_step2_negative_start", [](T a) { return slice(a[0], 1, -7, std::nullopt, 2); }),
      c("slice_clamped_stop", [](T a) { return slice(a[0], 0, 1, 100); }),
      c("slice_negative_stop", [](T a) { return slice(a[0], 2, -3, -1); }),
      c("slice_step3", [](T a) { return slice(a[0], 0, 1, 8, 3); }),
      c("slice_step_past_end", [](T a) { return slice(a[0], 0, 2, std::nullopt, 10); }),
      c("slice_empty", [](T a) { return cat({slice(a[0], 1, 3, 1), slice(a[0], 1, {}, 1)}, 1); }),
      c("slice_of_exp",
        [](T a) { return slice(slice(exp(a[0]), 0, std::nullopt, std::nullopt, 2), 1, 1, {}); },
        1e-6, 1e-7),
      c("slice_f64",
        [](T a) { return slice(slice(a[0], 0, -2, std::nullopt), 1, {}, {}, 2); }),
      c("slice_i64", [](T a) { return slice(a[0], 0, {}, {}, 2); }),

      c("split_size", [=](T a) { return cat(reversed(split(a[0], 2, 1)), 1); }),
      c("split_sizes", [=](T a) { return cat(reversed(split(a[0], {1, 3, 0, 2}, 0)), 0); }),

      c("squeeze_unsqueeze", [](T a) { return unsqueeze(squeeze(a[0], 1), -1); }),
      c("squeeze_all", [](T a) { return squeeze(a[0]); }),
      c("squeeze_not_one", [](T a) { return squeeze(a[0], 0); }),

      c("pad_two_dims", [](T a) { return pad(a[0], {1, 2, 0, 3}, -1.5); }),
      c("pad_4d", [](T a) { return pad(a[0], {1, 1, 2, 0}); }),
      c("pad_neg_inf", [](T a) { return pad(a[0], {2, 1}, -INFINITY); }),
      c("pad_leading_dims", [](T a) { return pad(a[0], {0, 0, 0, 0, 1, 1}); }),
      c("pad_f64", [](T a) { return pad(a[0], {1, 0}, 0.25); }),
      c("pad_i64", [](T a) { return pad(a[0], {1, 1}, 7); }),
      c("pad_empty_input", [](T a) { return pad(slice(a[0], 1, {}, 0), {1, 1}, 3.0); }),

      c("flip_two_dims", [](T a) { return flip(a[0], {0, 2}); }),
      c("flip_negative_unsorted", [](T a) { return flip(a[0], {-1, 0}); }),
      c("flip_of_exp", [](T a) { return flip(exp(a[0]), {1}); }, 1e-6, 1e-7),
      c("flip_bool", [](T a) { return flip(a[0], {0}); }),
      c("nonfinite_through_each_op",
        [](T a) {
          return pad(cat({flip(a[0], {1}), slice(permute(a[0], {1, 0}), 0, {}, 2)}, 1), {1, 0});
        }),
  };
}

class DataMovementOracle : public ::testing::TestWithParam<OracleCase> {};
TEST_P(DataMovementOracle, MatchesPyTorch) { checkOracle(GetParam()); }
INSTANTIATE_TEST_SUITE_P(Ops, DataMovementOracle, ::testing::ValuesIn(oracleCases()),
                         [](const auto &info) { return info.param.name; });

TEST(DataMovementOracleFixtures, EveryFixtureHasACase) {
  std::vector<std::string> names;
  for (const OracleCase &c : oracleCases()) names.push_back(c.name);
  std::sort(names.begin(), names.end());
  EXPECT_EQ(oracleFixtures("movement"), names);
}

// -- against a naive C++ loop ------------------------------------------------

/// Row-major multi-index of flat index k in `shape`.
std::vector<int64_t> unflatten(int64_t k, const std::vector<int64_t> &shape) {
  std::vector<int64_t> i(shape.size());
  for (int64_t d = int64_t(shape.size()) - 1; d >= 0; --d) {
    i[d] = k % shape[d];
    k /= shape[d];
  }
  return i;
}

int64_t flatten(const std::vector<int64_t> &i, const std::vector<int64_t> &shape) {
  int64_t k = 0;
  for (size_t d = 0; d < shape.size(); ++d) k = k * shape[d] + i[d];
  return k;
}

TEST(DataMovementNaive, Permute4d) {
  std::vector<int64_t> in = {2, 3, 4, 5}, dims = {3, 1, 0, 2}, out = {5, 3, 2, 4};
  Compiled fn({{in}}, [&](T a) { return permute(a[0], dims); });
  auto x = fn.randomInputs(3);
  rt::HostTensor y = fn.output(x);
  ASSERT_EQ(y.shape(), out);
  for (int64_t k = 0; k < y.numel(); ++k) {
    std::vector<int64_t> o = unflatten(k, out), i(4);
    for (int d = 0; d < 4; ++d) i[dims[d]] = o[d];
    EXPECT_EQ(y.f32()[k], x[0].f32()[flatten(i, in)]) << k;
  }
}

TEST(DataMovementNaive, CatThreeAlongMiddleDim) {
  std::vector<std::vector<int64_t>> in = {{2, 1, 3}, {2, 4, 3}, {2, 2, 3}};
  Compiled fn({{in[0]}, {in[1]}, {in[2]}}, [](T a) { return cat({a[0], a[1], a[2]}, 1); });
  auto x = fn.randomInputs(4);
  rt::HostTensor y = fn.output(x);
  std::vector<int64_t> out = {2, 7, 3};
  ASSERT_EQ(y.shape(), out);
  for (int64_t k = 0; k < y.numel(); ++k) {
    std::vector<int64_t> i = unflatten(k, out);
    int part = 0;
    while (i[1] >= in[part][1]) i[1] -= in[part++][1];
    EXPECT_EQ(y.f32()[k], x[part].f32()[flatten(i, in[part])]) << k;
  }
}

TEST(DataMovementNaive, SliceStep2NegativeStart) {
  // x[:, -8::2] of 3x11: columns 3, 5, 7, 9.
  Compiled fn({{{3, 11}}}, [](T a) { return slice(a[0], 1, -8, std::nullopt, 2); });
  auto x = fn.randomInputs(5);
  rt::HostTensor y = fn.output(x);
  ASSERT_EQ(y.shape(), (std::vector<int64_t>{3, 4}));
  for (int64_t r = 0; r < 3; ++r)
    for (int64_t c = 0; c < 4; ++c) EXPECT_EQ(y.f32()[r * 4 + c], x[0].f32()[r * 11 + 3 + 2 * c]);
}

TEST(DataMovementNaive, PadTwoDims) {
  Compiled fn({{{2, 3}}}, [](T a) { return pad(a[0], {1, 2, 3, 0}, 0.5); });
  auto x = fn.randomInputs(6);
  rt::HostTensor y = fn.output(x);
  ASSERT_EQ(y.shape(), (std::vector<int64_t>{5, 6}));
  for (int64_t r = 0; r < 5; ++r)
    for (int64_t c = 0; c < 6; ++c) {
      int64_t i = r - 3, j = c - 1;
      float want = i >= 0 && i < 2 && j >= 0 && j < 3 ? x[0].f32()[i * 3 + j] : 0.5f;
      EXPECT_EQ(y.f32()[r * 6 + c], want) << r << "," << c;
    }
}

TEST(DataMovementNaive, FlipTwoOfThreeDims) {
  std::vector<int64_t> shape = {3, 4, 5};
  Compiled fn({{shape}}, [](T a) { return flip(a[0], {2, 0}); });
  auto x = fn.randomInputs(7);
  rt::HostTensor y = fn.output(x);
  for (int64_t k = 0; k < y.numel(); ++k) {
    std::vector<int64_t> i = unflatten(k, shape);
    i[0] = 2 - i[0];
    i[2] = 4 - i[2];
    EXPECT_EQ(y.f32()[k], x[0].f32()[flatten(i, shape)]) << k;
  }
}

TEST(DataMovementNaive, LargeSliceAndCatRunInParallelLoops) {
  // Big enough for the OpenMP loops to split the work: every element lands.
  Compiled fn({{{64, 300}}, {{64, 5}}},
              [](T a) { return cat({slice(a[0], 1, 1, std::nullopt, 3), a[1]}, 1); });
  auto x = fn.randomInputs(8);
  rt::HostTensor y = fn.output(x);
  ASSERT_EQ(y.shape(), (std::vector<int64_t>{64, 105}));
  for (int64_t r = 0; r < 64; ++r)
    for (int64_t c = 0; c < 105; ++c)
      EXPECT_EQ(y.f32()[r * 105 + c],
                c < 100 ? x[0].f32()[r * 300 + 1 + 3 * c] : x[1].f32()[r * 5 + c - 100]);
}

// -- f64 finite differences --------------------------------------------------
struct GradCase {
  const char *name;
  std::vector<InputSpec> inputs;
  std::function<Tensor(T)> body;
};

std::vector<GradCase> gradCases() {
  return {
      {"permute", {{{2, 3, 4}, F64}}, [](T a) { return permute(a[0], {1, 2, 0}); }},
      {"transpose", {{{3, 4}, F64}}, [](T a) { return transpose(a[0], 0, 1); }},
      {"cat", {{{2, 1}, F64}, {{2, 3}, F64}, {{2, 2}, F64}},
       [](T a) { return cat({a[0], a[1], a[2]}, 1); }},
      {"slice_step2", {{{3, 9}, F64}}, [](T a) { return slice(a[0], 1, -7, std::nullopt, 2); }},
      {"slice_two_dims_steps", {{{7, 8}, F64}},
       [](T a) { return slice(slice(a[0], 0, 1, 6, 2), 1, 2, std::nullopt, 3); }},
      {"pad", {{{2, 3}, F64}}, [](T a) { return pad(a[0], {1, 2, 0, 3}, -1.5); }},
      {"flip", {{{2, 3, 4}, F64}}, [](T a) { return flip(a[0], {0, 2}); }},
      {"split_squeeze", {{{2, 1, 5}, F64}},
       [](T a) {
         std::vector<Tensor> p = split(squeeze(a[0], 1), {2, 3}, 1);
         return unsqueeze(mul(slice(p[1], 1, 0, 2), p[0]), 0);
       }},
      // Non-linear: x[1:] * x[:-1] (both slices' cotangents add up in x).
      {"slice_product", {{{6, 2}, F64}},
       [](T a) { return mul(slice(a[0], 0, 1, {}), slice(a[0], 0, {}, -1)); }},
  };
}

class DataMovementGradient : public ::testing::TestWithParam<GradCase> {};
TEST_P(DataMovementGradient, MatchesFiniteDifferencesInF64) {
  const GradCase &c = GetParam();
  Compiled fn(c.inputs, c.body);
  auto inputs = fn.randomInputs(11);
  EXPECT_LE(gradientError(fn, inputs, 1e-6, 1e-6, 1e-6), 1.0) << c.name;
}
INSTANTIATE_TEST_SUITE_P(Ops, DataMovementGradient, ::testing::ValuesIn(gradCases()),
                         [](const auto &info) { return std::string(info.param.name); });

// -- the DSL's errors name the op and the user's line ------------------------
std::string here(int line) { return "DataMovementOpsTest.cpp:" + std::to_string(line); }

TEST(DataMovementErrors, NameTheOpAndLine) {
  Graph g;
  g.beginFunction();
  Tensor x = g.input("x", {2, 3}), y = g.input("y", {3, 3});
  Tensor d = g.input("d", {2, 3}, F64), i = g.input("i", {2}, rt::DType::I32);
  int line = __LINE__ + 1;
  expectError([&] { permute(x, {0, 0}); }, {here(line), "permute", "more than once"});
  line = __LINE__ + 1;
  expectError([&] { transpose(x, 0, 2); }, {here(line), "transpose", "out of range"});
  line = __LINE__ + 1;
  expectError([&] { cat({x, y}, 1); }, {here(line), "cat", "dim 0", "only dim 1 may differ"});
  line = __LINE__ + 1;
  expectError([&] { cat({x, d}, 0); }, {here(line), "cat", "mixes element types"});
  line = __LINE__ + 1;
  expectError([&] { cat({}, 0); }, {here(line), "cat", "at least one"});
  line = __LINE__ + 1;
  expectError([&] { slice(x, 1, 0, 2, 0); }, {here(line), "slice", "step must be positive"});
  line = __LINE__ + 1;
  expectError([&] { slice(x, -3, 0, 2); }, {here(line), "slice", "out of range"});
  line = __LINE__ + 1;
  expectError([&] { split(x, {1, 1}, 1); }, {here(line), "split", "must add up to 3"});
  line = __LINE__ + 1;
  expectError([&] { split(x, 0, 1); }, {here(line), "split", "must be positive"});
  line = __LINE__ + 1;
  expectError([&] { unsqueeze(x, 4); }, {here(line), "unsqueeze", "out of range"});
  line = __LINE__ + 1;
  expectError([&] { squeeze(i); }, {here(line), "squeeze", "float"});
  line = __LINE__ + 1;
  expectError([&] { pad(x, {1, -1}); }, {here(line), "pad", "negative", "use slice"});
  line = __LINE__ + 1;
  expectError([&] { pad(x, {1, 1, 1, 1, 1, 1}); }, {here(line), "pad", "3 (left, right) pairs"});
  line = __LINE__ + 1;
  expectError([&] { pad(i, {1, 1}, 0.5); }, {here(line), "pad", "not a value", "i32"});
  line = __LINE__ + 1;
  expectError([&] { flip(x, {1, -1}); }, {here(line), "flip", "more than once"});
}

TEST(DataMovementDsl, SqueezeKeepsANonUnitDimAndTransposeIsAPermute) {
  Graph g;
  g.beginFunction();
  Tensor x = g.input("x", {2, 1, 3});
  EXPECT_EQ(squeeze(x, 0).shape(), (std::vector<int64_t>{2, 1, 3}));
  EXPECT_EQ(squeeze(x, -2).shape(), (std::vector<int64_t>{2, 3}));
  EXPECT_EQ(unsqueeze(x, -1).shape(), (std::vector<int64_t>{2, 1, 3, 1}));
  EXPECT_EQ(transpose(x, 0, -1).shape(), (std::vector<int64_t>{3, 1, 2}));
  std::vector<Tensor> pieces = split(x, 2, 2);
  ASSERT_EQ(pieces.size(), 2u);
  EXPECT_EQ(pieces[1].shape(), (std::vector<int64_t>{2, 1, 1}));
}

} // namespace
} // namespace dlc::test
