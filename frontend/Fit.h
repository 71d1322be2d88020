//===- Fit.h - the classifier training loop ----------------------*- C++ -*-===//
//
// d2l's train_ch6: for each epoch, shuffled minibatches through one compiled
// step, then test loss and accuracy in eval mode. The last partial training
// batch is dropped (the step's shapes are static; batches reshuffle each
// epoch); evaluation covers every test example, the last partial batch
// through the Evaluator compiled for its size.
//
// A run can stop after any step (shouldStop, e.g. on SIGINT) and resume from
// the position it reports: the example order depends only on (seed, epoch),
// so skipping the batches already trained reproduces the run.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "frontend/Trainer.h"
#include "runtime/data/FashionMNIST.h"

#include <functional>

namespace dlc {

struct EpochMetrics {
  int64_t epoch;          ///< 1-based
  double loss;            ///< mean training loss over the epoch's steps
  double trainAccuracy;   ///< on the training batches, as they were trained
  double testLoss;        ///< eval mode
  double testAccuracy;
  double examplesPerSec;  ///< training throughput (steps only)
  double seconds;         ///< the epoch's wall time: steps, data and evaluation
};

/// Where a run is: `epoch` epochs and then `batch` batches of the next one
/// are done.
struct FitPosition {
  int64_t epoch = 0, batch = 0;
};

struct FitOptions {
  int64_t epochs = 10;
  uint64_t seed = 0;
  /// Called after every training step with the 1-based epoch and step (within
  /// the epoch) and the step's loss; may throw to stop training (dlc train
  /// stops on a NaN).
  std::function<void(int64_t epoch, int64_t step, float loss)> onStep = {};
  /// Resume here (batches already trained are skipped, not trained).
  FitPosition start = {};
  /// Asked after every step; true stops the run there (see stoppedAt).
  std::function<bool()> shouldStop = {};
  /// Set when shouldStop stopped the run: the position to resume from.
  FitPosition *stoppedAt = nullptr;
};

/// Trains and evaluates; calls `onEpoch` after every epoch. Returns the last
/// epoch's metrics. Throws rt::DataError when the data sets' examples do not
/// have the trainer's example shape.
EpochMetrics fitClassifier(Trainer &trainer, const rt::Dataset &train, const rt::Dataset &test,
                           const FitOptions &options,
                           const std::function<void(const EpochMetrics &)> &onEpoch = {});

struct EvalMetrics {
  double loss = 0, accuracy = 0;
  int64_t examples = 0;
};
/// Mean loss and accuracy of the model over all of `ds` in eval mode, in
/// batches of `batchSize` (the last one smaller).
EvalMetrics evaluateClassifier(Evaluator &evaluator, const rt::Dataset &ds, int64_t batchSize);

/// How many of the first `count` rows of `logits` have their arg-max at the label.
int64_t countCorrect(const rt::HostTensor &logits, const int32_t *labels, int64_t count);

/// The first `n` examples of `ds` (all of it when n <= 0 or n >= size).
rt::Dataset head(const rt::Dataset &ds, int64_t n);

} // namespace dlc
