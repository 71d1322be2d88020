//===- rnn_kernels.cpp - time the recurrent kernels at W3's shapes ---------===//
//
// W3 (docs/benchmarks.md): seq 35, batch 32, input 256, hidden 256.
//   lstm2:   2-layer LSTM (two lstm_fwd calls; the backward two lstm_bwd)
//   gru1:    1-layer GRU (rnn_fwd/rnn_bwd, cell 2)
//   bilstm1: 1-layer bidirectional LSTM (D = 2)
// each as "_fwd" (the training forward, writing the workspace), "_fwd_infer"
// (inference forward) and "_fwd_bwd" (training forward, then backward given
// dy and zero dhn/dcn: what one training step of the layer costs). The
// layer-to-layer dropout of a stacked layer is not part of it (p = 0).
// bench/torch_rnn.py times nn.LSTM/nn.GRU the same way; bench/run.sh rnn
// runs both on the same threads.
//
// Output: one JSON line per workload: name, dlc_ms (median of --iters after
// 3 warm-ups), dlc_min_ms, dlc_max_ms.
// Usage: dlc-bench-rnn [--iters N]
//
//===----------------------------------------------------------------------===//
#include "backends/onednn/Kernels.h"
#include "runtime/abi/RnnWorkspace.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <memory>
#include <random>
#include <string>
#include <vector>

using dlc::rt::MemRefDesc;

namespace {

int iters = 20;
constexpr int64_t kT = 35, kB = 32, kF = 256, kH = 256;

/// An owned dense tensor of rank N (uniform in [-scale, scale)).
template <typename T, int N>
struct Buf {
  std::vector<T> data;
  MemRefDesc<T, N> desc{};
  Buf(std::vector<int64_t> shape, float scale = 0.0f) {
    int64_t n = 1;
    for (int64_t s : shape) n *= s;
    data.assign(size_t(n), T(0));
    if (scale != 0.0f) {
      std::mt19937 gen(static_cast<unsigned>(n));
      std::uniform_real_distribution<float> u(-scale, scale);
      for (T &v : data) v = T(u(gen));
    }
    desc.allocated = desc.aligned = data.data();
    int64_t stride = 1;
    for (int i = N - 1; i >= 0; --i) {
      desc.sizes[i] = shape[size_t(i)];
      desc.strides[i] = stride;
      stride *= shape[size_t(i)];
    }
  }
};
using F3 = Buf<float, 3>;
using F2 = Buf<float, 2>;
using Ws = Buf<int8_t, 1>;

/// One layer's operands, results and gradients.
struct Layer {
  int64_t cell, F, D, G;
  F3 x, h0, c0, wIh, wHh;
  F2 bIh, bHh;
  F3 y, hn, cn;
  Ws ws;
  F3 dy, dhn, dcn, dx, dh0, dc0, dwIh, dwHh;
  F2 dbIh, dbHh;

  Layer(int64_t cell, int64_t F, int64_t D)
      : cell(cell), F(F), D(D), G(cell == 3 ? 4 : cell == 2 ? 3 : 1), x({kT, kB, F}, 1),
        h0({D, kB, kH}, 1), c0({D, kB, kH}, 1), wIh({D, G * kH, F}, 0.0625f),
        wHh({D, G * kH, kH}, 0.0625f), bIh({D, G * kH}, 0.0625f), bHh({D, G * kH}, 0.0625f),
        y({kT, kB, D * kH}), hn({D, kB, kH}), cn({D, kB, kH}),
        ws({std::max<int64_t>(1, dlc::rt::rnnWorkspaceBytes(cell, kT, kB, F, kH, D))}),
        dy({kT, kB, D * kH}, 1), dhn({D, kB, kH}), dcn({D, kB, kH}), dx({kT, kB, F}),
        dh0({D, kB, kH}), dc0({D, kB, kH}), dwIh({D, G * kH, F}), dwHh({D, G * kH, kH}),
        dbIh({D, G * kH}), dbHh({D, G * kH}) {}

