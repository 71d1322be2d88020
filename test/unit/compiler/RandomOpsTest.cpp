//===- RandomOpsTest.cpp - the Random family: Philox, masks, statistics ----===//
//
// dl.dropout's mask comes from Philox-4x32-10, not PyTorch's CPU generator,
// so PyTorch is the oracle only where the generator does not matter (eval
// mode, p = 0, p = 1; test/oracle/random_ops.py). The masks themselves are
// checked element by element against a naive Philox that reproduces the
// published known-answer vectors, and statistically.
//
//===----------------------------------------------------------------------===//
#include "Harness.h"
#include "Oracle.h"

#include "frontend/Trainer.h"
#include "frontend/nn/Layers.h"
#include "frontend/ops/Random.h"
#include "ir/Roles.h"
#include "ir/ops/RandomOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>

namespace dlc::test {
namespace {

using T = const std::vector<Tensor> &;
constexpr rt::DType F32 = rt::DType::F32, F64 = rt::DType::F64;

// -- the naive generator -------------------------------------------------------

/// Philox-4x32-10 as in Salmon et al. 2011 ("Parallel random numbers: as
/// easy as 1, 2, 3") and Random123's philox.h, written independently of
/// passes/lowering/RandomToLinalg.cpp.
std::array<uint32_t, 4> philox4x32_10(std::array<uint32_t, 4> c, std::array<uint32_t, 2> k) {
  for (int round = 0; round < 10; ++round) {
    if (round) k = {k[0] + 0x9E3779B9u, k[1] + 0xBB67AE85u};
    uint64_t p0 = uint64_t(0xD2511F53u) * c[0], p1 = uint64_t(0xCD9E8D57u) * c[2];
    c = {uint32_t(p1 >> 32) ^ c[1] ^ k[0], uint32_t(p1), uint32_t(p0 >> 32) ^ c[3] ^ k[1],
         uint32_t(p0)};
  }
  return c;
}

/// dl.dropout's documented rule (ir/ops/Random.td): element `index` is kept
/// iff the uniform (w >> 8) / 2^24 from word index % 4 of Philox(counter =
/// (index / 4, op_id, step), key = seed) is at least p.
bool naiveKeep(uint64_t seed, uint64_t step, uint32_t opId, uint32_t index, double p) {
  uint32_t w = philox4x32_10({index / 4, opId, uint32_t(step), uint32_t(step >> 32)},
                             {uint32_t(seed), uint32_t(seed >> 32)})[index % 4];
  double u = std::ldexp(double(w >> 8), -24);
  return u >= p;
}

// Random123's known-answer vectors for Philox-4x32-10, as copied from its
// kat_vectors file into Random123-Boost's libs/random/test/test_philox.cpp
// (github.com/DEShawResearch/Random123-Boost, commit 916db91, "The KAT
// vectors are cut-and-pasted from the kat_vectors file in the original
// Random123 distribution"): counter words, key words, output.
TEST(RandomPhilox, KnownAnswerVectors) {
  using C = std::array<uint32_t, 4>;
  using K = std::array<uint32_t, 2>;
  EXPECT_EQ(philox4x32_10(C{0, 0, 0, 0}, K{0, 0}),
            (C{0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8}));
  EXPECT_EQ(philox4x32_10(C{0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff},
                          K{0xffffffff, 0xffffffff}),
            (C{0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd}));
  EXPECT_EQ(philox4x32_10(C{0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344},
                          K{0xa4093822, 0x299f31d0}),
            (C{0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1}));
}

// -- helpers -------------------------------------------------------------------

rt::HostTensor key(uint64_t seed, uint64_t step) {
  rt::HostTensor k(std::vector<int64_t>{2}, rt::DType::I64);
  k.data<int64_t>()[0] = static_cast<int64_t>(seed);
  k.data<int64_t>()[1] = static_cast<int64_t>(step);
  return k;
}

double at(const rt::HostTensor &t, int64_t k) {
  return t.dtype() == F64 ? t.data<double>()[k] : t.f32()[k];
}

/// A compiled forward function @f(x, rng) -> body(x) (inference pipeline),
/// for tensors too large for Compiled's random cotangent constant.
class Forward {
public:
  Forward(std::vector<int64_t> shape, rt::DType dtype, std::function<Tensor(const Tensor &)> body) {
    graph_.beginFunction();
    Tensor x = graph_.input("x", shape, dtype);
    graph_.finishFunction("f", {body(x)}, {Graph::ResultKind::Output});
    const auto &b = graph_.bindings("f");
    EXPECT_EQ(b.size(), 2u);
    EXPECT_EQ(b.back().kind, Binding::RngState);
    auto module = graph_.takeModule();
    jit_ = cpu::JitModule::compile(*module, PipelineOptions{});
  }
  rt::HostTensor operator()(const rt::HostTensor &x, const rt::HostTensor &k) {
    auto results = jit_->allocateResults("f");
    run(x, k, results[0]);
    return results[0];
  }
  void run(const rt::HostTensor &x, const rt::HostTensor &k, rt::HostTensor &y) {
    jit_->call("f", {&x, &k}, {&y});
  }

private:
  Graph graph_;
  std::unique_ptr<cpu::JitModule> jit_;
};

rt::HostTensor filled(std::vector<int64_t> shape, rt::DType dtype, double value) {
  rt::HostTensor t(std::move(shape), dtype);
  for (int64_t k = 0; k < t.numel(); ++k)
    if (dtype == F64) t.data<double>()[k] = value;
    else t.f32()[k] = float(value);
  return t;
}

// -- the compiled mask against the naive generator ------------------------------

struct MaskCase {
  const char *name;
  std::vector<int64_t> shape;
  rt::DType dtype;
  double p;
  uint64_t seed, step;
};

void PrintTo(const MaskCase &c, std::ostream *os) { *os << c.name; }

class RandomMask : public ::testing::TestWithParam<MaskCase> {};

// Every element: kept ones are exactly x * (1/(1-p) rounded to the element
// type), dropped ones exactly 0, as the naive generator says.
TEST_P(RandomMask, MatchesNaivePhiloxElementByElement) {
  const MaskCase &c = GetParam();
  Compiled fn({{c.shape, c.dtype, 0.5f, 1.5f}}, [&](T a) { return dropout(a[0], c.p); });
  auto in = fn.randomInputs(3);
  in.push_back(key(c.seed, c.step));
  rt::HostTensor out = fn.output(in);
  double scale = c.p < 1 ? 1.0 / (1.0 - c.p) : 0.0;
  int64_t kept = 0;
  for (int64_t k = 0; k < out.numel(); ++k) {
    bool keep = naiveKeep(c.seed, c.step, 0, uint32_t(k), c.p);
    kept += keep;
    double x = at(in[0], k);
    double expected = !keep ? 0.0 : c.dtype == F64 ? x * scale : double(float(x) * float(scale));
    ASSERT_EQ(at(out, k), expected) << c.name << " element " << k << " keep " << keep;
  }
  if (c.p >= 0.1 && c.p <= 0.9 && out.numel() > 50) {
    EXPECT_GT(kept, 0) << c.name;
    EXPECT_LT(kept, out.numel()) << c.name;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Dropout, RandomMask,
    ::testing::Values(
        // Step above 2^32 and a seed using both words: all key and counter
        // words are exercised; rank 3 checks the row-major index.
        // 105 elements: each element draws its own block (the count is
        // not a multiple of 4).
        MaskCase{"rank3_f32", {3, 5, 7}, F32, 0.3, 0x0123456789ABCDEFull, 0x100000002ull},
        // 48 elements: one block per 4 elements, reshaped to (12, 4).
        MaskCase{"rank3_blocked_f32", {2, 6, 4}, F32, 0.3, 0x0123456789ABCDEFull, 0x100000002ull},
        MaskCase{"rank2_blocked_f64", {3, 12}, F64, 0.6, 77, 1},
        MaskCase{"rank1_f64", {257}, F64, 0.7, 42, 0},
        MaskCase{"rank0_f32", {}, F32, 0.5, 7, 3},
        MaskCase{"p1_all_zeros", {4, 9}, F32, 1.0, 5, 6},
        MaskCase{"tiny_p", {1000}, F64, 1e-3, 11, 12}),
    [](const auto &info) { return std::string(info.param.name); });

// Two dropouts in one function get op ids 0 and 1 and so different masks:
// with x = 1, y = d0(x) + 2 d1(x) = s (m0 + 2 m1) decodes both.
TEST(RandomNaive, SecondDropoutHasItsOwnMask) {
  const double p = 0.5;
  const uint64_t seed = 99, step = 17;
  Forward f({40, 25}, F32, [&](const Tensor &x) {
    return add(dropout(x, p), mul(dropout(x, p), constant({2.0f}, {}, F32)));
  });
  rt::HostTensor y = f(filled({40, 25}, F32, 1.0), key(seed, step));
  int64_t differ = 0;
  for (int64_t k = 0; k < y.numel(); ++k) {
    bool m0 = naiveKeep(seed, step, 0, uint32_t(k), p), m1 = naiveKeep(seed, step, 1, uint32_t(k), p);
    differ += m0 != m1;
    ASSERT_EQ(y.f32()[k], 2.0f * float(m0) + 4.0f * float(m1)) << "element " << k;
  }
  EXPECT_GT(differ, 0);
}

// -- statistics on 1M elements ------------------------------------------------

// Dropped fraction within 4 sigma of p; the mean of dropout(1) within 4
// sigma of 1 (dropout preserves the mean); a new step and a new seed each
// draw a mask independent of the first (both dropped: p^2), and so does the
// second op of a function.
TEST(RandomStatistics, MillionElements) {
  const double p = 0.3;
  const int64_t n = 1 << 20;
  Forward f({1024, 1024}, F32, [&](const Tensor &x) {
    return add(dropout(x, p), mul(dropout(x, p), constant({2.0f}, {}, F32)));
  });
  rt::HostTensor ones = filled({1024, 1024}, F32, 1.0);
  const float s = float(1.0 / (1.0 - p));
  auto masks = [&](const rt::HostTensor &y, std::vector<bool> &m0, std::vector<bool> &m1) {
    m0.resize(n), m1.resize(n);
    for (int64_t k = 0; k < n; ++k) {
      int code = int(std::lround(y.f32()[k] / s));
      ASSERT_TRUE(code >= 0 && code <= 3 && y.f32()[k] == float(code) * s) << y.f32()[k];
      m0[k] = code & 1, m1[k] = code & 2;
    }
  };
  std::vector<bool> a0, a1, b0, b1, c0, c1;
  masks(f(ones, key(1, 0)), a0, a1);
  masks(f(ones, key(1, 1)), b0, b1);
  masks(f(ones, key(2, 0)), c0, c1);

  double sigma = std::sqrt(p * (1 - p) / n);
  int64_t dropped = std::count(a0.begin(), a0.end(), false);
  EXPECT_NEAR(double(dropped) / n, p, 4 * sigma);
  // mean of s·m: 1, with standard error s·sqrt(p(1-p)/n).
  EXPECT_NEAR(double(n - dropped) * s / n, 1.0, 4 * s * sigma);

  double p2 = p * p, sigma2 = std::sqrt(p2 * (1 - p2) / n);
  auto bothDropped = [&](const std::vector<bool> &u, const std::vector<bool> &v) {
    int64_t both = 0;
    for (int64_t k = 0; k < n; ++k) both += !u[k] && !v[k];
    return double(both) / n;
  };
  EXPECT_NEAR(bothDropped(a0, b0), p2, 4 * sigma2) << "step 0 vs step 1";
  EXPECT_NEAR(bothDropped(a0, c0), p2, 4 * sigma2) << "seed 1 vs seed 2";
  EXPECT_NEAR(bothDropped(a0, a1), p2, 4 * sigma2) << "op 0 vs op 1";
  // The same key gives the same mask (the backward pass relies on it).
  std::vector<bool> d0, d1;
  masks(f(ones, key(1, 0)), d0, d1);
  EXPECT_EQ(a0, d0);
  EXPECT_EQ(a1, d1);
}

// -- identities: p = 0, eval mode -----------------------------------------------

TEST(RandomDSL, EvalModeAndZeroPTraceNothing) {
  Graph g;
  g.beginFunction();
  Tensor x = g.input("x", {3, 4});
  EXPECT_EQ(dropout(x, 0.5, /*training=*/false).value(), x.value());
  EXPECT_EQ(dropout(x, 0.0).value(), x.value());
  const auto &b = g.finishFunction("f", {x}, {Graph::ResultKind::Output});
  ASSERT_EQ(b.size(), 1u); // no rng_state argument
  EXPECT_EQ(b[0].kind, Binding::Input);
}

// One rng_state argument per function, however many dropouts; op ids count
// 0, 1, ... per traced function.
TEST(RandomDSL, OneKeyPerFunctionAndOpIdsPerFunction) {
  Graph g;
  for (const char *name : {"a", "b"}) {
    g.beginFunction();
    Tensor x = g.input("x", {8});
    Tensor y = dropout(dropout(dropout(x, 0.1), 0.2), 0.3);
    const auto &b = g.finishFunction(name, {y}, {Graph::ResultKind::Output});
    ASSERT_EQ(b.size(), 2u) << name;
    EXPECT_EQ(b[1].kind, Binding::RngState);
    EXPECT_EQ(b[1].name, "rng");
  }
  for (const char *name : {"a", "b"}) {
    auto fn = g.module().lookupSymbol<mlir::func::FuncOp>(name);
    ASSERT_TRUE(fn);
    std::vector<int64_t> ids;
    std::vector<double> ps;
    fn.walk([&](dl::DropoutOp op) {
      ids.push_back(int64_t(op.getOpId()));
      ps.push_back(op.getP().convertToDouble());
    });
    EXPECT_EQ(ids, (std::vector<int64_t>{0, 1, 2})) << name;
    EXPECT_EQ(ps, (std::vector<double>{0.1, 0.2, 0.3})) << name;
    EXPECT_EQ(dl::argRole(fn, 1), dl::Role::rng_state);
  }
}

TEST(RandomDSL, DropoutLayerFollowsTrainAndEval) {
  nn::Dropout layer(0.25);
  EXPECT_EQ(layer.description(), "Dropout(p=0.25)");
  auto trace = [&](bool training) {
    layer.train(training);
    Graph g;
    g.beginFunction();
    Tensor x = g.input("x", {2, 3});
    Tensor y = layer(x);
    bool identity = y.value() == x.value();
    size_t args = g.finishFunction("f", {y}, {Graph::ResultKind::Output}).size();
    return std::make_pair(identity, args);
  };
  EXPECT_EQ(trace(true), std::make_pair(false, size_t(2)));
  EXPECT_EQ(trace(false), std::make_pair(true, size_t(1)));
  // eval() reaches submodules.
  nn::Sequential seq{nn::Linear(3, 3), nn::Dropout(0.5)};
  seq.eval();
  EXPECT_FALSE(seq.layers()[1]->isTraining());
  seq.train();
  EXPECT_TRUE(seq.layers()[1]->isTraining());
}

// -- errors at the user's line ------------------------------------------------

void expectError(const std::function<void()> &f, const std::string &needle) {
  try {
    f();
    ADD_FAILURE() << "no error; expected: " << needle;
  } catch (const Error &e) {
    std::string what = e.what();
    EXPECT_NE(what.find(needle), std::string::npos) << what;
    EXPECT_NE(what.find("RandomOpsTest.cpp:"), std::string::npos) << what;
  }
}

TEST(RandomDSL, ErrorsNameTheOpAndLine) {
  Graph g;
  g.beginFunction();
  Tensor x = g.input("x", {3});
  Tensor ids = g.input("ids", {3}, rt::DType::I32);
  Tensor badKey = g.input("k", {3}, rt::DType::I64);
  Tensor i32Key = g.input("k32", {2}, rt::DType::I32);
  const std::string range = "dropout: dropout probability has to be between 0 and 1, but got ";
  expectError([&] { dropout(x, 1.5); }, range + "1.5");
  expectError([&] { dropout(x, -0.5, /*training=*/false); }, range + "-0.5");
  expectError([&] { dropout(x, std::nan("")); }, range + "nan");
  expectError([&] { dropout(ids, 0.5); }, "dropout: expects float tensors (f32, f64 or bf16), got");
  expectError([&] { dropout(x, badKey, 0.5); },
              "dropout: rng_state must have shape [2] ([seed, step]), got [3]");
  expectError([&] { dropout(x, i32Key, 0.5); },
              "dropout: rng_state must be an i64 [seed, step] tensor, got");
  expectError([] { nn::Dropout layer(2.0); },
              "Dropout: dropout probability has to be between 0 and 1, but got 2");
}

// -- against PyTorch (test/oracle/random_ops.py) ----------------------------------
// Exact: these cases do not depend on the generator (identities and zeros).
std::vector<OracleCase> oracleCases() {
  auto c = [](const char *name, std::function<Tensor(T)> body) {
    return OracleCase{"random", name, body, 0, 0};
  };
  return {
      c("eval_identity", [](T a) { return dropout(a[0], 0.5, /*training=*/false); }),
      c("p0_identity", [](T a) { return dropout(a[0], 0.0); }),
      // inf and NaN inputs: PyTorch's `input * 0` gives NaN, and so does dlc.
      c("p1_zeros", [](T a) { return dropout(a[0], a[1], 1.0); }),
      c("p1_zeros_f64", [](T a) { return dropout(a[0], a[1], 1.0); }),
  };
}

class RandomOracle : public ::testing::TestWithParam<OracleCase> {};
TEST_P(RandomOracle, MatchesPyTorch) { checkOracle(GetParam()); }
INSTANTIATE_TEST_SUITE_P(Ops, RandomOracle, ::testing::ValuesIn(oracleCases()),
                         [](const auto &info) { return info.param.name; });

TEST(RandomOracleFixtures, EveryFixtureHasACase) {
  std::vector<std::string> names;
  for (const OracleCase &c : oracleCases()) names.push_back(c.name);
  std::sort(names.begin(), names.end());
  EXPECT_EQ(oracleFixtures("random"), names);
}

// -- gradients: f64 finite differences with a fixed key --------------------------

// With the key fixed, dropout is linear in x: d loss/dx = mask * scale * R.
// The analytic gradient matches central differences, and is exactly zero
// where the forward pass dropped the element (the mask was regenerated).
TEST(RandomGradient, MatchesFiniteDifferencesInF64) {
  for (double p : {0.2, 0.5, 0.9}) {
    Compiled fn({{{6, 7}, F64, 0.5f, 2.0f}}, [&](T a) { return dropout(a[0], p); });
    auto in = fn.randomInputs(11);
    in.push_back(key(2024, 9));
    EXPECT_LE(gradientError(fn, in, 1e-6, 1e-7, 1e-6, 42), 1.0) << "p " << p;
    rt::HostTensor out = fn.output(in);
    rt::HostTensor g = fn.gradients(in).at(0);
    int64_t kept = 0;
    for (int64_t k = 0; k < out.numel(); ++k) {
      bool keep = out.data<double>()[k] != 0;
      kept += keep;
      EXPECT_EQ(keep, naiveKeep(2024, 9, 0, uint32_t(k), p)) << k;
      EXPECT_EQ(g.data<double>()[k] != 0, keep) << "element " << k << " p " << p;
    }
    EXPECT_GT(kept, 0);
    EXPECT_LT(kept, out.numel());
  }
}

// -- the Trainer feeds [seed, step] -------------------------------------------

// With lr = 0 the parameters never change, so the loss changes between steps
// on one batch only through the mask: the step advances it. The same seed
// reproduces the losses; another seed does not. @forward is traced in eval
// mode (no rng_state), so predict() is deterministic.
TEST(RandomTrainer, FeedsSeedAndStep) {
  auto losses = [](uint64_t seed, std::vector<float> &predicted) {
    nn::Sequential model{nn::Flatten(), nn::Linear(12, 32), nn::ReLU(), nn::Dropout(0.5),
                         nn::Linear(32, 3)};
    model.initialize(5);
    TrainerOptions o;
    o.batchSize = 8;
    o.exampleShape = {12};
    o.learningRate = 0;
    o.seed = seed;
    Trainer trainer(model, o);
    EXPECT_TRUE(model.isTraining()); // tracing @forward restored the mode
    rt::HostTensor x({8, 12}), y({8}, rt::DType::I32);
    for (int64_t k = 0; k < x.numel(); ++k) x.f32()[k] = float(std::sin(0.37 * double(k)));
    for (int64_t k = 0; k < 8; ++k) y.i32()[k] = int32_t(k % 3);
    std::vector<float> out;
    for (int s = 0; s < 3; ++s) out.push_back(trainer.step(x, y));
    rt::HostTensor a = trainer.predict(x).clone(), b = trainer.predict(x).clone();
    for (int64_t k = 0; k < a.numel(); ++k) EXPECT_EQ(a.f32()[k], b.f32()[k]);
    predicted.assign(a.f32(), a.f32() + a.numel());
    return out;
  };
  std::vector<float> pa, pb, pc;
  std::vector<float> a = losses(1, pa), b = losses(1, pb), c = losses(2, pc);
  EXPECT_EQ(a, b);
  EXPECT_NE(a[0], a[1]);
  EXPECT_NE(a[1], a[2]);
  EXPECT_NE(a[0], c[0]);
  EXPECT_EQ(pa, pc); // eval mode: no dropout, the seed does not matter
}

// -- throughput (run by hand: --gtest_also_run_disabled_tests) ---------------------

// Dropout against x * 2, the same traffic (read x, write y) with no
// generator: on a shared machine only the ratio means much.
TEST(RandomBench, DISABLED_DropoutForward16M) {
  const int64_t n = 16 << 20;
  auto time = [&](const char *what, std::function<Tensor(const Tensor &)> body, bool keyed) {
    rt::HostTensor x = filled({n}, F32, 1.0), k = key(3, 4);
    Graph g;
    g.beginFunction();
    Tensor xt = g.input("x", {n});
    g.finishFunction("f", {body(xt)}, {Graph::ResultKind::Output});
    auto module = g.takeModule();
    auto jit = cpu::JitModule::compile(*module, PipelineOptions{});
    auto y = jit->allocateResults("f");
    std::vector<const rt::HostTensor *> in{&x};
    if (keyed) in.push_back(&k);
    double best = 1e30;
    for (int r = 0; r < 6; ++r) {
      auto t0 = std::chrono::steady_clock::now();
      jit->call("f", in, {&y[0]});
      double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      if (r) best = std::min(best, s); // the first call warms up
    }
    // Bytes moved: read x, write y.
    std::printf("%s, %lld f32: %.2f ms, %.2f GB/s (read + write)\n", what, (long long)n,
                best * 1e3, 2.0 * 4.0 * double(n) / best / 1e9);
  };
  time("dropout(x, 0.5)", [](const Tensor &x) { return dropout(x, 0.5); }, true);
  time("x * 2 (baseline)", [](const Tensor &x) { return mul(x, constant({2.0f}, {}, F32)); },
       false);
}

} // namespace
} // namespace dlc::test
