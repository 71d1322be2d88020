//===- RnnWorkspace.h - bytes of a recurrent layer's workspace ---*- C++ -*-===//
//
// The length the shape rule of dl.rnn/dl.gru/dl.lstm gives the workspace
// result of rnn_fwd/lstm_fwd (runtime/abi/Kernels.def): an upper bound of
// what oneDNN 2.6's RNN primitive asks for (forward_training, one layer,
// D = 1 left2right or 2 bidirectional_concat). The kernel checks oneDNN's
// real workspace_desc().get_size() fits and reports an error otherwise.
//
// How it is derived: oneDNN 2.6's reference RNN keeps, per time step (plus
// one for the initial state), batch row and direction, the states of both
// its layer boundaries, their iteration copies and (training) the gate
// activations, each region padded to a 64-byte leading dimension and each
// starting on a 4096-byte page. Measuring workspace_desc().get_size() over
// 2560 shapes (every cell, D 1/2, T 1..100, B 1..128, F and H 1..1024, F
// above, equal to and below H) fits
//   4 * D*(T+1)*B * (12*ld(max(F,H)) + 2*ld(G*H) + 4*ld(H)) + 16 pages
// with ld(n) = round_up(n, 16) + 16 floats and G = 1 rnn, 3 gru, 4 lstm:
// at least 1.22x oneDNN's figure on every measured shape, at most 3.1x when
// the workspace exceeds 1 MiB (tiny layers are dominated by the page
// padding). test/unit/onednn/RnnWorkspaceTest.cpp re-checks it on a grid.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>

namespace dlc::rt {

/// Cell codes: rnn_fwd's `cell` attribute, plus 3 for lstm_fwd.
inline constexpr int64_t kRnnTanh = 0, kRnnRelu = 1, kRnnGru = 2, kRnnLstm = 3;

/// Gates per cell (the G of the (G*H, ·) weights): rnn 1, gru 3, lstm 4.
constexpr int64_t rnnGates(int64_t cell) {
  return cell == kRnnLstm ? 4 : cell == kRnnGru ? 3 : 1;
}

/// Upper bound of oneDNN's training workspace, in bytes, for one layer with
/// `cell` (0, 1, 2 or 3 = lstm), sequence length T, batch B, input size F,
/// hidden size H and D directions (1 or 2). Returns -1 for a bad argument or
/// when the size would overflow.
constexpr int64_t rnnWorkspaceBytes(int64_t cell, int64_t T, int64_t B, int64_t F, int64_t H,
                                    int64_t D) {
  if (cell < 0 || cell > 3 || T < 0 || B < 0 || F < 0 || H < 0 || D < 1 || D > 2) return -1;
  constexpr int64_t kLimit = int64_t(1) << 24; // keeps every product below 2^62
  if (T >= kLimit || B >= kLimit || F >= kLimit || H >= kLimit) return -1;
  auto ld = [](int64_t n) { return (n + 15) / 16 * 16 + 16; };
  int64_t gates = rnnGates(cell);
  int64_t s = F > H ? F : H;
  int64_t rows = D * (T + 1) * B; // < 2^50
  int64_t width = 12 * ld(s) + 2 * ld(gates * H) + 4 * ld(H); // < 2^31
  if (rows > 0 && width > (int64_t(1) << 60) / 4 / rows) return -1;
  return 4 * rows * width + 16 * 4096;
}

} // namespace dlc::rt
