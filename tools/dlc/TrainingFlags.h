//===- TrainingFlags.h - optimizer, schedule and progress flags --*- C++ -*-===//
//
// The flags every training subcommand shares: --optimizer and its numbers,
// --clip-grad-norm, --schedule, --progress. configure() turns them (on top of
// the model's d2l recipe) into TrainerOptions; applySchedule() sets the
// learning rate before each step (a runtime hyperparameter: nothing
// recompiles).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "frontend/Schedule.h"
#include "frontend/Trainer.h"
#include "frontend/zoo/Zoo.h"
#include "runtime/metrics/Progress.h"

#include "llvm/Support/CommandLine.h"

#include <map>
#include <optional>
#include <string>

namespace dlc::tools {

struct TrainingFlags {
  explicit TrainingFlags(llvm::cl::SubCommand &sub);

  /// Fills the optimizer, its hyperparameters and clipping into `options`.
  void configure(TrainerOptions &options, const zoo::Recipe &recipe);
  /// "SGD lr 0.9" / "Adam lr 0.001, clip 1": for the start-of-run line.
  std::string describe() const;
  /// Saved with checkpoints (optimizer, schedule).
  std::map<std::string, std::string> metadata() const;
  /// Sets the learning rate for the step after `stepsDone` steps, which
  /// complete `epochsDone` epochs (--schedule-unit says which one counts).
  void applySchedule(Trainer &trainer, int64_t stepsDone, int64_t epochsDone) const;
  /// The progress line's mode from --progress.
  metrics::ProgressMode progressMode() const;

  llvm::cl::opt<std::string> optimizer;
  llvm::cl::opt<double> lr, weightDecay, momentum, beta1, beta2, eps, clipGradNorm;
  llvm::cl::opt<bool> nesterov;
  llvm::cl::opt<std::string> schedule, scheduleUnit, progress;

private:
  std::string optimizerName_;
  std::optional<optim::Schedule> schedule_;
  std::map<std::string, double> hyper_;
  double lr_ = 0;
};

} // namespace dlc::tools
