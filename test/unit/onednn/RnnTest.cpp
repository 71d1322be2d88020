//===- RnnTest.cpp - oneDNN recurrent kernels vs PyTorch's equations ------===//
//
// rnn_fwd/rnn_bwd (tanh, relu, gru) and lstm_fwd/lstm_bwd on one layer, one
// or two directions, against RnnReference.h: a naive double forward and
// central-difference gradients of sum(y*dy) + sum(hn*dhn) + sum(cn*dcn).
// Also: outputs are overwritten (never accumulated), inference and training
// forwards agree, bad arguments land in the error slot with zeroed outputs.
//
//===----------------------------------------------------------------------===//
#include "backends/onednn/Kernels.h"
#include "runtime/abi/RnnWorkspace.h"
#include "test/unit/onednn/RnnReference.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <thread>

using namespace dlc::rt::test;
using dlc::rt::MemRefDesc;

namespace {

/// A dense float buffer and its rank-N descriptor.
template <int N>
struct Buf {
  std::vector<int64_t> shape;
  std::vector<float> data;

  Buf(std::vector<int64_t> s, float fill = 42.0f) : shape(std::move(s)) {
    int64_t n = 1;
    for (int64_t v : shape) n *= v;
    data.assign(size_t(n), fill);
  }
  Buf(std::vector<int64_t> s, const std::vector<double> &values) : Buf(std::move(s)) {
    std::copy(values.begin(), values.end(), data.begin());
  }
  MemRefDesc<float, N> desc() {
    MemRefDesc<float, N> d{data.data(), data.data(), 0, {}, {}};
    int64_t stride = 1;
    for (int i = N - 1; i >= 0; --i) {
      d.sizes[i] = shape[size_t(i)];
      d.strides[i] = stride;
      stride *= shape[size_t(i)];
    }
    return d;
  }
};
using B3 = Buf<3>;
using B2 = Buf<2>;

struct Workspace {
  std::vector<int8_t> bytes;
  explicit Workspace(int64_t n) : bytes(size_t(std::max<int64_t>(n, 1)), int8_t(7)) {}
  MemRefDesc<int8_t, 1> desc() {
    return {bytes.data(), bytes.data(), 0, {int64_t(bytes.size())}, {1}};
  }
};

/// Every element of `got` within 1e-5 relative (absolute below 1) of `want`.
void expectNear(const std::vector<float> &got, const std::vector<double> &want,
                const std::string &what, double tol = 1e-5) {
  ASSERT_EQ(got.size(), want.size()) << what;
  size_t bad = 0;
  for (size_t i = 0; i < got.size(); ++i)
    if (!(std::fabs(got[i] - want[i]) <= tol * std::max(1.0, std::fabs(want[i]))) &&
        ++bad <= 5)
      ADD_FAILURE() << what << "[" << i << "]: got " << got[i] << ", expected " << want[i];
  EXPECT_EQ(bad, 0u) << what << ": mismatches out of " << got.size();
}

/// The layer's tensors as kernel buffers.
struct Layer {
  const RnnCase &c;
  B3 x, h0, c0, wIh, wHh;
  B2 bIh, bHh;

  explicit Layer(const RnnCase &rc)
      : c(rc), x({rc.T, rc.B, rc.F}, rc.x), h0({rc.D, rc.B, rc.H}, rc.h0),
        c0({rc.D, rc.B, rc.H}, rc.cell == 3 ? rc.c0 : std::vector<double>()),
        wIh({rc.D, rc.gates() * rc.H, rc.F}, rc.wIh),
        wHh({rc.D, rc.gates() * rc.H, rc.H}, rc.wHh), bIh({rc.D, rc.gates() * rc.H}, rc.bIh),
        bHh({rc.D, rc.gates() * rc.H}, rc.bHh) {}

