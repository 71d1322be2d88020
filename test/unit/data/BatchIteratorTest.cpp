//===- BatchIteratorTest.cpp - minibatch order and contents ---------------===//

#include "runtime/data/BatchIterator.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <vector>

using namespace dlc::rt;

namespace {

/// N examples of 1x2x3 whose pixels all equal the example index, labelled
/// index % 10, so a batch slot shows which example landed in it.
Dataset indexDataset(int64_t n) {
  Dataset ds;
  ds.size = n;
  ds.channels = 1;
  ds.height = 2;
  ds.width = 3;
  for (int64_t i = 0; i < n; ++i) {
    ds.images.insert(ds.images.end(), 6, float(i));
    ds.labels.push_back(int32_t(i % 10));
  }
  return ds;
}

/// Runs one epoch; returns the example index of every slot filled, checking
/// that each slot is self-consistent and padding is zero.
std::vector<int64_t> runEpoch(BatchIterator &it, const Dataset &ds,
                              int64_t epoch,
                              std::vector<int64_t> *counts = nullptr) {
  const int64_t b = it.batchSize(), ex = ds.exampleSize();
  std::vector<float> x(size_t(b * ex), -1.0f);
  std::vector<int32_t> y(size_t(b), -1);
  std::vector<int64_t> seen;
  it.startEpoch(epoch);
  int64_t count = -1;
  while (it.next(x.data(), y.data(), count)) {
    EXPECT_GT(count, 0);
    EXPECT_LE(count, b);
    if (counts)
      counts->push_back(count);
    for (int64_t s = 0; s < count; ++s) {
      int64_t idx = int64_t(x[size_t(s * ex)]);
      for (int64_t k = 0; k < ex; ++k)
        EXPECT_EQ(x[size_t(s * ex + k)], float(idx));
      EXPECT_EQ(y[size_t(s)], idx % 10);
      seen.push_back(idx);
    }
    for (int64_t k = count * ex; k < b * ex; ++k)
      EXPECT_EQ(x[size_t(k)], 0.0f) << "padding not zeroed";
    for (int64_t s = count; s < b; ++s)
      EXPECT_EQ(y[size_t(s)], 0) << "padding label not zeroed";
  }
  EXPECT_EQ(count, 0);
  // Exhausted stays exhausted.
  EXPECT_FALSE(it.next(x.data(), y.data(), count));
  return seen;
}

std::vector<int64_t> range(int64_t n) {
  std::vector<int64_t> v(static_cast<size_t>(n));
  std::iota(v.begin(), v.end(), int64_t(0));
  return v;
}

TEST(BatchIterator, EveryExampleOncePerEpoch) {
  Dataset ds = indexDataset(103);
  BatchIterator it(ds, 16, /*shuffle=*/true, /*seed=*/7, /*dropLast=*/false);
  EXPECT_EQ(it.batchesPerEpoch(), 7);
  for (int64_t epoch = 0; epoch < 3; ++epoch) {
    std::vector<int64_t> counts;
    std::vector<int64_t> seen = runEpoch(it, ds, epoch, &counts);
    EXPECT_NE(seen, range(103)) << "not shuffled";
    std::sort(seen.begin(), seen.end());
    EXPECT_EQ(seen, range(103));
    EXPECT_EQ(counts, (std::vector<int64_t>{16, 16, 16, 16, 16, 16, 7}));
  }
}

TEST(BatchIterator, DeterministicForSameSeed) {
  Dataset ds = indexDataset(50);
  BatchIterator a(ds, 8, true, 1234, false), b(ds, 8, true, 1234, false);
  EXPECT_EQ(runEpoch(a, ds, 3), runEpoch(b, ds, 3));
  // Replaying an epoch gives its order again.
  std::vector<int64_t> first = runEpoch(a, ds, 0);
  runEpoch(a, ds, 1);
  EXPECT_EQ(runEpoch(a, ds, 0), first);
  BatchIterator c(ds, 8, true, 1235, false);
  EXPECT_NE(runEpoch(c, ds, 0), first) << "seed ignored";
}

TEST(BatchIterator, DiffersBetweenEpochs) {
  Dataset ds = indexDataset(50);
  BatchIterator it(ds, 8, true, 99, false);
  std::vector<int64_t> e0 = runEpoch(it, ds, 0), e1 = runEpoch(it, ds, 1),
                       e2 = runEpoch(it, ds, 2);
  EXPECT_NE(e0, e1);
  EXPECT_NE(e1, e2);
  EXPECT_NE(e0, e2);
}

TEST(BatchIterator, KnownOrder) {
  // The order is a pure function of (seed, epoch) on every standard library;
  // pin it so an accidental change to the shuffle shows.
  Dataset ds = indexDataset(8);
  BatchIterator it(ds, 8, true, 42, false);
  it.startEpoch(0);
  std::vector<int64_t> order = it.order();
  std::sort(order.begin(), order.end());
  EXPECT_EQ(order, range(8));
  // Re-pin if the shuffle is changed on purpose.
  EXPECT_EQ(it.order(), (std::vector<int64_t>{7, 2, 4, 5, 1, 0, 3, 6}));
}

TEST(BatchIterator, PartialBatchKept) {
  Dataset ds = indexDataset(10);
  BatchIterator it(ds, 4, false, 0, /*dropLast=*/false);
  EXPECT_EQ(it.batchesPerEpoch(), 3);
  std::vector<int64_t> counts;
  EXPECT_EQ(runEpoch(it, ds, 0, &counts), range(10));
  EXPECT_EQ(counts, (std::vector<int64_t>{4, 4, 2}));
}

TEST(BatchIterator, PartialBatchDropped) {
  Dataset ds = indexDataset(10);
  BatchIterator it(ds, 4, false, 0, /*dropLast=*/true);
  EXPECT_EQ(it.batchesPerEpoch(), 2);
  std::vector<int64_t> counts;
  EXPECT_EQ(runEpoch(it, ds, 0, &counts), range(8));
  EXPECT_EQ(counts, (std::vector<int64_t>{4, 4}));
}

TEST(BatchIterator, ShuffledDropLastCoversAllButRemainder) {
  Dataset ds = indexDataset(10);
  BatchIterator it(ds, 4, true, 5, /*dropLast=*/true);
  std::vector<int64_t> seen = runEpoch(it, ds, 0);
  EXPECT_EQ(seen.size(), 8u);
  std::sort(seen.begin(), seen.end());
  EXPECT_EQ(std::unique(seen.begin(), seen.end()), seen.end());
}

TEST(BatchIterator, ExactMultipleAndBatchLargerThanData) {
  Dataset ds = indexDataset(8);
  BatchIterator exact(ds, 4, false, 0, false);
  std::vector<int64_t> counts;
  runEpoch(exact, ds, 0, &counts);
  EXPECT_EQ(counts, (std::vector<int64_t>{4, 4}));

  BatchIterator big(ds, 32, false, 0, false);
  counts.clear();
  EXPECT_EQ(runEpoch(big, ds, 0, &counts), range(8));
  EXPECT_EQ(counts, (std::vector<int64_t>{8}));

  BatchIterator bigDrop(ds, 32, false, 0, true);
  EXPECT_EQ(bigDrop.batchesPerEpoch(), 0);
  EXPECT_TRUE(runEpoch(bigDrop, ds, 0).empty());
}

// Regression: a model built for 28 x 28 images given 32 x 32 ones made
// next() write past the batch buffer. The sized overload refuses instead.
TEST(BatchIterator, SizedBuffersThatDoNotFitAreRejected) {
  Dataset ds = indexDataset(5); // 1 x 2 x 3 examples
  BatchIterator it(ds, 2, false, 0, false);
  std::vector<float> small(2 * 4); // room for 1 x 2 x 2 examples only
  std::vector<int32_t> y(2);
  int64_t count = -1;
  try {
    it.next(std::span<float>(small), std::span<int32_t>(y), count);
    FAIL() << "expected std::invalid_argument";
  } catch (const std::invalid_argument &e) {
    EXPECT_STREQ(e.what(), "[dlc::rt::BatchIterator] output buffers hold 8 floats and 2 "
                           "labels, but a batch of 2 examples of 1 x 2 x 3 needs 12 and 2");
  }
  EXPECT_EQ(count, -1) << "nothing filled";
  // Exactly the right size: the same batch as the unchecked overload.
  std::vector<float> x(2 * 6);
  ASSERT_TRUE(it.next(std::span<float>(x), std::span<int32_t>(y), count));
  EXPECT_EQ(count, 2);
  EXPECT_EQ(x, (std::vector<float>{0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1}));
  EXPECT_EQ(y, (std::vector<int32_t>{0, 1}));
}

TEST(BatchIterator, RejectsNonPositiveBatch) {
  Dataset ds = indexDataset(4);
  EXPECT_THROW(BatchIterator(ds, 0, false, 0, false), std::invalid_argument);
}

} // namespace
