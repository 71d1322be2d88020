//===- RnnFixtureTest.cpp - recurrent kernels vs PyTorch's nn.RNN/GRU/LSTM ===//
//
// test/fixtures/make_rnn_kernel_fixtures.py ran one bidirectional layer of
// nn.RNN (tanh, relu), nn.GRU and nn.LSTM in float64 and saved its inputs,
// parameters (state_dict keys), outputs and every gradient. Here the
// parameters are stacked as the kernels take them (direction 1 = the
// `_reverse` ones), the training forward and the backward run, and all
// results must match PyTorch within 1e-5 relative.
//
//===----------------------------------------------------------------------===//
#include "backends/onednn/Kernels.h"
#include "runtime/abi/RnnWorkspace.h"
#include "runtime/io/Npy.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

using dlc::rt::MemRefDesc;

namespace {

/// A float tensor from the fixtures, or several stacked along a new dim 0.
struct Arr {
  std::vector<int64_t> shape;
  std::vector<float> data;

  static Arr load(const std::string &cell, const std::string &name) {
    dlc::rt::HostTensor t =
        dlc::rt::readNpy(std::string(DLC_RNN_FIXTURES) + "/" + cell + "/" + name + ".npy");
    Arr a{t.shape(), {}};
    int64_t n = 1;
    for (int64_t s : a.shape) n *= s;
    a.data.assign(t.f32(), t.f32() + n);
    return a;
  }
  /// The forward and `_reverse` parameter stacked: (2, ...).
  static Arr both(const std::string &cell, const std::string &name) {
    Arr f = load(cell, name), r = load(cell, name + "_reverse");
    Arr a{f.shape, f.data};
    a.shape.insert(a.shape.begin(), 2);
    a.data.insert(a.data.end(), r.data.begin(), r.data.end());
    return a;
  }
  static Arr zeros(std::vector<int64_t> shape) {
    int64_t n = 1;
    for (int64_t s : shape) n *= s;
    return {std::move(shape), std::vector<float>(size_t(n), 42.0f)};
  }
  template <int N>
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
  /// The first or second half of dim 0 (a stacked parameter's direction).
  std::vector<float> half(int which) const {
    size_t n = data.size() / 2;
    return {data.begin() + long(which * n), data.begin() + long((which + 1) * n)};
  }
};

void expectMatches(const std::vector<float> &got, const std::vector<float> &want,
                   const std::string &what) {
  ASSERT_EQ(got.size(), want.size()) << what;
  size_t bad = 0;
  for (size_t i = 0; i < got.size(); ++i)
    if (!(std::fabs(got[i] - want[i]) <= 1e-5 * std::max(1.0f, std::fabs(want[i]))) &&
        ++bad <= 5)
      ADD_FAILURE() << what << "[" << i << "]: got " << got[i] << ", PyTorch " << want[i];
  EXPECT_EQ(bad, 0u) << what << ": mismatches out of " << got.size();
}

class RnnFixture : public ::testing::TestWithParam<const char *> {};

TEST_P(RnnFixture, MatchesPyTorch) {
  dlc_rt_clear_error();
  const std::string cell = GetParam();
  const bool lstm = cell == "lstm";
  const int64_t code = cell == "rnn_tanh" ? 0 : cell == "rnn_relu" ? 1 : cell == "gru" ? 2 : 3;
  Arr x = Arr::load(cell, "x"), h0 = Arr::load(cell, "h0");
  Arr c0 = lstm ? Arr::load(cell, "c0") : h0;
  Arr wIh = Arr::both(cell, "weight_ih_l0"), wHh = Arr::both(cell, "weight_hh_l0");
  Arr bIh = Arr::both(cell, "bias_ih_l0"), bHh = Arr::both(cell, "bias_hh_l0");
  Arr dy = Arr::load(cell, "dy"), dhn = Arr::load(cell, "dhn");
  Arr dcn = lstm ? Arr::load(cell, "dcn") : dhn;
  const int64_t T = x.shape[0], B = x.shape[1], F = x.shape[2], H = h0.shape[2];
  Arr y = Arr::zeros({T, B, 2 * H}), hn = Arr::zeros({2, B, H}), cn = Arr::zeros({2, B, H});
  std::vector<int8_t> wsBytes(size_t(dlc::rt::rnnWorkspaceBytes(code, T, B, F, H, 2)));
  MemRefDesc<int8_t, 1> ws{wsBytes.data(), wsBytes.data(), 0, {int64_t(wsBytes.size())}, {1}};

  auto xd = x.desc<3>(), h0d = h0.desc<3>(), c0d = c0.desc<3>(), wid = wIh.desc<3>(),
       whd = wHh.desc<3>();
  auto bid = bIh.desc<2>(), bhd = bHh.desc<2>();
  auto yd = y.desc<3>(), hnd = hn.desc<3>(), cnd = cn.desc<3>();
  if (lstm)
    _mlir_ciface_dlc_rt_lstm_fwd(&xd, &h0d, &c0d, &wid, &whd, &bid, &bhd, &yd, &hnd, &cnd, &ws,
                                 1);
  else
    _mlir_ciface_dlc_rt_rnn_fwd(&xd, &h0d, &wid, &whd, &bid, &bhd, &yd, &hnd, &ws, code, 1);
  ASSERT_EQ(dlc_rt_last_error(), nullptr) << dlc_rt_last_error();
  expectMatches(y.data, Arr::load(cell, "y").data, cell + " y");
  expectMatches(hn.data, Arr::load(cell, "hn").data, cell + " hn");
  if (lstm) expectMatches(cn.data, Arr::load(cell, "cn").data, cell + " cn");

  Arr dx = Arr::zeros(x.shape), dh0 = Arr::zeros(h0.shape), dc0 = Arr::zeros(h0.shape);
  Arr dwIh = Arr::zeros(wIh.shape), dwHh = Arr::zeros(wHh.shape);
  Arr dbIh = Arr::zeros(bIh.shape), dbHh = Arr::zeros(bHh.shape);
  auto dyd = dy.desc<3>(), dhnd = dhn.desc<3>(), dcnd = dcn.desc<3>();
  auto dxd = dx.desc<3>(), dh0d = dh0.desc<3>(), dc0d = dc0.desc<3>(),
       dwid = dwIh.desc<3>(), dwhd = dwHh.desc<3>();
  auto dbid = dbIh.desc<2>(), dbhd = dbHh.desc<2>();
  if (lstm)
    _mlir_ciface_dlc_rt_lstm_bwd(&xd, &h0d, &c0d, &wid, &whd, &bid, &bhd, &yd, &hnd, &cnd, &ws,
                                 &dyd, &dhnd, &dcnd, &dxd, &dh0d, &dc0d, &dwid, &dwhd, &dbid,
                                 &dbhd);
  else
    _mlir_ciface_dlc_rt_rnn_bwd(&xd, &h0d, &wid, &whd, &bid, &bhd, &yd, &hnd, &ws, &dyd, &dhnd,
                                &dxd, &dh0d, &dwid, &dwhd, &dbid, &dbhd, code);
  ASSERT_EQ(dlc_rt_last_error(), nullptr) << dlc_rt_last_error();
  expectMatches(dx.data, Arr::load(cell, "grad.x").data, cell + " grad.x");
  expectMatches(dh0.data, Arr::load(cell, "grad.h0").data, cell + " grad.h0");
  if (lstm) expectMatches(dc0.data, Arr::load(cell, "grad.c0").data, cell + " grad.c0");
  const std::pair<const char *, const Arr *> params[] = {
      {"weight_ih_l0", &dwIh}, {"weight_hh_l0", &dwHh}, {"bias_ih_l0", &dbIh},
      {"bias_hh_l0", &dbHh}};
  for (const auto &[name, grad] : params)
    for (int dir = 0; dir < 2; ++dir) {
      std::string key = std::string("grad.") + name + (dir ? "_reverse" : "");
      expectMatches(grad->half(dir), Arr::load(cell, key).data, cell + " " + key);
    }
}

INSTANTIATE_TEST_SUITE_P(Cells, RnnFixture,
                         ::testing::Values("rnn_tanh", "rnn_relu", "gru", "lstm"),
                         [](const ::testing::TestParamInfo<const char *> &info) {
                           return std::string(info.param);
                         });

} // namespace
