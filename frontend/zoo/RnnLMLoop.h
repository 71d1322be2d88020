//===- RnnLMLoop.h - training and text generation for RnnLM ------*- C++ -*-===//
//
// d2l's train_ch8 / train_epoch_ch8 and predict_ch8 for zoo::RnnLM:
//
// fitRnnLM: per epoch, the minibatches (B, T) from the caller's sampler; the
// state starts at zero at every epoch and, with random partitioning, at every
// minibatch; with sequential partitioning each minibatch starts from the
// previous one's final state (the Trainer's outputs, copied into the next
// batch's state tensors). Perplexity = exp(mean per-token cross-entropy of
// the epoch) (d2l: math.exp(metric[0] / metric[1])); tokens/s counts the
// steps' time only.
//
// generateRnnLM: batch 1, one token per call of the Evaluator (T = 1):
// warm-up on the prefix (its tokens are fed, the predictions ignored), then
// numTokens greedy (argmax) predictions, each fed back in.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "frontend/Trainer.h"
#include "frontend/zoo/RnnLM.h"
#include "runtime/text/LMSampler.h"

#include <functional>
#include <vector>

namespace dlc::zoo {

struct RnnLMEpoch {
  int64_t epoch = 0;      ///< 1-based
  double perplexity = 0;  ///< exp(mean cross-entropy per token)
  int64_t tokens = 0;     ///< predicted tokens (B*T per minibatch)
  double tokensPerSec = 0;
  double seconds = 0;     ///< the epoch's wall time
};

struct RnnLMFitOptions {
  int64_t epochs = 1;
  /// Sequential partitioning carries the state across minibatches.
  bool sequential = true;
  /// The next epoch's minibatches (LMSampler::nextEpoch).
  std::function<std::vector<rt::text::LMBatch>()> nextEpoch;
  /// After every step: (epoch, 1-based step in the epoch, steps in the epoch, loss).
  std::function<void(int64_t, int64_t, int64_t, float)> onStep = {};
  /// After every epoch.
  std::function<void(const RnnLMEpoch &)> onEpoch = {};
  /// Checked after every step: true stops (the epoch is not reported).
  std::function<bool()> shouldStop = {};
};

/// Trains `trainer` (built from rnnLMTrainerOptions(model, B, T)) and
/// returns the last finished epoch. Minibatches of another shape than the
/// trainer's are an error.
RnnLMEpoch fitRnnLM(Trainer &trainer, const RnnLM &model, const RnnLMFitOptions &options);

/// predict_ch8: the prefix's ids (at least one), then `numTokens` greedy
/// predictions. Returns prefix + predictions. `evaluator` must be built from
/// rnnLMTrainerOptions(model, 1, 1).
std::vector<int64_t> generateRnnLM(Evaluator &evaluator, const RnnLM &model,
                                   const std::vector<int64_t> &prefix, int64_t numTokens);

} // namespace dlc::zoo
