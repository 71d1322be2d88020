//===- Recurrent.h - the DSL's rnn, gru and lstm (one layer) -*- C++ -*-===//
//
// Part of the DSL's op set (frontend/Ops.h includes it). One call = one
// layer, one or two directions, in the kernels' layouts (PyTorch's):
//   x (T, B, F)  h0, c0 (D, B, H)  w_ih (D, G·H, F)  w_hh (D, G·H, H)
//   b_ih, b_hh (D, G·H)  →  y (T, B, D·H), hn, cn (D, B, H)
// with G = 1 (rnn), 3 (gru: r, z, n), 4 (lstm: i, f, g, o) and direction 1
// the reverse one. Layers (frontend/nn/Recurrent.h) stack these. Shapes are
// checked before any IR is built; a mistake throws dlc::Error naming the
// caller's file:line, the op and the dimension.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "frontend/Error.h"
#include "frontend/Tensor.h"

#include <string>

namespace dlc {

/// One layer's outputs; `cn` is set by lstm only.
struct RecurrentOutput {
  Tensor y, hn, cn;
};

/// Elman RNN (PyTorch `torch.rnn_tanh` / `rnn_relu`, one layer):
/// nonlinearity "tanh" or "relu".
RecurrentOutput rnn(const Tensor &x, const Tensor &h0, const Tensor &wIh, const Tensor &wHh,
                    const Tensor &bIh, const Tensor &bHh, const std::string &nonlinearity = "tanh",
                    Site site = {});
/// PyTorch's GRU layer (oneDNN's linear-before-reset GRU).
RecurrentOutput gru(const Tensor &x, const Tensor &h0, const Tensor &wIh, const Tensor &wHh,
                    const Tensor &bIh, const Tensor &bHh, Site site = {});
/// PyTorch's LSTM layer (no projection).
RecurrentOutput lstm(const Tensor &x, const Tensor &h0, const Tensor &c0, const Tensor &wIh,
                     const Tensor &wHh, const Tensor &bIh, const Tensor &bHh, Site site = {});

} // namespace dlc
