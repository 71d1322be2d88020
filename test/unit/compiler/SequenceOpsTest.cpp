//===- SequenceOpsTest.cpp - the Sequence family: PyTorch, naive loops, gradcheck, bounds ===//
#include "Harness.h"
#include "Oracle.h"

#include "frontend/ops/Sequence.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace dlc::test {
namespace {

using T = const std::vector<Tensor> &;
constexpr rt::DType F32 = rt::DType::F32, F64 = rt::DType::F64, I32 = rt::DType::I32,
                    I64 = rt::DType::I64;

// -- against PyTorch (test/oracle/sequence.py) -------------------------------
// Tolerances: gathers, masks and integer results are copies, compared exactly
// (rtol 0); sums of repeated cotangents (embedding, index_select and
// repeat_interleave gradients, index_add) round differently from PyTorch's
// float64 reference: rtol 1e-6 in f32, 1e-14 in f64; arange in f32 is
// start + i*step in f64 rounded once, as the float64 reference: exact.
std::vector<OracleCase> oracleCases() {
  auto c = [](const char *name, std::function<Tensor(T)> body, double rtol = 1e-6,
              double atol = 1e-7) { return OracleCase{"sequence", name, body, rtol, atol}; };
  auto exact = [](const char *name, std::function<Tensor(T)> body) {
    return OracleCase{"sequence", name, body, 0, 0};
  };
  auto f64 = [](const char *name, std::function<Tensor(T)> body) {
    return OracleCase{"sequence", name, body, 1e-14, 0};
  };
  return {
      c("embedding", [](T a) { return embedding(a[0], a[1]); }),
      c("embedding_repeated_ids", [](T a) { return embedding(a[0], a[1]); }),
      c("embedding_padding_idx", [](T a) { return embedding(a[0], a[1], {.paddingIdx = 0}); }),
      c("embedding_negative_padding_idx",
        [](T a) { return embedding(a[0], a[1], {.paddingIdx = -1}); }),
      f64("embedding_f64", [](T a) { return embedding(a[0], a[1]); }),
      c("embedding_large_values", [](T a) { return embedding(a[0], a[1]); }),
      c("index_select_dim0", [](T a) { return indexSelect(a[0], 0, a[1]); }),
      c("index_select_dim1_i32", [](T a) { return indexSelect(a[0], 1, a[1]); }),
      f64("index_select_last_dim_f64", [](T a) { return indexSelect(a[0], -1, a[1]); }),
      exact("index_select_integer_input", [](T a) { return indexSelect(a[0], 0, a[1]); }),
      c("index_add_dim0", [](T a) { return indexAdd(a[0], 0, a[1], a[2]); }),
      c("index_add_dim1_i32", [](T a) { return indexAdd(a[0], 1, a[1], a[2]); }),
      c("repeat_interleave_dim0", [](T a) { return repeatInterleave(a[0], 3, 0); }),
      c("repeat_interleave_dim1", [](T a) { return repeatInterleave(a[0], 2, 1); }),
      c("repeat_interleave_once", [](T a) { return repeatInterleave(a[0], 1, 1); }),
      exact("repeat_interleave_valid_lens", [](T a) { return repeatInterleave(a[0], 3, 0); }),
      exact("arange_f32", [](T) { return arange(0.0, 1.0, 0.1, F32); }),
      exact("arange_negative_step_f64", [](T) { return arange(2.0, -1.0, -0.25, F64); }),
      exact("arange_i64", [](T) { return arange(-3, 10, 3, I64); }),
      exact("arange_i32", [](T) { return arange(0, 5, 1, I32); }),
      exact("sequence_mask_i32", [](T a) { return sequenceMask(a[0], 5); }),
      exact("sequence_mask_i64", [](T a) { return sequenceMask(a[0], 3); }),
      c("sequence_mask_fill", [](T a) { return sequenceMask(a[0], a[1], -1e6); }),
      f64("sequence_mask_fill_zero_f64", [](T a) { return sequenceMask(a[0], a[1], 0.0); }),
      c("sequence_mask_fill_neg_inf",
        [](T a) { return sequenceMask(a[0], a[1], -std::numeric_limits<double>::infinity()); }),
  };
}

class SequenceOracle : public ::testing::TestWithParam<OracleCase> {};
TEST_P(SequenceOracle, MatchesPyTorch) { checkOracle(GetParam()); }
INSTANTIATE_TEST_SUITE_P(Ops, SequenceOracle, ::testing::ValuesIn(oracleCases()),
                         [](const auto &info) { return info.param.name; });

TEST(SequenceOracleFixtures, EveryFixtureHasACase) {
  std::vector<std::string> names;
  for (const OracleCase &c : oracleCases()) names.push_back(c.name);
  std::sort(names.begin(), names.end());
  EXPECT_EQ(oracleFixtures("sequence"), names);
}

// -- a traced function run directly (any output type) ------------------------
struct Input {
  std::vector<int64_t> shape;
  rt::DType dtype;
  bool param = false;
};

/// @loss(inputs...) -> out, compiled without training; or, with `cotangent`
/// (an extra input G of out's shape), @loss(inputs..., G) -> (sum(out * G),
/// out) and its @loss_grad (one gradient per param).
class Traced {
public:
  Traced(std::vector<Input> specs, std::function<Tensor(T)> body, bool cotangent = false)
      : training_(cotangent) {
    graph_.beginFunction();
    std::vector<Tensor> in;
    for (size_t i = 0; i < specs.size(); ++i)
      in.push_back(graph_.input("in" + std::to_string(i), specs[i].shape, specs[i].dtype, {},
                                specs[i].param ? Binding::Param : Binding::Input));
    Tensor out = body(in);
    if (cotangent) {
      Tensor g = graph_.input("g", out.shape(), out.dtype());
      std::vector<int64_t> axes;
      for (int64_t a = 0; a < out.rank(); ++a) axes.push_back(a);
      graph_.finishFunction("loss", {sum(mul(out, g), axes), out});
    } else {
      graph_.finishFunction("loss", {out}, {Graph::ResultKind::Output});
    }
    PipelineOptions po;
    po.training = cotangent;
    auto module = graph_.takeModule();
    jit_ = cpu::JitModule::compile(*module, po);
  }

