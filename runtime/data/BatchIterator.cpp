//===- BatchIterator.cpp - Minibatches over a Dataset ---------------------===//

#include "runtime/data/BatchIterator.h"

#include <algorithm>
#include <cstring>
#include <numeric>
#include <random>
#include <stdexcept>
#include <string>

namespace dlc::rt {
namespace {

/// Uniform integer in [0, bound) by rejection sampling: unbiased and, unlike
/// std::uniform_int_distribution, the same on every standard library.
uint64_t uniformBelow(std::mt19937_64 &rng, uint64_t bound) {
  // Reject the top partial copy of [0, bound) in the 2^64 range.
  uint64_t limit = -bound % bound; // == 2^64 mod bound
  for (;;) {
    uint64_t r = rng();
    if (r >= limit)
      return r % bound;
  }
}

} // namespace

BatchIterator::BatchIterator(const Dataset &dataset, int64_t batchSize,
                             bool shuffle, uint64_t seed, bool dropLast)
    : ds(&dataset), batch(batchSize), shuffle(shuffle), seed(seed),
      dropLast(dropLast) {
  if (batchSize <= 0)
    throw std::invalid_argument(
        "[dlc::rt::BatchIterator] batchSize must be positive, got " +
        std::to_string(batchSize));
  startEpoch(0);
}

void BatchIterator::startEpoch(int64_t epoch) {
  indices.resize(size_t(ds->size));
  std::iota(indices.begin(), indices.end(), int64_t(0));
  pos = 0;
  if (!shuffle)
    return;
  // seed_seq mixes all four words, so nearby (seed, epoch) pairs give
  // unrelated streams.
  uint64_t e = uint64_t(epoch);
  std::seed_seq seq{uint32_t(seed), uint32_t(seed >> 32), uint32_t(e),
                    uint32_t(e >> 32)};
  std::mt19937_64 rng(seq);
  for (size_t i = indices.size(); i > 1; --i)
    std::swap(indices[i - 1], indices[uniformBelow(rng, i)]);
}

bool BatchIterator::next(float *imagesOut, int32_t *labelsOut,
                         int64_t &count) {
  int64_t remaining = ds->size - pos;
  if (remaining <= 0 || (dropLast && remaining < batch)) {
    count = 0;
    return false;
  }
  count = std::min(remaining, batch);
  // One memcpy per example: images are contiguous C x H x W blocks.
  const int64_t example = ds->exampleSize();
  const size_t bytes = size_t(example) * sizeof(float);
  const float *src = ds->images.data();
  for (int64_t i = 0; i < count; ++i) {
    int64_t idx = indices[size_t(pos + i)];
    std::memcpy(imagesOut + i * example, src + idx * example, bytes);
    labelsOut[i] = ds->labels[size_t(idx)];
  }
  if (count < batch) {
    std::memset(imagesOut + count * example, 0,
                size_t(batch - count) * bytes);
    std::memset(labelsOut + count, 0, size_t(batch - count) * sizeof(int32_t));
  }
  pos += count;
  return true;
}

bool BatchIterator::next(std::span<float> imagesOut, std::span<int32_t> labelsOut,
                         int64_t &count) {
  // Compare in unsigned 64-bit: batch * exampleSize of a real data set fits.
  uint64_t wantImages = uint64_t(batch) * uint64_t(ds->exampleSize());
  if (imagesOut.size() != wantImages || labelsOut.size() != uint64_t(batch))
    throw std::invalid_argument(
        "[dlc::rt::BatchIterator] output buffers hold " +
        std::to_string(imagesOut.size()) + " floats and " +
        std::to_string(labelsOut.size()) + " labels, but a batch of " +
        std::to_string(batch) + " examples of " + std::to_string(ds->channels) +
        " x " + std::to_string(ds->height) + " x " + std::to_string(ds->width) +
        " needs " + std::to_string(wantImages) + " and " + std::to_string(batch));
  return next(imagesOut.data(), labelsOut.data(), count);
}

int64_t BatchIterator::batchesPerEpoch() const {
  return dropLast ? ds->size / batch : (ds->size + batch - 1) / batch;
}

} // namespace dlc::rt
