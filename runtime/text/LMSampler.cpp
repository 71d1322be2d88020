//===- LMSampler.cpp - Language-model minibatches (d2l 8.3) ---------------===//

#include "runtime/text/LMSampler.h"

#include "runtime/text/Random.h"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

namespace dlc::rt::text {

namespace {

void checkShape(int64_t batchSize, int64_t numSteps) {
  if (batchSize <= 0 || numSteps <= 0)
    throw std::invalid_argument(fmt::format(
        "[dlc::rt::text::LMSampler] batch size and number of steps must be positive, "
        "got {} and {}",
        batchSize, numSteps));
}

LMBatch emptyBatch(int64_t batchSize, int64_t numSteps) {
  LMBatch b{batchSize, numSteps, {}, {}};
  b.x.resize(batchSize * numSteps);
  b.y.resize(batchSize * numSteps);
  return b;
}

} // namespace

std::vector<LMBatch> sampleRandom(std::span<const int64_t> corpus, int64_t batchSize,
                                  int64_t numSteps, std::mt19937_64 &rng) {
  checkShape(batchSize, numSteps);
  // corpus = corpus[random.randint(0, num_steps - 1):]
  auto offset = static_cast<int64_t>(uniformBelow(rng, numSteps));
  auto size = static_cast<int64_t>(corpus.size());
  std::span<const int64_t> rest = corpus.subspan(std::min(offset, size));
  // Subtract 1: Y needs one token past the last X.
  int64_t numSubseqs = std::max<int64_t>(static_cast<int64_t>(rest.size()) - 1, 0) / numSteps;
  std::vector<int64_t> starts(numSubseqs);
  for (int64_t i = 0; i < numSubseqs; ++i) starts[i] = i * numSteps;
  shuffleInPlace(std::span<int64_t>(starts), rng);

  int64_t numBatches = numSubseqs / batchSize;
  std::vector<LMBatch> batches;
  batches.reserve(numBatches);
  for (int64_t i = 0; i < numBatches; ++i) {
    LMBatch b = emptyBatch(batchSize, numSteps);
    for (int64_t row = 0; row < batchSize; ++row) {
      const int64_t *src = rest.data() + starts[i * batchSize + row];
      std::copy(src, src + numSteps, b.x.begin() + row * numSteps);
      std::copy(src + 1, src + 1 + numSteps, b.y.begin() + row * numSteps);
    }
    batches.push_back(std::move(b));
  }
  return batches;
}

std::vector<LMBatch> sampleSequential(std::span<const int64_t> corpus, int64_t batchSize,
                                      int64_t numSteps, std::mt19937_64 &rng) {
  checkShape(batchSize, numSteps);
  // offset = random.randint(0, num_steps): both ends included.
  auto offset = static_cast<int64_t>(uniformBelow(rng, numSteps + 1));
  auto size = static_cast<int64_t>(corpus.size());
  int64_t numTokens = std::max<int64_t>(size - offset - 1, 0) / batchSize * batchSize;
  // Xs = corpus[offset : offset + numTokens] viewed as (batchSize, rowLen);
  // Ys is the same view one token later.
  int64_t rowLen = numTokens / batchSize;
  int64_t numBatches = rowLen / numSteps;
  std::vector<LMBatch> batches;
  batches.reserve(numBatches);
  for (int64_t i = 0; i < numBatches; ++i) {
    LMBatch b = emptyBatch(batchSize, numSteps);
    for (int64_t row = 0; row < batchSize; ++row) {
      const int64_t *src = corpus.data() + offset + row * rowLen + i * numSteps;
      std::copy(src, src + numSteps, b.x.begin() + row * numSteps);
      std::copy(src + 1, src + 1 + numSteps, b.y.begin() + row * numSteps);
    }
    batches.push_back(std::move(b));
  }
  return batches;
}

LMSampler::LMSampler(std::vector<int64_t> corpus, int64_t batchSize, int64_t numSteps,
                     LMSampling sampling, uint64_t seed)
    : corpus_(std::move(corpus)), batchSize_(batchSize), numSteps_(numSteps),
      sampling_(sampling), rng_(seed) {
  checkShape(batchSize, numSteps);
}

std::vector<LMBatch> LMSampler::nextEpoch() {
  if (sampling_ == LMSampling::Random)
    return sampleRandom(corpus_, batchSize_, numSteps_, rng_);
  return sampleSequential(corpus_, batchSize_, numSteps_, rng_);
}

} // namespace dlc::rt::text
