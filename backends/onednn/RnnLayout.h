//===- RnnLayout.h - PyTorch <-> oneDNN recurrent parameter layouts -*- C++ -*-===//
//
// The recurrent kernels (Rnn.cpp) take PyTorch's parameters: w_ih (D,G*H,F),
// w_hh (D,G*H,H), b_ih and b_hh (D,G*H), gates in PyTorch's order (GRU r,z,n;
// LSTM i,f,g,o). oneDNN wants weights as ldigo (1,D,I,G,H), one bias per gate
// (ldgo), and the GRU gates as u(=z),r,o(=n) plus linear-before-reset's extra
// bias u' = b_hn. These functions convert the parameters in and the
// gradients back out.
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

/// w (D, G*H, I) in PyTorch's gate order -> out (D, I, G, H) = ldigo.
void weightsToLdigo(const RnnShape &s, int64_t inputs, const float *w, float *out);

/// The inverse: ldigo (D, I, G, H) -> w (D, G*H, I), PyTorch's gate order.
void ldigoToWeights(const RnnShape &s, int64_t inputs, const float *ldigo, float *w);

/// b_ih, b_hh (D, G*H) -> oneDNN's bias (D, biasGates, H).
void combineBias(const RnnShape &s, const float *bIh, const float *bHh, float *out);

/// oneDNN's bias gradient (D, biasGates, H) -> db_ih, db_hh (D, G*H): a bias
/// summed from b_ih and b_hh passes its gradient to both.
void splitBiasGrad(const RnnShape &s, const float *db, float *dbIh, float *dbHh);

} // namespace dlc::rt::onednn
