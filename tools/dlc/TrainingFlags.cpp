//===- TrainingFlags.cpp - optimizer, schedule and progress flags ---------===//
#include "tools/dlc/TrainingFlags.h"

#include "tools/dlc/ArgChecks.h"

#include <cstdio>

namespace cl = llvm::cl;

namespace dlc::tools {

TrainingFlags::TrainingFlags(cl::SubCommand &sub)
    : optimizer("optimizer",
                cl::desc("sgd, adam, adamw, rmsprop or adagrad, with torch's update rules and "
                         "defaults (default: the model's d2l recipe)"),
                cl::sub(sub)),
      lr("lr", cl::desc("learning rate (default: the model's d2l recipe)"), cl::init(0.1),
         cl::sub(sub)),
      weightDecay("weight-decay", cl::desc("L2 penalty (d2l's λ)"), cl::init(0.0), cl::sub(sub)),
      momentum("momentum", cl::desc("SGD or RMSprop momentum"), cl::init(0.0), cl::sub(sub)),
      beta1("beta1", cl::desc("Adam/AdamW beta1 (torch's default 0.9)"), cl::init(0.9), cl::sub(sub)),
      beta2("beta2", cl::desc("Adam/AdamW beta2 (torch's default 0.999)"), cl::init(0.999),
            cl::sub(sub)),
      eps("eps", cl::desc("Adam/AdamW/RMSprop/Adagrad eps (default: torch's)"), cl::init(0.0),
          cl::sub(sub)),
      clipGradNorm("clip-grad-norm", cl::desc("clip the global gradient norm at F (0: off)"),
                   cl::init(0.0), cl::sub(sub)),
      nesterov("nesterov", cl::desc("SGD with Nesterov momentum"), cl::sub(sub)),
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
  // --lr, else the recipe's when it is the recipe's optimizer, else torch's
  // default for the optimizer (SGD has none: the recipe's).
  std::optional<double> rate;
  if (lr.getNumOccurrences()) rate = finiteF32("lr", lr);
  else if (optimizerName_ == recipe.optimizer || optimizerName_ == "sgd") rate = recipe.lr;
  auto used = [](const cl::opt<double> &f) { return f.getNumOccurrences() > 0; };
  auto onlyFor = [&](const cl::opt<double> &f, const char *flag,
                     std::initializer_list<const char *> names) {
    if (!used(f)) return;
    for (const char *n : names)
      if (optimizerName_ == n) return;
    throw Error(std::string("--") + flag + " does not apply to --optimizer " + optimizerName_);
  };
  onlyFor(momentum, "momentum", {"sgd", "rmsprop"});
  onlyFor(beta1, "beta1", {"adam", "adamw"});
  onlyFor(beta2, "beta2", {"adam", "adamw"});
  onlyFor(eps, "eps", {"adam", "adamw", "rmsprop", "adagrad"});
  if (nesterov && optimizerName_ != "sgd")
    throw Error("--nesterov does not apply to --optimizer " + optimizerName_);

  optim::Optimizer opt = optim::parseOptimizer(optimizerName_, rate);
  double wd = finiteF32("weight-decay", weightDecay);
  if (optimizerName_ == "sgd") {
    opt = optim::SGD{*rate, finiteF32("momentum", momentum), 0, wd, bool(nesterov)};
  } else if (optimizerName_ == "adam" || optimizerName_ == "adamw") {
    optim::Adam a;
    a.lr = rate.value_or(a.lr);
    a.betas = {finiteF32("beta1", beta1), finiteF32("beta2", beta2)};
    if (used(eps)) a.eps = finiteF32("eps", eps);
    if (optimizerName_ == "adam") {
      a.weight_decay = wd;
      opt = a;
    } else {
      optim::AdamW w;
      w.lr = a.lr;
      w.betas = a.betas;
      w.eps = a.eps;
      if (used(weightDecay)) w.weight_decay = wd; // else torch's 1e-2
      opt = w;
    }
  } else if (optimizerName_ == "rmsprop") {
    optim::RMSprop r;
    r.lr = rate.value_or(r.lr);
    r.momentum = finiteF32("momentum", momentum);
    r.weight_decay = wd;
    if (used(eps)) r.eps = finiteF32("eps", eps);
    opt = r;
  } else {
    optim::Adagrad g;
    g.lr = rate.value_or(g.lr);
    g.weight_decay = wd;
    if (used(eps)) g.eps = finiteF32("eps", eps);
    opt = g;
  }
  if (clipGradNorm.getNumOccurrences()) {
    double maxNorm = finiteF32("clip-grad-norm", clipGradNorm);
    if (maxNorm <= 0) throw Error("--clip-grad-norm must be positive");
    opt.clipGradNorm(maxNorm);
  } else if (recipe.clipGradNorm > 0) {
    opt.clipGradNorm(recipe.clipGradNorm);
  }
  o.setOptimizer(opt);
  lr_ = opt.hyperparameters().at("lr");
  hyper_ = opt.hyperparameters();
  if (scheduleUnit != "epoch" && scheduleUnit != "step")
    throw Error("--schedule-unit must be epoch or step, got '" + std::string(scheduleUnit) + "'");
  if (!schedule.empty()) schedule_ = optim::parseSchedule(schedule, lr_);
}

std::string TrainingFlags::describe() const {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s lr %g", optimizerName_.c_str(), lr_);
  std::string out = buf;
  for (auto &[name, v] : hyper_) {
    if (name == "lr" || (v == 0 && name != "max_norm")) continue;
    std::snprintf(buf, sizeof buf, ", %s %g", name.c_str(), v);
    out += buf;
  }
  if (schedule_) out += " (" + schedule_->rule().str() + " per " + std::string(scheduleUnit) + ")";
  return out;
}

std::map<std::string, std::string> TrainingFlags::metadata() const {
  std::map<std::string, std::string> m{{"optimizer", optimizerName_}};
  for (auto &[name, v] : hyper_) m[name] = std::to_string(v);
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
