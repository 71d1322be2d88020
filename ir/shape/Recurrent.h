//===- Recurrent.h - shape rules of the Recurrent family -*- C++ -*-===//
//
// Used by the ops' inferReturnTypes/verifiers and by the DSL, as
// ir/ShapeFunctions.h (whose ShapeOrError and helpers these share). Shapes
// are the runtime kernels' (runtime/abi/Kernels.def, rnn_fwd/lstm_fwd):
// x (T, B, F), h0/c0 (D, B, H), w_ih (D, G·H, F), w_hh (D, G·H, H),
// b_ih/b_hh (D, G·H) → y (T, B, D·H), hn/cn (D, B, H).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "ir/ShapeFunctions.h"

#include <string_view>

namespace dlc::dl::shape {

/// The recurrent cells, numbered as the kernels' `cell` argument (and
/// rnnWorkspaceBytes): 3 is the LSTM.
enum class RecurrentCell : int64_t { RnnTanh = 0, RnnRelu = 1, Gru = 2, Lstm = 3 };

/// Gates per cell: rnn 1, gru 3, lstm 4.
int64_t recurrentGates(RecurrentCell cell);
/// The op name of a cell ("rnn", "gru", "lstm").
const char *recurrentOpName(RecurrentCell cell);
/// "rnn_tanh", "rnn_relu", "gru", "lstm" ↔ the cell; nullopt for other names.
std::optional<RecurrentCell> recurrentCellNamed(std::string_view name);
const char *recurrentCellName(RecurrentCell cell);

/// The shape of y, checking every operand against x and h0; `c0` is the
/// LSTM's cell state (nullopt for rnn and gru). Errors name the operand, the
/// dimension and both sizes.
ShapeOrError recurrent(RecurrentCell cell, llvm::ArrayRef<int64_t> x,
                       llvm::ArrayRef<int64_t> h0, std::optional<llvm::ArrayRef<int64_t>> c0,
                       llvm::ArrayRef<int64_t> wIh, llvm::ArrayRef<int64_t> wHh,
                       llvm::ArrayRef<int64_t> bIh, llvm::ArrayRef<int64_t> bHh);

/// The workspace result's shape, (bytes): rnnWorkspaceBytes
/// (runtime/abi/RnnWorkspace.h) in training, one ignored byte otherwise.
/// `x` (T, B, F) and `h0` (D, B, H) must already be checked.
ShapeOrError recurrentWorkspace(RecurrentCell cell, llvm::ArrayRef<int64_t> x,
                                llvm::ArrayRef<int64_t> h0, bool training);

} // namespace dlc::dl::shape
