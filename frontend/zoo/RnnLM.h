//===- RnnLM.h - d2l's character-level RNN language model --------*- C++ -*-===//
//
// d2l's RNNModel (8.5/8.6): token ids (B, T) → one-hot (T, B, V) → a
// recurrent layer (RNN, GRU or LSTM, numLayers deep) → Linear(H, V) applied
// to every step, giving logits (T*B, V) in time-major order, as d2l's
// `self.linear(Y.reshape((-1, Y.shape[-1])))`. Parameter names are d2l's /
// PyTorch's: "rnn.weight_ih_l0", ..., "linear.weight", "linear.bias".
//
// The recurrent state travels through the Trainer as batch tensors: every
// tensor of a batch has the batch in dimension 0, so the state is carried
// batch-major, h (B, L, H) (and c for an LSTM), and transposed to PyTorch's
// (L, B, H) inside. The training loop feeds the previous batch's final state
// back in (sequential partitioning) or zeros (random partitioning, a new
// epoch): the state enters as an input, so no gradient flows into the
// previous batch, which is d2l's detach_().
//
//   forwardMany({x (B,T) i32, h (B,L,H) [, c (B,L,H)]})
//       -> {logits (T*B, V), h' (B,L,H) [, c' (B,L,H)]}
//
//===----------------------------------------------------------------------===//
#pragma once

#include "frontend/Trainer.h"
#include "frontend/nn/Linear.h"
#include "frontend/nn/ScratchRecurrent.h"

#include <map>
#include <memory>
#include <string>

namespace dlc::zoo {

struct RnnLMOptions {
  int64_t vocabSize = 0;
  int64_t hidden = 256;
  int64_t numLayers = 1;
  nn::RecurrentCell cell = nn::RecurrentCell::RnnTanh;
  /// d2l's hand-written cells (nn::ScratchRecurrent, one traced op per gate
  /// and time step) instead of the oneDNN-backed nn::RNN/GRU/LSTM; both have
  /// PyTorch's parameter names, so checkpoints are shared.
  bool scratch = false;
};

/// "rnn" (tanh), "rnn_relu", "gru", "lstm"; anything else is an error naming it.
nn::RecurrentCell parseRecurrentCell(const std::string &name);
/// The inverse of parseRecurrentCell ("rnn", "rnn_relu", "gru", "lstm").
std::string recurrentCellFlag(nn::RecurrentCell cell);

/// The recurrent layer RnnLM uses (input, hidden, numLayers; sequence-major):
/// the oneDNN-backed nn::RNN/GRU/LSTM, or with `scratch` d2l's cells written
/// with dl ops (nn::ScratchRecurrent).
std::shared_ptr<nn::Module> makeRecurrentLayer(nn::RecurrentCell cell, int64_t input,
                                               int64_t hidden, int64_t numLayers,
                                               bool scratch = false);

class RnnLM : public nn::Module {
public:
  explicit RnnLM(RnnLMOptions options, std::source_location w = std::source_location::current());
  std::vector<Tensor> forwardMany(const std::vector<Tensor> &xs) override;

  const RnnLMOptions &options() const { return options_; }
  /// 1 (h) or 2 (h, c for an LSTM).
  int64_t numStates() const { return options_.cell == nn::RecurrentCell::Lstm ? 2 : 1; }
  /// One state tensor's shape for `batchSize` sequences: (B, L, H).
  std::vector<int64_t> stateShape(int64_t batchSize) const {
    return {batchSize, options_.numLayers, options_.hidden};
  }

  /// The options as checkpoint metadata ("rnnlm.cell", "rnnlm.hidden", ...).
  std::map<std::string, std::string> metadata() const;
  /// Reads metadata(); errors name `source` (the checkpoint) and the key.
  static RnnLMOptions optionsFromMetadata(const std::map<std::string, std::string> &metadata,
                                          const std::string &source);

private:
  RnnLMOptions options_;
  std::shared_ptr<nn::Module> rnn_;
  std::shared_ptr<nn::Linear> linear_;
};

/// Trainer options for (B, T) minibatches: slots x (B,T) i32, y (B,T) i32
/// (target), h (B,L,H)[, c]; loss = mean cross-entropy over all T*B tokens;
/// outputs = the final states {h', [c']}; forward (inference) returns
/// {logits, h', [c']}. The optimizer is left for the caller to set.
TrainerOptions rnnLMTrainerOptions(const RnnLM &model, int64_t batchSize, int64_t numSteps);

} // namespace dlc::zoo