  B3 ySeq() const { return B3({c.T, c.B, c.D * c.H}); }
  B3 state() const { return B3({c.D, c.B, c.H}); }
  int64_t wsBytes() const {
    return dlc::rt::rnnWorkspaceBytes(c.cell, c.T, c.B, c.F, c.H, c.D);
  }
};

struct Forward {
  B3 y, hn, cn;
  Workspace ws;
};

Forward runForward(Layer &l, int64_t training) {
  Forward f{l.ySeq(), l.state(), l.state(), Workspace(training ? l.wsBytes() : 1)};
  auto x = l.x.desc(), h0 = l.h0.desc(), c0 = l.c0.desc(), wi = l.wIh.desc(),
       wh = l.wHh.desc();
  auto bi = l.bIh.desc(), bh = l.bHh.desc();
  auto y = f.y.desc(), hn = f.hn.desc(), cn = f.cn.desc();
  auto ws = f.ws.desc();
  if (l.c.cell == 3)
    _mlir_ciface_dlc_rt_lstm_fwd(&x, &h0, &c0, &wi, &wh, &bi, &bh, &y, &hn, &cn, &ws, training);
  else
    _mlir_ciface_dlc_rt_rnn_fwd(&x, &h0, &wi, &wh, &bi, &bh, &y, &hn, &ws, l.c.cell, training);
  return f;
}

struct Backward {
  B3 dx, dh0, dc0, dwIh, dwHh;
  B2 dbIh, dbHh;
};

void runBackward(Layer &l, Forward &f, B3 &dy, B3 &dhn, B3 &dcn, Backward &g) {
  auto x = l.x.desc(), h0 = l.h0.desc(), c0 = l.c0.desc(), wi = l.wIh.desc(),
       wh = l.wHh.desc();
  auto bi = l.bIh.desc(), bh = l.bHh.desc();
  auto y = f.y.desc(), hn = f.hn.desc(), cn = f.cn.desc();
  auto ws = f.ws.desc();
  auto dyd = dy.desc(), dhnd = dhn.desc(), dcnd = dcn.desc();
  auto dx = g.dx.desc(), dh0 = g.dh0.desc(), dc0 = g.dc0.desc(), dwi = g.dwIh.desc(),
       dwh = g.dwHh.desc();
  auto dbi = g.dbIh.desc(), dbh = g.dbHh.desc();
  if (l.c.cell == 3)
    _mlir_ciface_dlc_rt_lstm_bwd(&x, &h0, &c0, &wi, &wh, &bi, &bh, &y, &hn, &cn, &ws, &dyd,
                                 &dhnd, &dcnd, &dx, &dh0, &dc0, &dwi, &dwh, &dbi, &dbh);
  else
    _mlir_ciface_dlc_rt_rnn_bwd(&x, &h0, &wi, &wh, &bi, &bh, &y, &hn, &ws, &dyd, &dhnd, &dx,
                                &dh0, &dwi, &dwh, &dbi, &dbh, l.c.cell);
}

struct Shape {
  const char *name;
  int64_t T, B, F, H, D;
};

struct RnnParam {
  int64_t cell;
  Shape shape;
};

const char *cellName(int64_t cell) {
  static const char *names[] = {"Tanh", "Relu", "Gru", "Lstm"};
  return names[cell];
}

class RnnTest : public ::testing::TestWithParam<RnnParam> {
protected:
  void SetUp() override {
    dlc_rt_clear_error();
    const RnnParam &p = GetParam();
    c = RnnCase{p.cell, p.shape.T, p.shape.B, p.shape.F, p.shape.H, p.shape.D,
                {}, {}, {}, {}, {}, {}, {}};
    c.randomize(unsigned(100 + p.cell * 7 + p.shape.T * 3 + p.shape.D));
  }
  void TearDown() override { EXPECT_EQ(dlc_rt_last_error(), nullptr) << dlc_rt_last_error(); }
  RnnCase c;
};

TEST_P(RnnTest, ForwardMatchesReference) {
  RnnResult want = refRnnForward(c);
  Layer l(c);
  for (int64_t training : {0, 1}) {
    Forward f = runForward(l, training);
    std::string tag = training ? " (training)" : " (inference)";
    expectNear(f.y.data, want.y, "y" + tag);
    expectNear(f.hn.data, want.hn, "hn" + tag);
    if (c.cell == 3) expectNear(f.cn.data, want.cn, "cn" + tag);
  }
}

/// Indices checked by finite differences: all of a small tensor, else an
/// evenly spread sample of 32 including both ends.
std::vector<size_t> sample(size_t n) {
  std::vector<size_t> idx;
  if (n <= 64) {
    for (size_t i = 0; i < n; ++i) idx.push_back(i);
    return idx;
  }
  for (size_t k = 0; k < 32; ++k) idx.push_back(k * (n - 1) / 31);
  return idx;
}

void expectGradient(const RnnCase &c, const RnnCotangents &ct,
                    std::vector<double> RnnCase::*member, const std::vector<float> &got,
                    const std::string &what) {
  std::vector<size_t> idx = sample(got.size());
  std::vector<double> want = refGradient(c, ct, member, idx);
  std::vector<float> picked;
  for (size_t i : idx) picked.push_back(got[i]);
  expectNear(picked, want, what);
}

TEST_P(RnnTest, BackwardMatchesFiniteDifferences) {
  Layer l(c);
  Forward f = runForward(l, 1);
  std::mt19937 gen(5);
  std::uniform_real_distribution<double> u(-1, 1);
  RnnCotangents ct;
  for (auto *v : {&ct.dy, &ct.dhn})
    v->resize(v == &ct.dy ? size_t(c.T * c.B * c.D * c.H) : size_t(c.D * c.B * c.H));
  ct.dcn.resize(c.cell == 3 ? size_t(c.D * c.B * c.H) : 0);
  for (auto *v : {&ct.dy, &ct.dhn, &ct.dcn})
    for (double &e : *v) e = u(gen);
  B3 dy({c.T, c.B, c.D * c.H}, ct.dy), dhn({c.D, c.B, c.H}, ct.dhn),
      dcn({c.D, c.B, c.H}, c.cell == 3 ? ct.dcn : std::vector<double>());
  const int64_t GH = c.gates() * c.H;
  // Twice into the same buffers: outputs are overwritten, not accumulated.
  Backward g{l.x, l.h0, l.c0, l.wIh, l.wHh, l.bIh, l.bHh};
  runBackward(l, f, dy, dhn, dcn, g);
  runBackward(l, f, dy, dhn, dcn, g);
  ASSERT_EQ(g.dwIh.shape, (std::vector<int64_t>{c.D, GH, c.F}));
  expectGradient(c, ct, &RnnCase::x, g.dx.data, "dx");
  expectGradient(c, ct, &RnnCase::h0, g.dh0.data, "dh0");
  if (c.cell == 3) expectGradient(c, ct, &RnnCase::c0, g.dc0.data, "dc0");
  expectGradient(c, ct, &RnnCase::wIh, g.dwIh.data, "dw_ih");
  expectGradient(c, ct, &RnnCase::wHh, g.dwHh.data, "dw_hh");
  expectGradient(c, ct, &RnnCase::bIh, g.dbIh.data, "db_ih");
  expectGradient(c, ct, &RnnCase::bHh, g.dbHh.data, "db_hh");
}

// {name, T, B, F, H, D}: T = 1, B = 1, F != H, F < H and F > H, both directions.
const Shape kShapes[] = {
    {"T1B1F3H4", 1, 1, 3, 4, 1},    {"T1B2F5H3Bi", 1, 2, 5, 3, 2},
    {"T5B3F4H6", 5, 3, 4, 6, 1},    {"T5B3F4H6Bi", 5, 3, 4, 6, 2},
    {"T7B1F6H2Bi", 7, 1, 6, 2, 2},  {"T10B4F10H12Bi", 10, 4, 10, 12, 2},
    {"T9B4F16H16", 9, 4, 16, 16, 1},
};

std::vector<RnnParam> allParams() {
  std::vector<RnnParam> ps;
  for (int64_t cell = 0; cell < 4; ++cell)
    for (const Shape &s : kShapes) ps.push_back({cell, s});
  return ps;
}

INSTANTIATE_TEST_SUITE_P(Cells, RnnTest, ::testing::ValuesIn(allParams()),
                         [](const ::testing::TestParamInfo<RnnParam> &info) {
                           return std::string(cellName(info.param.cell)) +
                                  info.param.shape.name;
                         });

// --- caching and threads -----------------------------------------------------

TEST(RnnCache, RepeatedCallsReuseTheirPrimitives) {
  dlc_rt_clear_error();
  RnnCase c{2, 4, 3, 5, 6, 2, {}, {}, {}, {}, {}, {}, {}};
  c.randomize(21);
  Layer l(c);
  Forward f = runForward(l, 1);
  B3 dy = l.ySeq(), dhn = l.state(), dcn = l.state();
  Backward g{l.x, l.h0, l.c0, l.wIh, l.wHh, l.bIh, l.bHh};
  runBackward(l, f, dy, dhn, dcn, g);
  size_t before = dlc_rt_onednn_cache_size();
  Forward f2 = runForward(l, 1);
  runBackward(l, f2, dy, dhn, dcn, g);
  EXPECT_EQ(dlc_rt_onednn_cache_size(), before);
  EXPECT_EQ(f2.y.data, f.y.data);
  EXPECT_EQ(dlc_rt_last_error(), nullptr) << dlc_rt_last_error();
}

/// Cached primitives run concurrently from several threads (each with its
/// own scratch) and give every thread the single-threaded answer.
TEST(RnnCache, ConcurrentCallsAgree) {
  dlc_rt_clear_error();
  RnnCase c{3, 6, 4, 5, 7, 2, {}, {}, {}, {}, {}, {}, {}};
  c.randomize(22);
  RnnResult want = refRnnForward(c);
  std::vector<int> failures(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      Layer l(c);
      for (int i = 0; i < 5; ++i) {
        Forward f = runForward(l, i % 2);
        for (size_t k = 0; k < want.y.size(); ++k)
          if (std::fabs(f.y.data[k] - want.y[k]) > 1e-5 * std::max(1.0, std::fabs(want.y[k])))
            ++failures[size_t(t)];
      }
    });
  for (auto &th : threads) th.join();
  EXPECT_EQ(failures, std::vector<int>(4, 0));
  EXPECT_EQ(dlc_rt_last_error(), nullptr) << dlc_rt_last_error();
}

