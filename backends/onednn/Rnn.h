//===- Rnn.h - what the recurrent kernels ask oneDNN for ---------*- C++ -*-===//
//
// The recurrent kernels themselves are rnn_fwd/rnn_bwd/lstm_fwd/lstm_bwd of
// runtime/abi/Kernels.def (Rnn.cpp). This exposes the one fact about them the
// workspace bound (runtime/abi/RnnWorkspace.h) must be checked against.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>

namespace dlc::rt::onednn {

/// Bytes of workspace oneDNN's forward_training primitive needs for one layer
/// (cell 0 rnn_tanh, 1 rnn_relu, 2 gru, 3 lstm; sizes T, B, F, H; D
/// directions). Builds the primitive descriptor (not cached); throws a
/// dnnl::error or KernelError for shapes oneDNN rejects.
int64_t rnnWorkspaceBytesNeeded(int64_t cell, int64_t T, int64_t B, int64_t F, int64_t H,
                                int64_t D);

} // namespace dlc::rt::onednn
