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
      schedule("schedule",
               cl::desc("learning-rate schedule: step:N[,G] multistep:A+B[,G] cosine:T[,MIN] "
                        "linear:S,E,N warmup:N[,S] noam:D,W, joined by / (docs/training.md)"),
               cl::value_desc("SPEC"), cl::sub(sub)),
      scheduleUnit("schedule-unit",
                   cl::desc("what the schedule counts: epoch (default, as torch's "
                            "scheduler.step() per epoch) or step"),
                   cl::init("epoch"), cl::sub(sub)),
      progress("progress", cl::desc("auto (a redrawn line on a terminal), always, never"),
                   cl::init("auto"), cl::sub(sub)) {}

void TrainingFlags::configure(TrainerOptions &o, const zoo::Recipe &recipe) {
  optimizerName_ = optimizer.getNumOccurrences() ? std::string(optimizer) : recipe.optimizer;
  lr_ = lr.getNumOccurrences() ? double(lr) : recipe.lr;
  if (optimizerName_ != "sgd")
    throw Error("unknown optimizer '" + optimizerName_ + "' (expected sgd)");
  o.learningRate = finiteF32("lr", lr_);
  o.weightDecay = finiteF32("weight-decay", weightDecay);
  if (scheduleUnit != "epoch" && scheduleUnit != "step")
    throw Error("--schedule-unit must be epoch or step, got '" + std::string(scheduleUnit) + "'");
  if (!schedule.empty()) schedule_ = optim::parseSchedule(schedule, lr_);
}

std::string TrainingFlags::describe() const {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s lr %g", optimizerName_.c_str(), lr_);
  std::string out = buf;
  if (schedule_) out += " (" + schedule_->rule().str() + " per " + std::string(scheduleUnit) + ")";
  return out;
}

std::map<std::string, std::string> TrainingFlags::metadata() const {
  std::map<std::string, std::string> m{{"optimizer", optimizerName_}, {"lr", std::to_string(lr_)}};
  if (schedule_) m["schedule"] = schedule_->str() + " per " + std::string(scheduleUnit);
  return m;
}

void TrainingFlags::applySchedule(Trainer &trainer, int64_t stepsDone, int64_t epochsDone) const {
  if (schedule_)
    trainer.setLearningRate(
        float(schedule_->lr(scheduleUnit == "step" ? stepsDone : epochsDone)));
}

metrics::ProgressMode TrainingFlags::progressMode() const {
  if (progress == "auto") return metrics::ProgressMode::Auto;
  if (progress == "always") return metrics::ProgressMode::Terminal;
  if (progress == "never") return metrics::ProgressMode::Plain;
  throw Error("--progress must be auto, always or never, got '" + std::string(progress) + "'");
}

} // namespace dlc::tools
