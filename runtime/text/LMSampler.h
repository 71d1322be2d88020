//===- LMSampler.h - Language-model minibatches (d2l 8.3) -------*- C++ -*-===//
//
// d2l's two ways to cut a token corpus into (X, Y) minibatches of shape
// (batchSize, numSteps), where Y is X shifted by one token:
//
// Random sampling (seq_data_iter_random): drop a random offset in
//   [0, numSteps - 1], cut the rest into non-overlapping subsequences of
//   numSteps tokens (the last token is kept for Y), shuffle their starts and
//   take batchSize of them per batch. Neighbouring rows of consecutive
//   batches are unrelated.
// Sequential partitioning (seq_data_iter_sequential): drop a random offset in
//   [0, numSteps] (inclusive: d2l uses randint(0, num_steps)), keep
//   numTokens = ((len - offset - 1) / batchSize) * batchSize tokens, view them
//   as (batchSize, numTokens / batchSize) and step through the columns
//   numSteps at a time, so row b of batch i+1 continues row b of batch i.
//
// Randomness comes from a std::mt19937_64 drawn through Random.h, so an epoch
// is a function of the seed (and of how many epochs came before).
//
// Example:
//   LMSampler sampler(tm.corpus, /*batchSize=*/32, /*numSteps=*/35,
//                     LMSampling::Sequential, /*seed=*/0);
//   for (const LMBatch &b : sampler.nextEpoch()) train(b.x, b.y);
//
//===----------------------------------------------------------------------===//
#ifndef DLC_RUNTIME_TEXT_LMSAMPLER_H
#define DLC_RUNTIME_TEXT_LMSAMPLER_H

#include <cstdint>
#include <random>
#include <span>
#include <vector>

namespace dlc::rt::text {

/// One language-model minibatch.
struct LMBatch {
  int64_t batchSize = 0;
  int64_t numSteps = 0;
  std::vector<int64_t> x; ///< (batchSize, numSteps) row-major inputs
  std::vector<int64_t> y; ///< (batchSize, numSteps) targets: y[b][t] = token after x[b][t]
};

/// Which of d2l's samplers to use.
enum class LMSampling { Random, Sequential };

/// One epoch of d2l's seq_data_iter_random over `corpus`: draws the offset
/// and the shuffle from `rng`. Throws std::invalid_argument unless
/// batchSize and numSteps are positive. Too short a corpus yields no batches.
std::vector<LMBatch> sampleRandom(std::span<const int64_t> corpus, int64_t batchSize,
                                  int64_t numSteps, std::mt19937_64 &rng);

/// One epoch of d2l's seq_data_iter_sequential over `corpus`; the offset is
/// drawn from `rng`. Same argument checks as sampleRandom.
std::vector<LMBatch> sampleSequential(std::span<const int64_t> corpus, int64_t batchSize,
                                      int64_t numSteps, std::mt19937_64 &rng);

/// d2l's SeqDataLoader: owns the corpus and an engine seeded once, and
/// yields a fresh epoch (new offset, new shuffle) on every call.
class LMSampler {
public:
  /// Throws std::invalid_argument unless batchSize and numSteps are positive.
  LMSampler(std::vector<int64_t> corpus, int64_t batchSize, int64_t numSteps,
            LMSampling sampling, uint64_t seed);

  /// All minibatches of the next epoch.
  std::vector<LMBatch> nextEpoch();

  const std::vector<int64_t> &corpus() const { return corpus_; }

private:
  std::vector<int64_t> corpus_;
  int64_t batchSize_, numSteps_;
  LMSampling sampling_;
  std::mt19937_64 rng_;
};

} // namespace dlc::rt::text

#endif // DLC_RUNTIME_TEXT_LMSAMPLER_H
