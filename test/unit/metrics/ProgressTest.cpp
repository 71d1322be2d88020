//===- ProgressTest.cpp - the live progress line (runtime/metrics/Progress.h) -===//
//
// Forced terminal and plain modes writing to a string, with a fake clock:
// the line's counts, throughput and ETA against hand-computed numbers, and
// the redraw throttle.
//
//===----------------------------------------------------------------------===//
#include "runtime/metrics/Progress.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <limits>
#include <sstream>
#include <stdexcept>

namespace dlc::metrics {
namespace {

using ::testing::EndsWith;
using ::testing::HasSubstr;
using ::testing::Not;

struct FakeClock {
  double now = 0;
  Progress::Clock fn() {
    return [this] { return now; };
  }
};

size_t countOf(const std::string &s, const std::string &what) {
  size_t n = 0;
  for (size_t p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
  return n;
}

ProgressOptions lenetOptions(ProgressMode mode) {
  ProgressOptions o;
  o.epochs = 10;
  o.batchesPerEpoch = 234;
  o.batchSize = 100;
  o.mode = mode;
  return o;
}

TEST(Progress, FormatDuration) {
  EXPECT_EQ(formatDuration(0), "0:00");
  EXPECT_EQ(formatDuration(7.4), "0:07");
  EXPECT_EQ(formatDuration(59.6), "1:00");
  EXPECT_EQ(formatDuration(754), "12:34");
  EXPECT_EQ(formatDuration(3723), "1:02:03");
  EXPECT_EQ(formatDuration(-1), "?");
  EXPECT_EQ(formatDuration(std::numeric_limits<double>::quiet_NaN()), "?");
}

TEST(Progress, TerminalLineHasCountsRateAndEta) {
  FakeClock clock;
  std::ostringstream out;
  Progress p(lenetOptions(ProgressMode::Terminal), out, clock.fn());
  EXPECT_TRUE(p.redraws());
  p.startEpoch(3);
  clock.now = 0.05; // the first step took 0.05 s: 100 / 0.05 = 2000 ex/s
  p.update(1, 0.5, "acc 0.10");
  // ETA: 233 steps left x 0.05 s = 11.65 s -> 0:12.
  EXPECT_EQ(out.str(), "\repoch 3/10  [>                   ] 1/234  loss 0.5000  2000 ex/s  "
                       "ETA 0:12  acc 0.10\x1b[K");
  // Half way, at 0.1 s per step on average: 117 x 100 / 11.7 s; ETA 117 x 0.1.
  for (int b = 2; b <= 117; ++b) {
    clock.now = 0.05 + 0.1 * (b - 1);
    p.update(b, 0.4312);
  }
  // Steps 2..117 took 0.1 s each after a 0.05 s first one.
  double seconds = 0.05 + 0.1 * 116;
  EXPECT_NEAR(p.examplesPerSecond(), 100 * 117 / seconds, 1e-6);
  EXPECT_NEAR(p.etaSeconds(), 117 * seconds / 117, 1e-9);
  // 11700 examples / 11.65 s = 1004.3 ex/s; ETA 117 x 11.65 / 117 s = 0:12.
  EXPECT_EQ(p.currentLine(), "epoch 3/10  [==========>         ] 117/234  loss 0.4312  1004 ex/s  "
                             "ETA 0:12");
}

TEST(Progress, CallerSuppliedStepTimes) {
  FakeClock clock;
  std::ostringstream out;
  Progress p(lenetOptions(ProgressMode::Terminal), out, clock.fn());
  p.startEpoch(1);
  clock.now = 100; // ignored: the caller passes each step's duration
  for (int b = 1; b <= 10; ++b) p.update(b, 1.0, {}, 0.5);
  EXPECT_NEAR(p.examplesPerSecond(), 200, 1e-9);
  EXPECT_NEAR(p.etaSeconds(), 224 * 0.5, 1e-9); // 1:52
  EXPECT_THAT(p.currentLine(), HasSubstr("10/234  loss 1.0000  200 ex/s  ETA 1:52"));
}

TEST(Progress, RedrawsAtMostTenTimesASecond) {
  FakeClock clock;
  std::ostringstream out;
  Progress p(lenetOptions(ProgressMode::Terminal), out, clock.fn());
  p.startEpoch(1);
  // 234 steps of 1/64 s (exact in binary): a redraw needs 7 steps (0.109 s;
  // 6 are 0.094 s), so steps 1, 8, 15, ..., 232 (34 of them) are drawn, plus
  // the always-drawn last step: 35 redraws for 3.66 s.
  for (int b = 1; b <= 234; ++b) {
    clock.now = b / 64.0;
    p.update(b, 0.25);
  }
  EXPECT_EQ(countOf(out.str(), "\r"), 35u);
  EXPECT_THAT(out.str(), EndsWith("[====================] 234/234  loss 0.2500  6400 ex/s\x1b[K"));
  p.finishEpoch("epoch  1  loss 0.2500");
  EXPECT_THAT(out.str(), EndsWith("\x1b[K\r\x1b[Kepoch  1  loss 0.2500\n"));
  // A new epoch draws its first step at once.
  p.startEpoch(2);
  clock.now += 0.001;
  size_t before = out.str().size();
  p.update(1, 0.2);
  EXPECT_THAT(out.str().substr(before), HasSubstr("epoch 2/10  [>"));
}

TEST(Progress, PlainModeNeverRedraws) {
  FakeClock clock;
  std::ostringstream out;
  ProgressOptions o = lenetOptions(ProgressMode::Plain);
  o.plainEvery = 100;
  Progress p(o, out, clock.fn());
  EXPECT_FALSE(p.redraws());
  p.startEpoch(1);
  for (int b = 1; b <= 234; ++b) {
    clock.now = 0.02 * b;
    p.update(b, 0.5);
  }
  p.finishEpoch("epoch  1  loss 0.5000");
  EXPECT_EQ(out.str(), "epoch 1/10  step 100/234  loss 0.5000  5000 ex/s\n"
                       "epoch 1/10  step 200/234  loss 0.5000  5000 ex/s\n"
                       "epoch  1  loss 0.5000\n");
  EXPECT_THAT(out.str(), Not(HasSubstr("\x1b")));
  std::ostringstream quiet;
  Progress q(lenetOptions(ProgressMode::Plain), quiet, clock.fn());
  q.startEpoch(1);
  q.update(1, 0.5);
  q.finishEpoch("");
  EXPECT_EQ(quiet.str(), "");
}

TEST(Progress, TerminalLineNeverWraps) {
  FakeClock clock;
  std::ostringstream out;
  ProgressOptions o = lenetOptions(ProgressMode::Terminal);
  o.columns = 30;
  Progress p(o, out, clock.fn());
  p.startEpoch(1);
  clock.now = 1;
  p.update(1, 0.5, "a long list of extra fields");
  EXPECT_EQ(out.str(), "\r" + p.currentLine().substr(0, 29) + "\x1b[K");
  EXPECT_EQ(out.str().substr(1, 14), "epoch 1/10  [>");
}

TEST(Progress, RejectsNonPositiveCounts) {
  std::ostringstream out;
  ProgressOptions o;
  o.batchesPerEpoch = 0;
  EXPECT_THROW(Progress(o, out), std::invalid_argument);
}

} // namespace
} // namespace dlc::metrics
