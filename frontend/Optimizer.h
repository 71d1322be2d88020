//===- Optimizer.h - torch.optim-style optimizer descriptions ----*- C++ -*-===//
//
// What the compiled training step does after the gradient: option structs
// named and defaulted as torch 1.13's optimizers, and `Optimizer`, which
// splits one into
//   - spec():            the structure the compiler builds into @train_step
//                        (which optimizer, momentum buffer or not, ...), and
//   - hyperparameters(): every number, by the name of the runtime
//                        `hyperparameter` argument of @train_step (torch's
//                        param_group keys; betas as beta1, beta2).
// Changing a number (a learning-rate schedule) therefore never recompiles.
// docs/architecture.md, "Optimizers", has the update rules and state names.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "passes/PipelineOptions.h"

#include <limits>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace dlc::optim {

/// torch.optim.SGD. torch has no default learning rate: `lr` must be set.
struct SGD {
  double lr = std::numeric_limits<double>::quiet_NaN();
  double momentum = 0;
  double dampening = 0;
  double weight_decay = 0;
  bool nesterov = false;
};

/// torch.optim.Adam.
struct Adam {
  double lr = 1e-3;
  std::pair<double, double> betas{0.9, 0.999};
  double eps = 1e-8;
  double weight_decay = 0;
  bool amsgrad = false;
};

/// torch.optim.AdamW (decoupled weight decay; note torch's default 1e-2).
struct AdamW {
  double lr = 1e-3;
  std::pair<double, double> betas{0.9, 0.999};
  double eps = 1e-8;
  double weight_decay = 1e-2;
  bool amsgrad = false;
};

/// torch.optim.RMSprop.
struct RMSprop {
  double lr = 1e-2;
  double alpha = 0.99;
  double eps = 1e-8;
  double weight_decay = 0;
  double momentum = 0;
  bool centered = false;
};

/// torch.optim.Adagrad.
struct Adagrad {
  double lr = 1e-2;
  double lr_decay = 0;
  double weight_decay = 0;
  double initial_accumulator_value = 0;
  double eps = 1e-10;
};

/// One optimizer (and optional gradient clipping) for a compiled step.
/// Construction checks the options as torch's constructors do and throws
/// dlc::Error naming the optimizer and the value.
class Optimizer {
public:
  Optimizer(const SGD &o);
  Optimizer(const Adam &o);
  Optimizer(const AdamW &o);
  Optimizer(const RMSprop &o);
  Optimizer(const Adagrad &o);

  /// Clips gradients before each step as
  /// torch.nn.utils.clip_grad_norm_(parameters, max_norm) (adds the
  /// `max_norm` hyperparameter and the `grad_norm` output).
  Optimizer &clipGradNorm(double maxNorm);

  /// The structure compiled into @train_step (PipelineOptions::optimizer).
  OptimizerSpec spec() const { return spec_; }
  /// Exactly the hyperparameter arguments @train_step takes, name → value.
  const std::map<std::string, double> &hyperparameters() const { return hyperparameters_; }
  /// Changes one number (e.g. "lr" for a schedule), checked as at
  /// construction; a name the step does not take is an error.
  void set(const std::string &name, double value);
  /// "sgd", "adam", "adamw", "rmsprop" or "adagrad".
  std::string name() const;

private:
  void check(const std::string &name, double value) const;
  void add(const std::string &name, double value);
  template <typename AdamLike> void initAdam(OptimizerSpec::Kind kind, const AdamLike &o);
  OptimizerSpec spec_;
  std::map<std::string, double> hyperparameters_;
};

/// The optimizer the driver's `--optimizer NAME` names ("sgd", "adam",
/// "adamw", "rmsprop", "adagrad"; case-sensitive), with torch's defaults
/// and, if given, learning rate `lr` (SGD needs one). An unknown name is an
/// error listing the known ones.
Optimizer parseOptimizer(const std::string &name, std::optional<double> lr = std::nullopt);

} // namespace dlc::optim
