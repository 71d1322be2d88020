//===- RnnReference.h - naive recurrent layer in double, PyTorch's equations ===//
//
// One layer of nn.RNN (tanh/relu), nn.GRU or nn.LSTM, one or two directions,
// written from the torch.nn documentation's equations with plain loops in
// double, in PyTorch's layouts (x (T,B,F), h0 (D,B,H), w_ih (D,G*H,F), y
// (T,B,D*H) forward half then reverse half). Gradients are central finite
// differences of a scalar loss on this forward, so the reference shares no
// code or derivation with oneDNN's backward.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

namespace dlc::rt::test {

/// One layer's sizes and values; cell 0 tanh, 1 relu, 2 gru, 3 lstm.
struct RnnCase {
  int64_t cell, T, B, F, H, D;
  std::vector<double> x, h0, c0, wIh, wHh, bIh, bHh;

  int64_t gates() const { return cell == 3 ? 4 : cell == 2 ? 3 : 1; }

  /// Fills every tensor with uniform values (parameters in PyTorch's init
  /// range 1/sqrt(H), inputs and states in [-1, 1)).
  void randomize(unsigned seed) {
    std::mt19937 gen(seed);
    const double k = 1.0 / std::sqrt(double(H));
    auto fill = [&](std::vector<double> &v, size_t n, double range) {
      std::uniform_real_distribution<double> u(-range, range);
      v.resize(n);
      for (double &e : v) e = u(gen);
    };
    const size_t GH = size_t(gates() * H);
    fill(x, size_t(T * B * F), 1.0);
    fill(h0, size_t(D * B * H), 1.0);
    fill(c0, cell == 3 ? size_t(D * B * H) : 0, 1.0);
    fill(wIh, D * GH * size_t(F), k);
    fill(wHh, D * GH * size_t(H), k);
    fill(bIh, D * GH, k);
    fill(bHh, D * GH, k);
  }
};

struct RnnResult {
  std::vector<double> y, hn, cn;
};

inline double sigmoid(double v) { return 1.0 / (1.0 + std::exp(-v)); }

inline RnnResult refRnnForward(const RnnCase &c) {
  const int64_t T = c.T, B = c.B, F = c.F, H = c.H, D = c.D, G = c.gates();
  RnnResult r;
  r.y.assign(size_t(T * B * D * H), 0.0);
  r.hn.assign(size_t(D * B * H), 0.0);
  if (c.cell == 3) r.cn.assign(size_t(D * B * H), 0.0);
  const size_t GH = static_cast<size_t>(G * H), HH = static_cast<size_t>(H);
  std::vector<double> gi(GH), gh(GH), h(HH), cs(HH), hNew(HH);
  for (int64_t d = 0; d < D; ++d) {
    const double *wi = &c.wIh[size_t(d * G * H * F)], *wh = &c.wHh[size_t(d * G * H * H)];
    const double *bi = &c.bIh[size_t(d * G * H)], *bh = &c.bHh[size_t(d * G * H)];
    for (int64_t b = 0; b < B; ++b) {
      for (int64_t j = 0; j < H; ++j) {
        h[j] = c.h0[size_t((d * B + b) * H + j)];
        if (c.cell == 3) cs[j] = c.c0[size_t((d * B + b) * H + j)];
      }
      for (int64_t step = 0; step < T; ++step) {
        const int64_t t = d == 0 ? step : T - 1 - step;
        const double *xt = &c.x[size_t((t * B + b) * F)];
        for (int64_t k = 0; k < G * H; ++k) {
          double si = bi[k], sh = bh[k];
          for (int64_t f = 0; f < F; ++f) si += wi[k * F + f] * xt[f];
          for (int64_t j = 0; j < H; ++j) sh += wh[k * H + j] * h[j];
          gi[k] = si;
          gh[k] = sh;
        }
        for (int64_t j = 0; j < H; ++j) {
          double next;
          if (c.cell == 0) {
            next = std::tanh(gi[j] + gh[j]);
          } else if (c.cell == 1) {
            next = std::max(0.0, gi[j] + gh[j]);
          } else if (c.cell == 2) { // r, z, n
            double rg = sigmoid(gi[j] + gh[j]);
            double z = sigmoid(gi[H + j] + gh[H + j]);
            double n = std::tanh(gi[2 * H + j] + rg * gh[2 * H + j]);
            next = (1 - z) * n + z * h[j];
          } else { // i, f, g, o
            double ig = sigmoid(gi[j] + gh[j]);
            double fg = sigmoid(gi[H + j] + gh[H + j]);
            double gg = std::tanh(gi[2 * H + j] + gh[2 * H + j]);
            double og = sigmoid(gi[3 * H + j] + gh[3 * H + j]);
            cs[j] = fg * cs[j] + ig * gg;
            next = og * std::tanh(cs[j]);
          }
          hNew[j] = next;
        }
        for (int64_t j = 0; j < H; ++j) {
          h[j] = hNew[j];
          r.y[size_t((t * B + b) * D * H + d * H + j)] = h[j];
        }
      }
      for (int64_t j = 0; j < H; ++j) {
        r.hn[size_t((d * B + b) * H + j)] = h[j];
        if (c.cell == 3) r.cn[size_t((d * B + b) * H + j)] = cs[j];
      }
    }
  }
  return r;
}

/// The cotangents of the outputs: the loss is sum(y*dy) + sum(hn*dhn) +
/// sum(cn*dcn).
struct RnnCotangents {
  std::vector<double> dy, dhn, dcn;
};

inline double refLoss(const RnnCase &c, const RnnCotangents &ct) {
  RnnResult r = refRnnForward(c);
  double l = 0;
  for (size_t i = 0; i < r.y.size(); ++i) l += r.y[i] * ct.dy[i];
  for (size_t i = 0; i < r.hn.size(); ++i) l += r.hn[i] * ct.dhn[i];
  for (size_t i = 0; i < r.cn.size(); ++i) l += r.cn[i] * ct.dcn[i];
  return l;
}

/// d loss / d member[i] by central differences, for the indices given.
inline std::vector<double> refGradient(RnnCase c, const RnnCotangents &ct,
                                       std::vector<double> RnnCase::*member,
                                       const std::vector<size_t> &indices) {
  const double eps = 1e-5;
  std::vector<double> g;
  for (size_t i : indices) {
    double keep = (c.*member)[i];
    (c.*member)[i] = keep + eps;
    double up = refLoss(c, ct);
    (c.*member)[i] = keep - eps;
    double down = refLoss(c, ct);
    (c.*member)[i] = keep;
    g.push_back((up - down) / (2 * eps));
  }
  return g;
}

} // namespace dlc::rt::test
