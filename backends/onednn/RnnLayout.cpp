//===- RnnLayout.cpp - PyTorch <-> oneDNN recurrent parameter layouts -----===//
#include "backends/onednn/RnnLayout.h"

namespace dlc::rt::onednn {

void weightsToLdigo(const RnnShape &s, int64_t inputs, const float *w, float *out) {
  const int64_t G = s.gates(), H = s.H, I = inputs;
  for (int64_t d = 0; d < s.D; ++d)
    for (int64_t g = 0; g < G; ++g) {
      const float *src = w + (d * G + torchGate(s.cell, g)) * H * I;
      float *dst = out + d * I * G * H + g * H;
      for (int64_t h = 0; h < H; ++h)
        for (int64_t i = 0; i < I; ++i) dst[i * G * H + h] = src[h * I + i];
    }
}

void ldigoToWeights(const RnnShape &s, int64_t inputs, const float *ldigo, float *w) {
  const int64_t G = s.gates(), H = s.H, I = inputs;
  for (int64_t d = 0; d < s.D; ++d)
    for (int64_t g = 0; g < G; ++g) {
      float *dst = w + (d * G + torchGate(s.cell, g)) * H * I;
      const float *src = ldigo + d * I * G * H + g * H;
      for (int64_t h = 0; h < H; ++h)
        for (int64_t i = 0; i < I; ++i) dst[h * I + i] = src[i * G * H + h];
    }
}

void combineBias(const RnnShape &s, const float *bIh, const float *bHh, float *out) {
  const int64_t G = s.gates(), GB = s.biasGates(), H = s.H;
  for (int64_t d = 0; d < s.D; ++d) {
    const float *bi = bIh + d * G * H, *bh = bHh + d * G * H;
    float *o = out + d * GB * H;
    if (s.cell != 2) {
      for (int64_t k = 0; k < G * H; ++k) o[k] = bi[k] + bh[k];
      continue;
    }
    // lbr GRU: u = b_iz + b_hz, r = b_ir + b_hr, o = b_in, u' = b_hn.
    for (int64_t h = 0; h < H; ++h) {
      o[0 * H + h] = bi[1 * H + h] + bh[1 * H + h];
      o[1 * H + h] = bi[0 * H + h] + bh[0 * H + h];
      o[2 * H + h] = bi[2 * H + h];
      o[3 * H + h] = bh[2 * H + h];
    }
  }
}

void splitBiasGrad(const RnnShape &s, const float *db, float *dbIh, float *dbHh) {
  const int64_t G = s.gates(), GB = s.biasGates(), H = s.H;
  for (int64_t d = 0; d < s.D; ++d) {
    const float *g = db + d * GB * H;
    float *bi = dbIh + d * G * H, *bh = dbHh + d * G * H;
    if (s.cell != 2) {
      for (int64_t k = 0; k < G * H; ++k) bi[k] = bh[k] = g[k];
      continue;
    }
    for (int64_t h = 0; h < H; ++h) {
      bi[1 * H + h] = bh[1 * H + h] = g[0 * H + h]; // z from u
      bi[0 * H + h] = bh[0 * H + h] = g[1 * H + h]; // r
      bi[2 * H + h] = g[2 * H + h];                 // b_in from o
      bh[2 * H + h] = g[3 * H + h];                 // b_hn from u'
    }
  }
}

} // namespace dlc::rt::onednn
