//===- Commands.h - dlc's subcommands ----------------------------*- C++ -*-===//
#pragma once

#include <string>

namespace dlc::tools {

/// Options shared by the subcommands (parsed once in dlc.cpp).
struct DriverOptions {
  std::string command, input;
  std::string emit, output, data, metrics;
  int64_t epochs, batchSize, limit, threads, iters, warmup;
  double lr, weightDecay;
  uint64_t seed;
  bool train;
};

int runTrain(const DriverOptions &o);
int runCompile(const DriverOptions &o);
int runBench(const DriverOptions &o);
int runSummary(const DriverOptions &o);

} // namespace dlc::tools