  void forward(int64_t training) {
    if (cell == 3)
      _mlir_ciface_dlc_rt_lstm_fwd(&x.desc, &h0.desc, &c0.desc, &wIh.desc, &wHh.desc,
                                   &bIh.desc, &bHh.desc, &y.desc, &hn.desc, &cn.desc, &ws.desc,
                                   training);
    else
      _mlir_ciface_dlc_rt_rnn_fwd(&x.desc, &h0.desc, &wIh.desc, &wHh.desc, &bIh.desc,
                                  &bHh.desc, &y.desc, &hn.desc, &ws.desc, cell, training);
  }
  void backward() {
    if (cell == 3)
      _mlir_ciface_dlc_rt_lstm_bwd(&x.desc, &h0.desc, &c0.desc, &wIh.desc, &wHh.desc,
                                   &bIh.desc, &bHh.desc, &y.desc, &hn.desc, &cn.desc, &ws.desc,
                                   &dy.desc, &dhn.desc, &dcn.desc, &dx.desc, &dh0.desc,
                                   &dc0.desc, &dwIh.desc, &dwHh.desc, &dbIh.desc, &dbHh.desc);
    else
      _mlir_ciface_dlc_rt_rnn_bwd(&x.desc, &h0.desc, &wIh.desc, &wHh.desc, &bIh.desc,
                                  &bHh.desc, &y.desc, &hn.desc, &ws.desc, &dy.desc, &dhn.desc,
                                  &dx.desc, &dh0.desc, &dwIh.desc, &dwHh.desc, &dbIh.desc,
                                  &dbHh.desc, cell);
  }
};

/// A stack of layers: layer l + 1 reads layer l's y; the backward feeds
/// layer l + 1's dx into layer l's dy.
struct Stack {
  std::vector<std::unique_ptr<Layer>> layers;
  Stack(int64_t cell, int64_t numLayers, int64_t D) {
    for (int64_t l = 0; l < numLayers; ++l)
      layers.push_back(std::make_unique<Layer>(cell, l == 0 ? kF : D * kH, D));
    for (size_t l = 1; l < layers.size(); ++l) {
      layers[l]->x.desc = layers[l - 1]->y.desc;
      layers[l - 1]->dy.desc = layers[l]->dx.desc;
    }
  }
  void forward(int64_t training) {
    for (auto &l : layers) l->forward(training);
  }
  void backward() {
    for (size_t l = layers.size(); l-- > 0;) layers[l]->backward();
  }
};

double medianMs(const std::function<void()> &fn, double &lo, double &hi) {
  for (int i = 0; i < 3; ++i) fn();
  std::vector<double> ms;
  for (int i = 0; i < iters; ++i) {
    auto t0 = std::chrono::steady_clock::now();
    fn();
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                     .count());
  }
  std::sort(ms.begin(), ms.end());
  lo = ms.front();
  hi = ms.back();
  return ms[ms.size() / 2];
}

void report(const std::string &name, const std::function<void()> &fn) {
  double lo, hi;
  double med = medianMs(fn, lo, hi);
  if (const char *e = dlc_rt_last_error()) {
    fmt::print(stderr, "dlc-bench-rnn: {} failed: {}\n", name, e);
    std::exit(1);
  }
  fmt::print("{{\"name\": \"{}\", \"dlc_ms\": {:.4f}, \"dlc_min_ms\": {:.4f}, "
             "\"dlc_max_ms\": {:.4f}}}\n",
             name, med, lo, hi);
  std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv) {
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--iters") && i + 1 < argc) {
      iters = std::max(1, std::atoi(argv[++i]));
    } else {
      fmt::print(stderr, "usage: {} [--iters N]\n", argv[0]);
      return 2;
    }
  }
  struct W3 {
    const char *name;
    int64_t cell, layers, D;
  } workloads[] = {{"W3_lstm2", 3, 2, 1}, {"W3_gru1", 2, 1, 1}, {"W3_bilstm1", 3, 1, 2}};
  for (const W3 &w : workloads) {
    Stack s(w.cell, w.layers, w.D);
    report(std::string(w.name) + "_fwd_infer", [&] { s.forward(0); });
    report(std::string(w.name) + "_fwd", [&] { s.forward(1); });
    report(std::string(w.name) + "_fwd_bwd", [&] {
      s.forward(1);
      s.backward();
    });
  }
  return 0;
}
