//===- TrainingCheckpoint.h - save a run, resume it exactly ------*- C++ -*-===//
//
// A training checkpoint is two safetensors files, each written atomically
// (runtime/io/Safetensors.h):
//   FILE                        the model's state dict under PyTorch's
//                               state_dict keys: loads into the same model in
//                               PyTorch with load_state_dict(strict=True),
//                               and into `dlc eval` / `dlc predict`;
//   <FILE>.training.safetensors the optimizer state (by name), the random
//                               key [seed, step], and where the run is.
// Both carry the run's position (epoch, batch, step) in their metadata; the
// training file is written first, so an interrupted save leaves at worst a
// new training file beside the previous model, which resume detects by the
// mismatched step (the model file alone still evaluates).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "frontend/Fit.h"
#include "frontend/Trainer.h"

#include <map>
#include <string>

namespace dlc {

struct RunInfo {
  std::string model;     ///< zoo name or the user's label
  uint64_t seed = 0;     ///< initialisation, shuffling and dropout
  FitPosition position;  ///< where the run is
  int64_t step = 0;      ///< optimizer steps taken
  std::map<std::string, std::string> extra = {}; ///< anything else worth keeping (optimizer, lr...)
};

/// "<FILE minus .safetensors>.training.safetensors".
std::string trainingStatePath(const std::string &modelPath);

/// Saves the model and the trainer's state (see above).
void saveTrainingCheckpoint(const std::string &path, nn::Module &model, const Trainer &trainer,
                            const RunInfo &info);

/// Reads a checkpoint's run information without loading anything.
RunInfo readRunInfo(const std::string &path);

/// Loads the model and the trainer's state saved by saveTrainingCheckpoint;
/// returns the run information. Everything is checked before anything
/// changes: names, shapes, dtypes, and that both files are from one save.
RunInfo resumeTrainingCheckpoint(const std::string &path, nn::Module &model, Trainer &trainer);

} // namespace dlc
