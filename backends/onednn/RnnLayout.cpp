//===- RnnLayout.cpp - PyTorch <-> oneDNN recurrent parameter layouts -----===//
#include "backends/onednn/RnnLayout.h"

#include <cstring>

namespace dlc::rt::onednn {

void permuteGruGates(const RnnShape &s, int64_t inputs, const float *src, float *dst,
                     bool toOneDNN) {
  const int64_t G = s.gates(), block = s.H * inputs;
  for (int64_t d = 0; d < s.D; ++d)
    for (int64_t g = 0; g < G; ++g) {
      int64_t from = toOneDNN ? torchGate(s.cell, g) : g;
      int64_t to = toOneDNN ? g : torchGate(s.cell, g);
      std::memcpy(dst + (d * G + to) * block, src + (d * G + from) * block,
                  sizeof(float) * static_cast<size_t>(block));
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