// --- bad arguments -----------------------------------------------------------

struct RnnErrors : ::testing::Test {
  void SetUp() override { dlc_rt_clear_error(); }
  void TearDown() override { dlc_rt_clear_error(); }
  std::string error() const {
    const char *e = dlc_rt_last_error();
    return e ? e : "";
  }
  static bool allZero(const std::vector<float> &v) {
    return std::all_of(v.begin(), v.end(), [](float e) { return e == 0.0f; });
  }
};

RnnCase smallCase(int64_t cell) {
  RnnCase c{cell, 3, 2, 4, 5, 1, {}, {}, {}, {}, {}, {}, {}};
  c.randomize(3);
  return c;
}

TEST_F(RnnErrors, WrongWeightShapeNamesTheArgument) {
  RnnCase c = smallCase(2);
  Layer l(c);
  l.wHh = B3({1, 15, 4}); // H is 5: (1, 15, 5) expected
  Forward f = runForward(l, 0);
  EXPECT_NE(error().find("w_hh must be (D,G*H,H) = (1,15,5)"), std::string::npos) << error();
  EXPECT_NE(error().find("dlc_rt_rnn_fwd"), std::string::npos) << error();
  EXPECT_TRUE(allZero(f.y.data));
  EXPECT_TRUE(allZero(f.hn.data));
}

