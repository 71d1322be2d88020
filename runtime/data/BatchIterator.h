//===- BatchIterator.h - Minibatches over a Dataset ------------*- C++ -*-===//
//
// Walks a Dataset in minibatches, optionally reshuffled every epoch. The order
// depends only on (seed, epoch): a run is reproducible, and every epoch sees
// a different permutation. The shuffle is a hand-written Fisher-Yates over
// std::mt19937_64 (whose output the standard fixes) rather than std::shuffle
// or std::uniform_int_distribution (whose algorithms it leaves to the library),
// so the order is the same with libstdc++ and libc++.
//
// Usage:
//   BatchIterator it(ds, 256, /*shuffle=*/true, /*seed=*/42, /*dropLast=*/false);
//   std::vector<float> x(256 * ds.exampleSize());
//   std::vector<int32_t> y(256);
//   for (int64_t epoch = 0; epoch < epochs; ++epoch) {
//     it.startEpoch(epoch);
//     int64_t n;
//     while (it.next(x.data(), y.data(), n)) train(x, y, n);
//   }
//
//===----------------------------------------------------------------------===//
#ifndef DLC_RUNTIME_DATA_BATCHITERATOR_H
#define DLC_RUNTIME_DATA_BATCHITERATOR_H

#include "runtime/data/FashionMNIST.h"

#include <cstdint>
#include <span>
#include <vector>

namespace dlc::rt {

class BatchIterator {
public:
  /// `dataset` must outlive the iterator. Throws std::invalid_argument if
  /// batchSize <= 0. The iterator starts positioned at epoch 0.
  BatchIterator(const Dataset &dataset, int64_t batchSize, bool shuffle,
                uint64_t seed, bool dropLast);

  /// Rewinds to the first batch of `epoch`, reshuffling if shuffle was asked
  /// for. The permutation is a pure function of (seed, epoch).
  void startEpoch(int64_t epoch);

  /// Fills the next batch: `imagesOut` holds batchSize x C x H x W floats,
  /// `labelsOut` batchSize int32s. Sets `count` to the number of examples
  /// filled; a final partial batch (only when !dropLast) has count <
  /// batchSize and its unused image and label slots are zeroed. Returns false
  /// (count = 0) when the epoch is exhausted.
  bool next(float *imagesOut, int32_t *labelsOut, int64_t &count);

  /// next() into buffers of known size: throws std::invalid_argument instead
  /// of writing past them when they hold fewer than batchSize examples of
  /// the data set's example size (e.g. a model built for 28 x 28 images fed
  /// 32 x 32 ones).
  bool next(std::span<float> imagesOut, std::span<int32_t> labelsOut, int64_t &count);

  /// Batches per epoch: ceil(N / batchSize), or floor with dropLast.
  int64_t batchesPerEpoch() const;
  int64_t batchSize() const { return batch; }
  /// The example order of the current epoch.
  const std::vector<int64_t> &order() const { return indices; }

private:
  const Dataset *ds;
  int64_t batch;
  bool shuffle;
  uint64_t seed;
  bool dropLast;
  std::vector<int64_t> indices; // permutation of [0, N) for this epoch
  int64_t pos = 0;              // next position in `indices`
};

} // namespace dlc::rt

#endif // DLC_RUNTIME_DATA_BATCHITERATOR_H
