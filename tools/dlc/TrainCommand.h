//===- TrainCommand.h - what `dlc train rnnlm` shares with dlc train -*- C++ -*-===//
//
// `dlc train` dispatches the model name "rnnlm" to TrainRnnLM.cpp, which
// adds its own flags to the same subcommand and reads the shared ones
// (epochs, batch size, data, seed, save, the optimizer flags) from here.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "tools/dlc/JitFlags.h"
#include "tools/dlc/TrainingFlags.h"

#include "llvm/Support/CommandLine.h"

#include <cstdint>
#include <optional>
#include <string>

namespace dlc::tools {

/// The `train` subcommand (a function-local static, so other files' flags
/// can attach to it during static initialisation).
llvm::cl::SubCommand &trainSubCommand();

/// dlc train's shared flags; a value is nullopt when the flag was not given.
struct TrainArgs {
  std::optional<int64_t> epochs, batchSize;
  std::optional<std::string> data;
  uint64_t seed;
  std::string savePath;
  int64_t numThreads;
  TrainingFlags &training;
  JitFlags &jit;
};

/// `dlc train rnnlm ...`: returns the exit code.
int runTrainRnnLM(const TrainArgs &args);

} // namespace dlc::tools
