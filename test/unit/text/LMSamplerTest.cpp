//===- LMSamplerTest.cpp - d2l's random and sequential LM samplers --------===//
//
// The corpus is 0..34 (d2l's own example, my_seq = list(range(35))), so every
// token is its own position and the expected batches can be written down.
//
//===----------------------------------------------------------------------===//

#include "runtime/text/LMSampler.h"

#include "runtime/text/Random.h"

#include <gtest/gtest.h>

#include <numeric>
#include <set>

namespace dlc::rt::text {
namespace {

using Ids = std::vector<int64_t>;

Ids range(int64_t n) {
  Ids v(n);
  std::iota(v.begin(), v.end(), 0);
  return v;
}

/// Row `r` of a (rows, cols) row-major array.
Ids row(const Ids &a, int64_t cols, int64_t r) {
  return Ids(a.begin() + r * cols, a.begin() + (r + 1) * cols);
}

TEST(Random, UniformBelowStaysInRangeAndHitsEveryValue) {
  std::mt19937_64 rng(7);
  std::set<uint64_t> seen;
  for (int i = 0; i < 1000; ++i) {
    uint64_t v = uniformBelow(rng, 6);
    ASSERT_LT(v, 6u);
    seen.insert(v);
  }
  EXPECT_EQ(seen.size(), 6u);
  EXPECT_EQ(uniformBelow(rng, 1), 0u);
}

TEST(Random, SameSeedSameDraws) {
  std::mt19937_64 a(42), b(42);
  Ids x = range(20), y = range(20);
  shuffleInPlace(std::span<int64_t>(x), a);
  shuffleInPlace(std::span<int64_t>(y), b);
  EXPECT_EQ(x, y);
  EXPECT_NE(x, range(20));
}

TEST(LMSampler, RandomCoversEverySubsequenceOnceWithShiftedTargets) {
  // 35 tokens, 5 steps: whatever the offset o in [0, 4], (35 - o - 1) / 5 = 6
  // subsequences starting at o, o+5, ..., o+25, i.e. 3 batches of 2.
  std::set<int64_t> offsets;
  for (uint64_t seed = 0; seed < 40; ++seed) {
    std::mt19937_64 rng(seed);
    std::vector<LMBatch> batches = sampleRandom(range(35), 2, 5, rng);
    ASSERT_EQ(batches.size(), 3u);
    std::set<int64_t> starts;
    for (const LMBatch &b : batches) {
      ASSERT_EQ(b.x.size(), 10u);
      for (int64_t r = 0; r < 2; ++r) {
        Ids x = row(b.x, 5, r), y = row(b.y, 5, r);
        Ids expectX = range(5), expectY = range(5);
        for (int64_t t = 0; t < 5; ++t) {
          expectX[t] = x[0] + t;
          expectY[t] = x[0] + t + 1;
        }
        EXPECT_EQ(x, expectX);
        EXPECT_EQ(y, expectY);
        starts.insert(x[0]);
      }
    }
    int64_t o = *starts.begin();
    offsets.insert(o);
    EXPECT_EQ(starts, (std::set<int64_t>{o, o + 5, o + 10, o + 15, o + 20, o + 25}));
  }
  EXPECT_EQ(offsets, (std::set<int64_t>{0, 1, 2, 3, 4}));
}

TEST(LMSampler, RandomDropsIncompleteBatches) {
  // 23 tokens, 3 steps, offset o: (22 - o) / 3 = 7 or 6 subsequences -> 3 batches of 2.
  std::mt19937_64 rng(3);
  EXPECT_EQ(sampleRandom(range(23), 2, 3, rng).size(), 3u);
  EXPECT_TRUE(sampleRandom(range(3), 2, 3, rng).empty());
  EXPECT_TRUE(sampleRandom(Ids{}, 1, 1, rng).empty());
}

TEST(LMSampler, SequentialRowsContinueAcrossBatches) {
  // Offset o in [0, 5]; numTokens = ((35 - o - 1) / 2) * 2; rows of
  // numTokens / 2 tokens; numTokens / 2 / 5 batches.
  std::set<int64_t> offsets;
  for (uint64_t seed = 0; seed < 60; ++seed) {
    std::mt19937_64 rng(seed);
    std::vector<LMBatch> batches = sampleSequential(range(35), 2, 5, rng);
    ASSERT_FALSE(batches.empty());
    int64_t o = batches[0].x[0];
    offsets.insert(o);
    int64_t rowLen = (35 - o - 1) / 2;
    ASSERT_EQ(static_cast<int64_t>(batches.size()), rowLen / 5) << "offset " << o;
    for (size_t i = 0; i < batches.size(); ++i) {
      for (int64_t r = 0; r < 2; ++r) {
        Ids x = row(batches[i].x, 5, r), y = row(batches[i].y, 5, r);
        for (int64_t t = 0; t < 5; ++t) {
          EXPECT_EQ(x[t], o + r * rowLen + static_cast<int64_t>(i) * 5 + t);
          EXPECT_EQ(y[t], x[t] + 1);
        }
      }
    }
  }
  // randint(0, num_steps) includes num_steps.
  EXPECT_EQ(offsets, (std::set<int64_t>{0, 1, 2, 3, 4, 5}));
}

TEST(LMSampler, SequentialWithOffsetZeroByHand) {
  // Find a seed whose offset is 0 and check the exact batches: rows are
  // 0..16 and 17..33.
  for (uint64_t seed = 0;; ++seed) {
    std::mt19937_64 rng(seed);
    std::vector<LMBatch> b = sampleSequential(range(35), 2, 5, rng);
    if (b[0].x[0] != 0) continue;
    ASSERT_EQ(b.size(), 3u);
    EXPECT_EQ(b[0].x, (Ids{0, 1, 2, 3, 4, 17, 18, 19, 20, 21}));
    EXPECT_EQ(b[0].y, (Ids{1, 2, 3, 4, 5, 18, 19, 20, 21, 22}));
    EXPECT_EQ(b[2].x, (Ids{10, 11, 12, 13, 14, 27, 28, 29, 30, 31}));
    EXPECT_EQ(b[2].y, (Ids{11, 12, 13, 14, 15, 28, 29, 30, 31, 32}));
    break;
  }
}

TEST(LMSampler, EpochsAreReproducibleFromTheSeed) {
  LMSampler a(range(100), 4, 5, LMSampling::Random, 123);
  LMSampler b(range(100), 4, 5, LMSampling::Random, 123);
  std::vector<LMBatch> a1 = a.nextEpoch(), b1 = b.nextEpoch();
  ASSERT_EQ(a1.size(), b1.size());
  for (size_t i = 0; i < a1.size(); ++i) EXPECT_EQ(a1[i].x, b1[i].x);
  // A second epoch draws a new offset and shuffle.
  std::vector<LMBatch> a2 = a.nextEpoch();
  bool same = a1.size() == a2.size();
  for (size_t i = 0; same && i < a1.size(); ++i) same = a1[i].x == a2[i].x;
  EXPECT_FALSE(same);
}

TEST(LMSampler, RejectsNonPositiveShapes) {
  std::mt19937_64 rng(0);
  EXPECT_THROW(sampleRandom(range(10), 0, 2, rng), std::invalid_argument);
  EXPECT_THROW(sampleSequential(range(10), 2, 0, rng), std::invalid_argument);
  EXPECT_THROW(LMSampler(range(10), -1, 2, LMSampling::Random, 0), std::invalid_argument);
}

} // namespace
} // namespace dlc::rt::text
