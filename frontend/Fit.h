//===- Fit.h - the classifier training loop ----------------------*- C++ -*-===//
//
// d2l's train_ch6: for each epoch, shuffled minibatches through one compiled
// step, then test accuracy with the compiled forward pass. The last partial
// training batch is dropped (shapes are static; batches reshuffle each
// epoch); the last partial test batch is zero-padded and only its real
// examples are counted.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "frontend/Trainer.h"
#include "runtime/data/FashionMNIST.h"

#include <functional>

namespace dlc {

struct EpochMetrics {
  int64_t epoch;          ///< 1-based
  double loss;            ///< mean training loss over the epoch
  double trainAccuracy;   ///< on the training batches, as they were trained
  double testAccuracy;
  double examplesPerSec;  ///< training throughput (steps only)
};

struct FitOptions {
  int64_t epochs = 10;
  uint64_t seed = 0;
  /// Called after every training step with the 1-based epoch and step and
  /// the step's loss; may throw to stop training (dlc train stops on a NaN).
  std::function<void(int64_t epoch, int64_t step, float loss)> onStep = {};
};

/// Trains and evaluates; calls `onEpoch` after every epoch. Returns the last
/// epoch's metrics. Throws rt::DataError when the data sets' examples do not
/// have the trainer's example shape.
EpochMetrics fitClassifier(Trainer &trainer, const rt::Dataset &train, const rt::Dataset &test,
                           const FitOptions &options,
                           const std::function<void(const EpochMetrics &)> &onEpoch = {});

/// How many of the first `count` rows of `logits` have their arg-max at the label.
int64_t countCorrect(const rt::HostTensor &logits, const int32_t *labels, int64_t count);

/// The first `n` examples of `ds` (all of it when n <= 0 or n >= size).
rt::Dataset head(const rt::Dataset &ds, int64_t n);

} // namespace dlc