TEST_F(RnnErrors, BadCellIsRejected) {
  RnnCase c = smallCase(0);
  Layer l(c);
  B3 y = l.ySeq(), hn = l.state();
  Workspace ws(1);
  auto x = l.x.desc(), h0 = l.h0.desc(), wi = l.wIh.desc(), wh = l.wHh.desc();
  auto bi = l.bIh.desc(), bh = l.bHh.desc();
  auto yd = y.desc(), hnd = hn.desc();
  auto wsd = ws.desc();
  _mlir_ciface_dlc_rt_rnn_fwd(&x, &h0, &wi, &wh, &bi, &bh, &yd, &hnd, &wsd, 3, 0);
  EXPECT_NE(error().find("cell 3 is not 0 (tanh), 1 (relu) or 2 (gru)"), std::string::npos)
      << error();
  EXPECT_TRUE(allZero(y.data));
}

TEST_F(RnnErrors, SmallWorkspaceIsRejected) {
  RnnCase c = smallCase(3);
  Layer l(c);
  Forward f{l.ySeq(), l.state(), l.state(), Workspace(16)};
  auto x = l.x.desc(), h0 = l.h0.desc(), c0 = l.c0.desc(), wi = l.wIh.desc(),
       wh = l.wHh.desc();
  auto bi = l.bIh.desc(), bh = l.bHh.desc();
  auto y = f.y.desc(), hn = f.hn.desc(), cn = f.cn.desc();
  auto ws = f.ws.desc();
  _mlir_ciface_dlc_rt_lstm_fwd(&x, &h0, &c0, &wi, &wh, &bi, &bh, &y, &hn, &cn, &ws, 1);
  EXPECT_NE(error().find("workspace has 16 bytes but oneDNN needs"), std::string::npos)
      << error();
  EXPECT_TRUE(allZero(f.cn.data));
}

TEST_F(RnnErrors, ThreeDirectionsAreRejected) {
  RnnCase c = smallCase(0);
  c.D = 3;
  c.randomize(4);
  Layer l(c);
  Forward f = runForward(l, 0);
  EXPECT_NE(error().find("must have D = 1 or 2 directions"), std::string::npos) << error();
}

TEST_F(RnnErrors, BackwardChecksItsGradientShapes) {
  RnnCase c = smallCase(1);
  Layer l(c);
  Forward f = runForward(l, 1);
  ASSERT_EQ(error(), "");
  B3 dy = l.ySeq(), dhn = l.state(), dcn = l.state();
  Backward g{l.x, l.h0, l.c0, l.wIh, B3({1, 5, 4}), l.bIh, l.bHh};
  runBackward(l, f, dy, dhn, dcn, g);
  EXPECT_NE(error().find("dw_hh must be (D,G*H,H) = (1,5,5)"), std::string::npos) << error();
  EXPECT_TRUE(allZero(g.dx.data));
  EXPECT_TRUE(allZero(g.dwIh.data));
}

} // namespace
