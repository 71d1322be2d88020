//===- InitTest.cpp - parameter initialisers against torch.nn.init -------===//
//
// Deterministic parts (gains, fans, bounds, standard deviations, PyTorch's
// default Linear/Conv2d bounds) against test/fixtures/init/cases.txt, which
// test/oracle/init.py read out of torch's own draws; the draws themselves
// statistically (1e5 samples: moments and bounds against the formulas);
// the zoo's initialisation against dlc's original algorithm, bit for bit;
// init::apply and the errors.
//
//===----------------------------------------------------------------------===//
#include "frontend/nn/Init.h"
#include "frontend/nn/Layers.h"
#include "frontend/zoo/Zoo.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>

namespace dlc::test {
namespace {

using namespace nn;

std::vector<int64_t> parseShape(const std::string &s) {
  std::vector<int64_t> out;
  std::istringstream in(s);
  std::string d;
  while (std::getline(in, d, ',')) out.push_back(std::stoll(d));
  return out;
}

std::vector<std::vector<std::string>> fixtureLines() {
  std::ifstream in(DLC_ORACLE_FIXTURES "/../init/cases.txt");
  EXPECT_TRUE(in) << DLC_ORACLE_FIXTURES "/../init/cases.txt";
  std::vector<std::vector<std::string>> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream ls(line);
    std::vector<std::string> words;
    for (std::string w; ls >> w;) words.push_back(w);
    out.push_back(words);
  }
  return out;
}

void expectRel(double got, double want, const std::string &what) {
  EXPECT_LE(std::abs(got - want), 1e-12 * std::abs(want)) << what << ": " << got << " vs " << want;
}

TEST(Init, GainsFansBoundsAndStdsMatchTorch) {
  std::map<std::string, int> seen;
  for (const auto &w : fixtureLines()) {
    std::string what;
    for (const auto &s : w) what += s + " ";
    const std::string &kind = w[0];
    ++seen[kind];
    if (kind == "gain") {
      std::optional<double> param;
      if (w[2] != "-") param = std::stod(w[2]);
      expectRel(init::calculateGain(w[1], param), std::stod(w[3]), what);
    } else if (kind == "fans") {
      init::Fans f = init::calculateFanInAndFanOut(parseShape(w[1]));
      EXPECT_EQ(f.fanIn, std::stoll(w[2])) << what;
      EXPECT_EQ(f.fanOut, std::stoll(w[3])) << what;
    } else if (kind == "xavier_uniform") {
      expectRel(init::xavierUniformBound(parseShape(w[1]), std::stod(w[2])), std::stod(w[3]), what);
    } else if (kind == "xavier_normal") {
      expectRel(init::xavierNormalStd(parseShape(w[1]), std::stod(w[2])), std::stod(w[3]), what);
    } else if (kind == "kaiming_uniform") {
      expectRel(init::kaimingUniformBound(parseShape(w[1]), std::stod(w[2]), w[3], w[4]),
                std::stod(w[5]), what);
    } else if (kind == "kaiming_normal") {
      expectRel(init::kaimingNormalStd(parseShape(w[1]), std::stod(w[2]), w[3], w[4]),
                std::stod(w[5]), what);
    } else if (kind == "default") {
      // Checked by TorchDefaultLayersDrawWithinTorchsBounds.
    } else {
      ADD_FAILURE() << "unknown fixture line: " << what;
    }
  }
  EXPECT_EQ(seen["gain"], 11);
  EXPECT_EQ(seen["fans"], 6);
  EXPECT_EQ(seen["kaiming_normal"], 30);
  EXPECT_EQ(seen["default"], 4);
}

/// max |v| and the standard deviation about 0... of a f32 tensor.
struct Stats {
  double mean, std, min, max;
};
Stats stats(const rt::HostTensor &t) {
  const float *v = t.f32();
  int64_t n = t.numel();
  double s = 0, s2 = 0, lo = INFINITY, hi = -INFINITY;
  for (int64_t i = 0; i < n; ++i) {
    s += v[i];
    lo = std::min(lo, double(v[i]));
    hi = std::max(hi, double(v[i]));
  }
  double mean = s / n;
  for (int64_t i = 0; i < n; ++i) s2 += (v[i] - mean) * (v[i] - mean);
  return {mean, std::sqrt(s2 / (n - 1)), lo, hi};
}

TEST(Init, TorchDefaultLayersDrawWithinTorchsBounds) {
  for (const auto &w : fixtureLines()) {
    if (w[0] != "default") continue;
    std::vector<int64_t> a = parseShape(w[2]);
    double wantW = std::stod(w[3]), wantB = std::stod(w[4]);
    std::unique_ptr<Module> layer;
    if (w[1] == "linear") layer = std::make_unique<Linear>(LinearOptions(a[0], a[1]).init(Init::TorchDefault));
    else layer = std::make_unique<Conv2d>(Conv2dOptions(a[0], a[1], a[2]).init(Init::TorchDefault));
    layer->initialize(7);
    std::vector<Parameter *> ps = layer->parameters();
    ASSERT_EQ(ps.size(), 2u);
    for (auto [p, bound] : {std::pair{ps[0], wantW}, std::pair{ps[1], wantB}}) {
      SCOPED_TRACE(w[1] + " " + w[2] + " " + p->name);
      Stats s = stats(p->value);
      EXPECT_GE(s.min, -bound * (1 + 1e-6));
      EXPECT_LE(s.max, bound * (1 + 1e-6));
      // Enough draws that the extremes come within 10% of the bound (the
      // smallest tensor has 6 elements: checked only for the weights).
      if (p->value.numel() >= 64) {
        EXPECT_GT(s.max, 0.9 * bound);
        EXPECT_LT(s.min, -0.9 * bound);
      }
    }
  }
}

TEST(Init, UniformAndNormalMomentsOver1e5Draws) {
  const int64_t n = 100000;
  Generator rng(42);
  rt::HostTensor t({n});
  init::uniform(t, rng, -0.5, 1.5); // mean 0.5, std 2/√12
  Stats u = stats(t);
  EXPECT_NEAR(u.mean, 0.5, 5 * (2 / std::sqrt(12.0)) / std::sqrt(double(n)));
  EXPECT_NEAR(u.std, 2 / std::sqrt(12.0), 0.01 * 2 / std::sqrt(12.0));
  EXPECT_GE(u.min, -0.5);
  EXPECT_LE(u.max, 1.5);
  EXPECT_LT(u.min, -0.49);
  EXPECT_GT(u.max, 1.49);

  init::normal(t, rng, 3.0, 0.25);
  Stats g = stats(t);
  EXPECT_NEAR(g.mean, 3.0, 5 * 0.25 / std::sqrt(double(n)));
  EXPECT_NEAR(g.std, 0.25, 0.01 * 0.25);
  int64_t within = 0;
  for (int64_t i = 0; i < n; ++i) within += std::abs(t.f32()[i] - 3.0) < 0.25;
  EXPECT_NEAR(double(within) / n, 0.682689, 0.006); // a normal, not any law with that std

  init::normal(t, rng, -1.0, 0.0);
  EXPECT_EQ(stats(t).min, -1.0);
  EXPECT_EQ(stats(t).max, -1.0);
}

TEST(Init, XavierAndKaimingDrawsHaveTheirStd) {
  Generator rng(5);
  rt::HostTensor fc({250, 400});        // 1e5 elements
  rt::HostTensor conv({100, 40, 5, 5}); // 1e5 elements, fan_in 1000, fan_out 2500
  struct Case {
    const char *name;
    rt::HostTensor *t;
    std::function<void(rt::HostTensor &)> draw;
    double std;
    double bound; // 0: a normal
  } cases[] = {
      {"xavier_uniform", &fc, [&](auto &t) { init::xavierUniform(t, rng, 1.5); },
       init::xavierNormalStd(fc.shape(), 1.5), init::xavierUniformBound(fc.shape(), 1.5)},
      {"xavier_normal", &conv, [&](auto &t) { init::xavierNormal(t, rng); },
       std::sqrt(2.0 / 3500), 0},
      {"kaiming_uniform", &conv, [&](auto &t) { init::kaimingUniform(t, rng, 0, "fan_out", "relu"); },
       std::sqrt(2.0 / 2500), std::sqrt(6.0 / 2500)},
      {"kaiming_normal", &fc, [&](auto &t) { init::kaimingNormal(t, rng, 0.2); },
       std::sqrt(2.0 / 1.04 / 400), 0},
  };
  for (Case &c : cases) {
    SCOPED_TRACE(c.name);
    c.draw(*c.t);
    Stats s = stats(*c.t);
    EXPECT_NEAR(s.mean, 0, 5 * c.std / std::sqrt(1e5));
    EXPECT_NEAR(s.std, c.std, 0.01 * c.std);
    if (c.bound > 0) {
      EXPECT_NEAR(c.bound, std::sqrt(3.0) * c.std, 1e-12);
      EXPECT_LE(s.max, c.bound);
      EXPECT_GE(s.min, -c.bound);
      EXPECT_GT(s.max, 0.99 * c.bound);
    }
  }
}

TEST(Init, F64AndBF16Tensors) {
  Generator rng(1);
  rt::HostTensor d({50000}, rt::DType::F64);
  init::normal(d, rng, 0.0, 2.0);
  double s2 = 0;
  for (int64_t i = 0; i < d.numel(); ++i) s2 += d.data<double>()[i] * d.data<double>()[i];
  EXPECT_NEAR(std::sqrt(s2 / d.numel()), 2.0, 0.03);

  rt::HostTensor b({1000}, rt::DType::BF16);
  init::uniform(b, rng, 1.0, 2.0);
  for (int64_t i = 0; i < b.numel(); ++i) {
    float v = b.data<rt::BF16>()[i].toFloat();
    EXPECT_GE(v, 1.0f);
    EXPECT_LE(v, 2.0f);
  }
  init::constant(b, 0.5);
  EXPECT_EQ(b.data<rt::BF16>()[999].toFloat(), 0.5f);
}

/// dlc's initialiser as it was before nn::init, copied: the zoo's accuracy
/// tests depend on the numbers it draws.
void legacyInitialize(Module &m, uint64_t seed) {
  std::mt19937_64 rng(seed);
  for (Parameter *p : m.parameters()) {
    float *v = p->value.f32();
    float bound = 0.0f;
    switch (p->init) {
    case Init::Zeros: bound = 0.0f; break;
    case Init::XavierUniform: bound = std::sqrt(6.0f / float(p->fanIn + p->fanOut)); break;
    case Init::KaimingUniform: bound = 1.0f / std::sqrt(float(p->fanIn)); break;
    default: FAIL() << p->name << " uses an initialiser the zoo did not have";
    }
    std::uniform_real_distribution<float> dist(-bound, bound);
    for (int64_t i = 0; i < p->value.numel(); ++i) v[i] = bound == 0.0f ? 0.0f : dist(rng);
  }
}

TEST(Init, ZooModelsDrawExactlyWhatTheyDrewBefore) {
  for (const char *name : {"lenet", "mlp", "mlp_dropout"}) {
    SCOPED_TRACE(name);
    auto now = zoo::byName(name).model, before = zoo::byName(name).model;
    now->initialize(3);
    legacyInitialize(*before, 3);
    std::vector<Parameter *> a = now->parameters(), b = before->parameters();
    ASSERT_EQ(a.size(), b.size());
    for (size_t i = 0; i < a.size(); ++i) {
      ASSERT_EQ(a[i]->value.sizeInBytes(), b[i]->value.sizeInBytes());
      EXPECT_EQ(0, std::memcmp(a[i]->value.data(), b[i]->value.data(), a[i]->value.sizeInBytes()))
          << a[i]->name;
    }
    // And the weights are drawn, the biases zero (dlc's defaults).
    EXPECT_NE(a[0]->value.f32()[0], 0.0f);
    EXPECT_EQ(a[1]->value.f32()[0], 0.0f);
  }
}

TEST(Init, ApplyChoosesTheInitialiserOfMatchingParameters) {
  auto model = zoo::mlp(); // 1.weight, 1.bias, 3.weight, 3.bias
  auto plain = zoo::mlp();
  EXPECT_EQ(init::apply(*model, "*.bias", [](rt::HostTensor &t, Generator &) { init::ones(t); }),
            2);
  model->initialize(0);
  plain->initialize(0);
  std::vector<Parameter *> ps = model->parameters(), qs = plain->parameters();
  // Ones draws nothing, so the weights still get the same numbers.
  for (size_t i : {0, 2})
    EXPECT_EQ(0, std::memcmp(ps[i]->value.data(), qs[i]->value.data(), ps[i]->value.sizeInBytes()));
  for (size_t i : {1, 3}) EXPECT_EQ(stats(ps[i]->value).min, 1.0);

  EXPECT_EQ(init::apply(*model, "3.weight",
                        [](rt::HostTensor &t, Generator &g) { init::kaimingNormal(t, g, 0, "fan_in", "relu"); }),
            1);
  model->initialize(0);
  EXPECT_EQ(0, std::memcmp(ps[0]->value.data(), qs[0]->value.data(), ps[0]->value.sizeInBytes()));
  Stats s = stats(ps[2]->value);
  EXPECT_NEAR(s.std, std::sqrt(2.0 / 256), 0.1 * std::sqrt(2.0 / 256)); // 2560 draws
  EXPECT_LT(s.min, -std::sqrt(6.0 / (256 + 10)));                       // not Xavier's uniform

  try {
    init::apply(*model, "*.gamma", [](rt::HostTensor &, Generator &) {});
    ADD_FAILURE() << "no error";
  } catch (const Error &e) {
    EXPECT_NE(std::string(e.what()).find("no parameter matches '*.gamma'; the parameters are: "
                                         "1.weight, 1.bias, 3.weight, 3.bias"),
              std::string::npos)
        << e.what();
  }
}

TEST(Init, PatternMatching) {
  EXPECT_TRUE(init::matchesPattern("*", "0.weight"));
  EXPECT_TRUE(init::matchesPattern("*.weight", "encoder.layers.0.weight"));
  EXPECT_TRUE(init::matchesPattern("0.*", "0.bias"));
  EXPECT_TRUE(init::matchesPattern("*layers*weight", "encoder.layers.0.weight"));
  EXPECT_FALSE(init::matchesPattern("*.weight", "0.weight_ih"));
  EXPECT_FALSE(init::matchesPattern("0.*", "10.bias"));
  EXPECT_FALSE(init::matchesPattern("3.bias", "13.bias"));
  EXPECT_TRUE(init::matchesPattern("3.bias", "3.bias"));
}

void expectError(const std::function<void()> &f, const std::string &fragment) {
  try {
    f();
    ADD_FAILURE() << "no error; expected: " << fragment;
  } catch (const Error &e) {
    EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
  }
}

TEST(Init, BadArgumentsAreClearErrors) {
  Generator rng(0);
  rt::HostTensor v({4}), w({3, 2}), ints({3, 2}, rt::DType::I32);
  expectError([] { init::calculateGain("tanhh"); }, "unsupported nonlinearity 'tanhh'");
  expectError([] { init::calculateGain("leaky_relu", NAN); }, "negative_slope nan not a valid");
  expectError([&] { init::xavierUniform(v, rng); },
              "fewer than 2 dimensions, got shape [4]");
  expectError([&] { init::kaimingNormal(w, rng, 0, "fan_avg"); },
              "mode 'fan_avg' not supported, please use one of fan_in, fan_out");
  expectError([&] { init::normal(ints, rng); },
              "nn::init::normal: expects a floating-point tensor (f32, f64, bf16), got i32[3, 2]");
  expectError([&] { init::uniform(w, rng, 1, 0); }, "expects finite a <= b, got a=1, b=0");
  expectError([&] { init::normal(w, rng, 0, -1); }, "std >= 0, got mean=0, std=-1");
  expectError([] { init::calculateFanInAndFanOut({2, 3, int64_t(1) << 62, 4}); }, "overflows");
  Linear custom(LinearOptions(2, 3).init(Init::Custom));
  expectError([&] { custom.initialize(0); }, "Init::Custom without an initFn");
}

} // namespace
} // namespace dlc::test
