//===- RnnWorkspace.h - bytes of a recurrent layer's workspace ---*- C++ -*-===//
//
// The length the shape rule of dl.rnn/dl.gru/dl.lstm gives the workspace
// result of rnn_fwd/lstm_fwd (runtime/abi/Kernels.def): an upper bound of
// what oneDNN 2.6's RNN primitive asks for (forward_training, one layer,
// D = 1 left2right or 2 bidirectional_concat). The kernel checks oneDNN's
// real workspace_desc().get_size() fits and reports an error otherwise.
//
// How it is derived (oneDNN 2.6, src/cpu/rnn/rnn_utils.cpp set_offsets and
// set_conf): the workspace holds, each region starting on a 4096-byte page,
//   gates          D*T*B*ld(Gw*H)        (Gw = 1 rnn, 3 gru, 4 lstm)
//   states_layer   2*D*(T+1)*B*ld(S)     (S = max(F, H), layers 0 and 1)
//   states_iter    2*D*(T+1)*B*ld(S)
//   states_iter_c  2*D*(T+1)*B*ld(H)     (lstm)
//   grid           D*T*B*ld(H)           (linear-before-reset GRU)
// in f32, where ld(n) pads a leading dimension to a 64-byte multiple and
// then, if that is a multiple of 256 bytes, by 64 more (4K aliasing). We
// count every region for every cell with ld(n) = round_up(n, 16) + 16 floats,
// plus 8 pages of alignment: generous, and checked against oneDNN's real
// size over many shapes by test/unit/onednn/RnnWorkspaceTest.cpp.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>

namespace dlc::rt {

/// Cell codes: rnn_fwd's `cell` attribute, plus 3 for lstm_fwd.
inline constexpr int64_t kRnnTanh = 0, kRnnRelu = 1, kRnnGru = 2, kRnnLstm = 3;

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
  int64_t gates = cell == kRnnLstm ? 4 : cell == kRnnGru ? 3 : 1;
  int64_t s = F > H ? F : H;
  int64_t rows = D * (T + 1) * B; // < 2^50
  int64_t width = ld(gates * H) + 2 * ld(s) + 2 * ld(s) + 2 * ld(H) + ld(H); // < 2^28
  if (rows > 0 && width > (int64_t(1) << 60) / 4 / rows) return -1;
  return 4 * rows * width + 8 * 4096;
}

} // namespace dlc::rt
