//===- RnnLayout.h - PyTorch <-> oneDNN recurrent parameter layouts -*- C++ -*-===//
//
// The recurrent kernels (Rnn.cpp) take PyTorch's parameters: w_ih (D,G*H,F),
// w_hh (D,G*H,H), b_ih and b_hh (D,G*H), gates in PyTorch's order (GRU r,z,n;
// LSTM i,f,g,o). A PyTorch weight is exactly oneDNN's ldgoi layout of dims
// (1,D,I,G,H) once its gates are in oneDNN's order, which only the GRU
// changes: u(=z),r,o(=n). oneDNN has one bias per gate (ldgo), plus
// linear-before-reset's extra u' = b_hn for the GRU. These functions convert
// the parameters in and the gradients back out.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>

namespace dlc::rt::onednn {

/// One recurrent layer's sizes: cell 0 rnn_tanh, 1 rnn_relu, 2 gru, 3 lstm;
/// sequence T, batch B, input F, hidden H, directions D (1 or 2).
struct RnnShape {
  int64_t cell, T, B, F, H, D;

  /// PyTorch's (and oneDNN's) weight gates: 1 rnn, 3 gru, 4 lstm.
  int64_t gates() const { return cell == 3 ? 4 : cell == 2 ? 3 : 1; }
  /// oneDNN's bias gates: the weight gates, plus u' for the lbr GRU.
  int64_t biasGates() const { return cell == 2 ? 4 : gates(); }
};

/// The PyTorch gate that oneDNN's gate `g` is (GRU: u=z, r=r, o=n).
inline int64_t torchGate(int64_t cell, int64_t g) {
  if (cell != 2) return g;
  return g == 0 ? 1 : g == 1 ? 0 : 2;
}

/// Reorders the gate blocks of a GRU weight (D, 3*H, I): PyTorch's r,z,n
/// into oneDNN's u,r,o (`toOneDNN`), or back. `src` and `dst` must not
/// overlap.
void permuteGruGates(const RnnShape &s, int64_t inputs, const float *src, float *dst,
                     bool toOneDNN);

/// b_ih, b_hh (D, G*H) -> oneDNN's bias (D, biasGates, H).
void combineBias(const RnnShape &s, const float *bIh, const float *bHh, float *out);

/// oneDNN's bias gradient (D, biasGates, H) -> db_ih, db_hh (D, G*H): a bias
/// summed from b_ih and b_hh passes its gradient to both.
void splitBiasGrad(const RnnShape &s, const float *db, float *dbIh, float *dbHh);

} // namespace dlc::rt::onednn
