//===- Recurrent.h - RNN, GRU and LSTM layers -------------------*- C++ -*-===//
//
// Part of the built-in layers (frontend/nn/Layers.h includes them all).
// PyTorch's nn.RNN / nn.GRU / nn.LSTM: parameters with PyTorch's names and
// shapes (weight_ih_l0 (G·H, F), weight_hh_l0 (G·H, H), bias_ih_l0,
// bias_hh_l0 (G·H), the second direction's with `_reverse`), drawn from
// U(±1/√H) as PyTorch's reset_parameters. One dl.rnn/gru/lstm op per layer
// (frontend/ops/Recurrent.h), both directions in it; dropout between layers
// in training mode.
//
//   nn::LSTM lstm(nn::LSTMOptions(256, 256).numLayers(2));
//   auto out = lstm.forwardMany({x});   // {y, hn, cn}; or ({x, h0, c0})
//
//===----------------------------------------------------------------------===//
#pragma once

#include "frontend/Ops.h"
#include "frontend/nn/Module.h"
#include "frontend/nn/Options.h"

#include <string>
#include <vector>

namespace dlc::nn {

/// PyTorch's constructor arguments (input_size, hidden_size, num_layers,
/// nonlinearity (RNN only), bias, batch_first, dropout, bidirectional).
struct RecurrentOptions {
  RecurrentOptions(int64_t inputSize, int64_t hiddenSize)
      : inputSize_(inputSize), hiddenSize_(hiddenSize) {}
  DLC_OPTION(int64_t, inputSize);
  DLC_OPTION(int64_t, hiddenSize);
  DLC_OPTION(int64_t, numLayers) = 1;
  DLC_OPTION(std::string, nonlinearity) = "tanh"; ///< "tanh" or "relu"; RNN only
  DLC_OPTION(bool, bias) = true;
  DLC_OPTION(bool, batchFirst) = false; ///< x and y are (B, T, ·); states stay (L·D, B, H)
  DLC_OPTION(double, dropout) = 0.0;    ///< on every layer's output but the last's, in training
  DLC_OPTION(bool, bidirectional) = false;
};
using RNNOptions = RecurrentOptions;
using GRUOptions = RecurrentOptions;
using LSTMOptions = RecurrentOptions;

/// The shared layer; RNN, GRU and LSTM only choose the cell.
class RecurrentLayer : public Module {
public:
  enum class Cell { RNN, GRU, LSTM };

  /// forwardMany({x}) or ({x, h0}) (LSTM: ({x, h0, c0})) → {y, hn} (LSTM:
  /// {y, hn, cn}); x (T, B, F) or (B, T, F) with batchFirst, states
  /// (L·D, B, H), zeros when omitted.
  std::vector<Tensor> forwardMany(const std::vector<Tensor> &xs) override;
  /// The same computation on given parameter tensors, in namedParameters()
  /// order (tests feed PyTorch's parameters and differentiate them).
  std::vector<Tensor> forwardWith(const std::vector<Tensor> &xs,
                                  const std::vector<Tensor> &params);

  RecurrentOptions options;
  Cell cell;
  /// Per layer and direction (index l·D + d): this layer's parameters, null biases without bias.
  std::vector<Parameter *> weightIh, weightHh, biasIh, biasHh;

protected:
  RecurrentLayer(Cell cell, const char *name, RecurrentOptions o, std::source_location where);

private:
  int64_t directions() const { return options.bidirectional_ ? 2 : 1; }
  int64_t gates() const;
  const char *name_;
};

/// PyTorch `nn.RNN`.
class RNN : public RecurrentLayer {
public:
  RNN(int64_t in, int64_t hidden, std::source_location w = std::source_location::current())
      : RNN(RNNOptions(in, hidden), w) {}
  RNN(RNNOptions o, std::source_location w = std::source_location::current())
      : RecurrentLayer(Cell::RNN, "RNN", std::move(o), w) {}
};

/// PyTorch `nn.GRU`.
class GRU : public RecurrentLayer {
public:
  GRU(int64_t in, int64_t hidden, std::source_location w = std::source_location::current())
      : GRU(GRUOptions(in, hidden), w) {}
  GRU(GRUOptions o, std::source_location w = std::source_location::current())
      : RecurrentLayer(Cell::GRU, "GRU", std::move(o), w) {}
};

/// PyTorch `nn.LSTM` (no proj_size).
class LSTM : public RecurrentLayer {
public:
  LSTM(int64_t in, int64_t hidden, std::source_location w = std::source_location::current())
      : LSTM(LSTMOptions(in, hidden), w) {}
  LSTM(LSTMOptions o, std::source_location w = std::source_location::current())
      : RecurrentLayer(Cell::LSTM, "LSTM", std::move(o), w) {}
};

} // namespace dlc::nn
