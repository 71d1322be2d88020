//===- ScratchRecurrent.h - RNN/GRU/LSTM written with dl ops ----*- C++ -*-===//
//
// d2l's from-scratch recurrent cells (rnn_scratch, gru_scratch, lstm_scratch)
// behind PyTorch's nn.RNN / nn.GRU / nn.LSTM interface: the same parameter
// names, shapes and gate order (weight_ih_l0 (G*H, F), weight_hh_l0 (G*H, H),
// bias_ih_l0, bias_hh_l0 (G*H), "_reverse" for the second direction; gates
// rnn: -, gru: r,z,n, lstm: i,f,g,o), the same equations (GRU: PyTorch's
// n = tanh(W_in x + b_in + r * (W_hn h + b_hn))), the same shapes:
//
//   forwardMany({x (T,B,F) [, h0 (L*D,B,H) [, c0 (L*D,B,H)]]})
//       -> {y (T,B,D*H), hn (L*D,B,H) [, cn (L*D,B,H)]}
//
// (batchFirst: x and y are (B,T,·); missing states start at zero). Each cell
// is a C++ loop over the time steps: tracing unrolls it and the compiler's
// autodiff derives backpropagation through time. Checkpoints are
// interchangeable with PyTorch's modules and with the oneDNN-backed layers.
// test/oracle/scratch_recurrent.py is the PyTorch reference.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "frontend/Ops.h"
#include "frontend/nn/Module.h"
#include "frontend/nn/Options.h"

#include <optional>
#include <string>
#include <vector>

namespace dlc::nn {

/// The recurrence: PyTorch's nn.RNN (tanh or relu), nn.GRU, nn.LSTM.
enum class RecurrentCell { RnnTanh, RnnRelu, Gru, Lstm };

/// Gates per cell: 1, 1, 3, 4 (the G in G*H).
int64_t gateCount(RecurrentCell cell);
/// "rnn_tanh", "rnn_relu", "gru", "lstm".
const char *cellName(RecurrentCell cell);

struct ScratchRecurrentOptions {
  ScratchRecurrentOptions(int64_t input, int64_t hidden) : input_(input), hidden_(hidden) {}
  DLC_OPTION(int64_t, input);
  DLC_OPTION(int64_t, hidden);
  DLC_OPTION(int64_t, numLayers) = 1;
  DLC_OPTION(bool, bias) = true;
  DLC_OPTION(bool, batchFirst) = false;
  /// Dropout on the outputs of every layer but the last (training mode only).
  DLC_OPTION(double, dropout) = 0.0;
  DLC_OPTION(bool, bidirectional) = false;
};

/// One layer and direction's weights (biases absent when bias = false).
struct RecurrentWeights {
  Tensor wIh, wHh;
  std::optional<Tensor> bIh, bHh;
};

/// The recurrence on traced tensors: x (T,B,F) sequence-major, h0 and c0
/// (L*D,B,H) (c0 only for Lstm), `weights` L*D entries in PyTorch's order
/// (l0, l0_reverse, l1, ...). Returns {y (T,B,D*H), hn[, cn]}. Dropout
/// between layers when `dropout` > 0 and `training`.
std::vector<Tensor> scratchRecurrent(RecurrentCell cell, const Tensor &x, const Tensor &h0,
                                     const std::optional<Tensor> &c0,
                                     const std::vector<RecurrentWeights> &weights,
                                     int64_t numLayers, bool bidirectional, double dropout = 0,
                                     bool training = false, Site site = {});

/// The module: parameters registered (and drawn U(±1/√H), as PyTorch) in
/// PyTorch's order weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0,
/// then the _reverse ones, then layer 1...
class ScratchRecurrent : public Module {
public:
  ScratchRecurrent(RecurrentCell cell, ScratchRecurrentOptions options,
                   std::source_location w = std::source_location::current());
  std::vector<Tensor> forwardMany(const std::vector<Tensor> &xs) override;

  RecurrentCell cell() const { return cell_; }
  const ScratchRecurrentOptions &options() const { return options_; }
  int64_t numDirections() const { return options_.bidirectional_ ? 2 : 1; }

private:
  RecurrentCell cell_;
  ScratchRecurrentOptions options_;
  std::vector<std::vector<Parameter *>> layerParams_; ///< per layer-direction: wih, whh[, bih, bhh]
};

/// nn.RNN(nonlinearity='tanh'|'relu'), nn.GRU and nn.LSTM.
class ScratchRNN : public ScratchRecurrent {
public:
  ScratchRNN(ScratchRecurrentOptions o, bool relu = false,
             std::source_location w = std::source_location::current())
      : ScratchRecurrent(relu ? RecurrentCell::RnnRelu : RecurrentCell::RnnTanh, o, w) {}
};
class ScratchGRU : public ScratchRecurrent {
public:
  ScratchGRU(ScratchRecurrentOptions o, std::source_location w = std::source_location::current())
      : ScratchRecurrent(RecurrentCell::Gru, o, w) {}
};
class ScratchLSTM : public ScratchRecurrent {
public:
  ScratchLSTM(ScratchRecurrentOptions o, std::source_location w = std::source_location::current())
      : ScratchRecurrent(RecurrentCell::Lstm, o, w) {}
};

} // namespace dlc::nn
