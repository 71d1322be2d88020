//===- TrainingFlags.cpp - optimizer, schedule and progress flags ---------===//
#include "tools/dlc/TrainingFlags.h"

#include "tools/dlc/ArgChecks.h"

#include <cstdio>

namespace cl = llvm::cl;

namespace dlc::tools {

TrainingFlags::TrainingFlags(cl::SubCommand &sub)
    : optimizer("optimizer", cl::desc("sgd (default: the model's recipe)"), cl::sub(sub)),
      lr("lr", cl::desc("learning rate (default: the model's d2l recipe)"), cl::init(0.1),
         cl::sub(sub)),
      weightDecay("weight-decay", cl::desc("L2 penalty (d2l's λ)"), cl::init(0.0), cl::sub(sub)),
      momentum("momentum", cl::desc("SGD momentum"), cl::init(0.0), cl::sub(sub)),
      clipGradNorm("clip-grad-norm", cl::desc("clip the global gradient norm at F (0: off)"),
                   cl::init(0.0), cl::sub(sub)),
      schedule("schedule", cl::desc("learning-rate schedule"), cl::sub(sub)),
      progress("progress", cl::desc("auto (a redrawn line on a terminal), always, never"),
                   cl::init("auto"), cl::sub(sub)) {}

void TrainingFlags::configure(TrainerOptions &o, const zoo::Recipe &recipe) {
  optimizerName_ = optimizer.getNumOccurrences() ? std::string(optimizer) : recipe.optimizer;
  lr_ = lr.getNumOccurrences() ? double(lr) : recipe.lr;
  if (optimizerName_ != "sgd")
    throw Error("unknown optimizer '" + optimizerName_ + "' (expected sgd)");
  o.learningRate = finiteF32("lr", lr_);
  o.weightDecay = finiteF32("weight-decay", weightDecay);
}

std::string TrainingFlags::describe() const {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s lr %g", optimizerName_.c_str(), lr_);
  return buf;
}

std::map<std::string, std::string> TrainingFlags::metadata() const {
  return {{"optimizer", optimizerName_}, {"lr", std::to_string(lr_)}};
}

void TrainingFlags::applySchedule(Trainer &, int64_t, int64_t, int64_t) const {}

metrics::ProgressMode TrainingFlags::progressMode() const {
  if (progress == "auto") return metrics::ProgressMode::Auto;
  if (progress == "always") return metrics::ProgressMode::Terminal;
  if (progress == "never") return metrics::ProgressMode::Plain;
  throw Error("--progress must be auto, always or never, got '" + std::string(progress) + "'");
}

} // namespace dlc::tools