  /// Results of @loss (or @loss_grad with training): [loss, out, grads...] or [out].
  std::vector<rt::HostTensor> run(const std::vector<const rt::HostTensor *> &args) {
    std::string fn = training_ ? "loss_grad" : "loss";
    auto results = jit_->allocateResults(fn);
    std::vector<rt::HostTensor *> outs;
    for (auto &r : results) outs.push_back(&r);
    jit_->call(fn, args, outs);
    return results;
  }

private:
  bool training_;
  Graph graph_;
  std::unique_ptr<cpu::JitModule> jit_;
};

rt::HostTensor ids64(std::vector<int64_t> shape, std::vector<int64_t> values) {
  rt::HostTensor t(std::move(shape), I64);
  std::copy(values.begin(), values.end(), t.data<int64_t>());
  return t;
}

rt::HostTensor randomF32(std::vector<int64_t> shape, unsigned seed) {
  rt::HostTensor t(std::move(shape), F32);
  std::mt19937 rng(seed);
  std::uniform_real_distribution<float> u(-2, 2);
  for (int64_t k = 0; k < t.numel(); ++k) t.f32()[k] = u(rng);
  return t;
}

// -- against naive C++ loops ---------------------------------------------------
TEST(SequenceNaive, EmbeddingForwardAndRepeatedIdGradient) {
  const int64_t v = 5, d = 3;
  Traced fn({{{2, 4}, I64}, {{v, d}, F32, true}},
            [](T a) { return embedding(a[0], a[1], {.paddingIdx = 4}); }, /*cotangent=*/true);
  rt::HostTensor ids = ids64({2, 4}, {1, 1, 3, 0, 4, 1, 3, 1});
  rt::HostTensor w = randomF32({v, d}, 1), g = randomF32({2, 4, d}, 2);
  auto r = fn.run({&ids, &w, &g});
  const rt::HostTensor &out = r.at(1), &dw = r.at(2);
  std::vector<float> want(v * d, 0.0f);
  for (int64_t n = 0; n < 8; ++n) {
    int64_t id = ids.data<int64_t>()[n];
    for (int64_t c = 0; c < d; ++c) {
      EXPECT_EQ(out.f32()[n * d + c], w.f32()[id * d + c]) << n << "," << c;
      if (id != 4) want[id * d + c] += g.f32()[n * d + c]; // padding_idx 4: no gradient
    }
  }
  for (int64_t k = 0; k < v * d; ++k) EXPECT_FLOAT_EQ(dw.f32()[k], want[k]) << k;
  for (int64_t c = 0; c < d; ++c) EXPECT_EQ(dw.f32()[4 * d + c], 0.0f); // the padding row
  for (int64_t c = 0; c < d; ++c) EXPECT_EQ(dw.f32()[2 * d + c], 0.0f); // a row never used
}

TEST(SequenceNaive, IndexSelectAndIndexAdd) {
  Traced sel({{{3, 4}, F32}, {{5}, I64}}, [](T a) { return indexSelect(a[0], 1, a[1]); });
  Traced add({{{3, 4}, F32}, {{5}, I64}, {{3, 5}, F32}},
             [](T a) { return indexAdd(a[0], 1, a[1], a[2]); });
  rt::HostTensor x = randomF32({3, 4}, 3), s = randomF32({3, 5}, 4);
  rt::HostTensor idx = ids64({5}, {2, 0, 2, 3, 2});
  std::vector<float> want(x.f32(), x.f32() + 12);
  rt::HostTensor picked = sel.run({&x, &idx}).at(0), summed = add.run({&x, &idx, &s}).at(0);
  // index_add returns a new tensor: its input argument is left as it was.
  for (int64_t k = 0; k < 12; ++k) EXPECT_EQ(x.f32()[k], want[k]) << k;
  for (int64_t i = 0; i < 3; ++i)
    for (int64_t k = 0; k < 5; ++k) {
      int64_t j = idx.data<int64_t>()[k];
      EXPECT_EQ(picked.f32()[i * 5 + k], x.f32()[i * 4 + j]);
      want[i * 4 + j] += s.f32()[i * 5 + k];
    }
  for (int64_t k = 0; k < 12; ++k) EXPECT_FLOAT_EQ(summed.f32()[k], want[k]) << k;
}

TEST(SequenceNaive, RepeatInterleaveOfIntegers) {
  Traced fn({{{2, 3}, I32}}, [](T a) { return repeatInterleave(a[0], 2, 1); });
  rt::HostTensor x({2, 3}, I32);
  for (int k = 0; k < 6; ++k) x.i32()[k] = 10 * k - 7;
  rt::HostTensor y = fn.run({&x}).at(0);
  ASSERT_EQ(y.shape(), (std::vector<int64_t>{2, 6}));
  for (int64_t i = 0; i < 2; ++i)
    for (int64_t j = 0; j < 6; ++j) EXPECT_EQ(y.i32()[i * 6 + j], x.i32()[i * 3 + j / 2]);
}

TEST(SequenceNaive, ArangeAndSequenceMask) {
  Traced ar({}, [](T) { return arange(1.5, -2.0, -0.3, F32); });
  rt::HostTensor a = ar.run({}).at(0);
  ASSERT_EQ(a.numel(), 12); // ceil(3.5 / 0.3)
  for (int64_t i = 0; i < 12; ++i) EXPECT_EQ(a.f32()[i], static_cast<float>(1.5 + i * -0.3));

  Traced mask({{{4}, I32}}, [](T a) { return sequenceMask(a[0], 6); });
  rt::HostTensor len({4}, I32);
  int32_t lens[] = {-1, 0, 3, 9};
  std::copy(lens, lens + 4, len.i32());
  rt::HostTensor m = mask.run({&len}).at(0);
  ASSERT_EQ(m.typeString(), "i1[4, 6]");
  for (int64_t b = 0; b < 4; ++b)
    for (int64_t t = 0; t < 6; ++t) EXPECT_EQ(m.data<bool>()[b * 6 + t], t < lens[b]);
}

// -- ids out of range: a run-time error naming the op, the id and the range ---
std::string runtimeError(Traced &fn, const std::vector<const rt::HostTensor *> &args) {
  try {
    fn.run(args);
  } catch (const std::exception &e) {
    return e.what();
  }
  return "no error";
}

TEST(SequenceBounds, EmbeddingIdOutOfRangeIsARuntimeError) {
  Traced fn({{{4}, I64}, {{5, 2}, F32}}, [](T a) { return embedding(a[0], a[1]); });
  rt::HostTensor w = randomF32({5, 2}, 5);
  rt::HostTensor tooLarge = ids64({4}, {0, 7, 1, 9}), negative = ids64({4}, {0, 1, -1, 2});
  EXPECT_NE(runtimeError(fn, {&tooLarge, &w}).find("dl.embedding: index 7 is out of range [0, 5)"),
            std::string::npos)
      << runtimeError(fn, {&tooLarge, &w});
  EXPECT_NE(runtimeError(fn, {&negative, &w}).find("dl.embedding: index -1 is out of range [0, 5)"),
            std::string::npos);
  // The error does not stick: good ids run normally afterwards.
  rt::HostTensor good = ids64({4}, {4, 0, 4, 1});
  rt::HostTensor out = fn.run({&good, &w}).at(0);
  EXPECT_EQ(out.f32()[0], w.f32()[8]);
  EXPECT_EQ(out.f32()[7], w.f32()[3]);
}

TEST(SequenceBounds, GradientOfABadIdIsARuntimeError) {
  Traced fn({{{3}, I32}, {{4, 2}, F32, true}}, [](T a) { return embedding(a[0], a[1]); }, true);
  rt::HostTensor w = randomF32({4, 2}, 6), g = randomF32({3, 2}, 7);
  rt::HostTensor ids({3}, I32);
  int32_t values[] = {1, 4, 2};
  std::copy(values, values + 3, ids.i32());
  EXPECT_NE(runtimeError(fn, {&ids, &w, &g}).find("index 4 is out of range [0, 4)"),
            std::string::npos);
}

TEST(SequenceBounds, IndexSelectAndIndexAddCheckTheirIndex) {
  Traced sel({{{3, 4}, F32}, {{2}, I64}}, [](T a) { return indexSelect(a[0], 0, a[1]); });
  Traced add({{{3, 4}, F32}, {{2}, I64}, {{2, 4}, F32}},
             [](T a) { return indexAdd(a[0], 0, a[1], a[2]); });
  rt::HostTensor x = randomF32({3, 4}, 8), s = randomF32({2, 4}, 9);
  rt::HostTensor idx = ids64({2}, {1, 3});
  EXPECT_NE(runtimeError(sel, {&x, &idx}).find("dl.index_select: index 3 is out of range [0, 3)"),
            std::string::npos);
  EXPECT_NE(runtimeError(add, {&x, &idx, &s}).find("dl.index_add: index 3 is out of range [0, 3)"),
            std::string::npos);
}

// -- the DSL rejects mistakes at the user's line, naming the op ---------------
TEST(SequenceDSL, RejectsWrongDtypesAndShapes) {
  Graph g;
  g.beginFunction();
  Tensor w = g.input("w", {5, 3}), fids = g.input("f", {4});
  Tensor ids = g.input("ids", {4}, I64), ids2 = g.input("ids2", {2, 2}, I64);
  auto message = [](auto &&f) {
    try {
      f();
    } catch (const Error &e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(message([&] { embedding(fids, w); }).find("embedding: input (the ids) must be i32 or i64"),
            std::string::npos);
  EXPECT_NE(message([&] { embedding(ids, w, {.paddingIdx = 5}); })
                .find("padding_idx 5 out of range [0, 5)"),
            std::string::npos);
  EXPECT_NE(message([&] { indexSelect(w, 0, ids2); }).find("index_select: index must be 1-D"),
            std::string::npos);
  EXPECT_NE(message([&] { arange(0, 1, 0); }).find("arange: step must be non-zero"),
            std::string::npos);
  EXPECT_NE(message([&] { repeatInterleave(w, 2, 2); }).find("repeat_interleave"),
            std::string::npos);
  EXPECT_NE(message([&] { sequenceMask(w, ids, 0.0); })
                .find("sequence_mask: valid_len must be (batch) = [5]"),
            std::string::npos);
  EXPECT_NE(message([&] { sequenceMask(w, ids, 0.0); }).find("SequenceOpsTest.cpp"),
            std::string::npos);
}

// -- f64 finite differences ----------------------------------------------------
struct GradCase {
  const char *name;
  std::vector<InputSpec> inputs;
  std::function<Tensor(T)> body;
};

std::vector<GradCase> gradCases() {
  return {
      // 12 ids over 3 rows: every row is hit several times.
      {"embedding_repeated_ids", {{{3, 4}, I64, 0, 3}, {{3, 2}, F64}},
       [](T a) { return embedding(a[0], a[1]); }},
      // (Not with padding_idx: its row's gradient is 0 by definition, not the
      // derivative; the oracle and naive tests cover it.)
      {"embedding_i32_ids", {{{6}, I32, 0, 4}, {{4, 3}, F64}},
       [](T a) { return embedding(a[0], a[1]); }},
      {"index_select", {{{3, 4}, F64}, {{6}, I64, 0, 4}},
       [](T a) { return indexSelect(a[0], 1, a[1]); }},
      {"index_add", {{{4, 3}, F64}, {{5}, I32, 0, 4}, {{5, 3}, F64}},
       [](T a) { return indexAdd(a[0], 0, a[1], a[2]); }},
      {"repeat_interleave", {{{2, 3, 2}, F64}}, [](T a) { return repeatInterleave(a[0], 3, 1); }},
      {"sequence_mask_fill", {{{3, 5}, F64}, {{3}, I64, 0, 6}},
       [](T a) { return sequenceMask(a[0], a[1], -3.0); }},
  };
}

class SequenceGradient : public ::testing::TestWithParam<GradCase> {};
TEST_P(SequenceGradient, MatchesFiniteDifferencesInF64) {
  const GradCase &c = GetParam();
  Compiled fn(c.inputs, c.body);
  auto inputs = fn.randomInputs(11);
  EXPECT_LE(gradientError(fn, inputs, 1e-6, 1e-6, 1e-6), 1.0) << c.name;
}
INSTANTIATE_TEST_SUITE_P(Ops, SequenceGradient, ::testing::ValuesIn(gradCases()),
                         [](const auto &info) { return std::string(info.param.name); });

} // namespace
} // namespace dlc::test
