//===- Optimizer.cpp - torch.optim-style optimizer descriptions -----------===//
#include "frontend/Optimizer.h"

#include "frontend/Error.h"

#include <cmath>
#include <sstream>

namespace dlc::optim {

namespace {

std::string number(double v) {
  std::ostringstream os;
  os << v;
  return os.str();
}

} // namespace

Optimizer::Optimizer(const SGD &o) {
  spec_.kind = OptimizerSpec::SGD;
  spec_.momentum = o.momentum != 0;
  spec_.nesterov = o.nesterov;
  if (std::isnan(o.lr))
    throw Error("optim::SGD: lr is required (torch.optim.SGD has no default learning rate)");
  add("lr", o.lr);
  add("weight_decay", o.weight_decay);
  if (spec_.momentum) {
    add("momentum", o.momentum);
    add("dampening", o.dampening);
  } else {
    check("momentum", o.momentum);
  }
}

// Adam and AdamW take the same numbers under the same names; only the
// weight decay's rule (and its default) differs.
template <typename AdamLike>
void Optimizer::initAdam(OptimizerSpec::Kind kind, const AdamLike &o) {
  spec_.kind = kind;
  spec_.amsgrad = o.amsgrad;
  add("lr", o.lr);
  add("beta1", o.betas.first);
  add("beta2", o.betas.second);
  add("eps", o.eps);
  add("weight_decay", o.weight_decay);
}

Optimizer::Optimizer(const Adam &o) { initAdam(OptimizerSpec::Adam, o); }
Optimizer::Optimizer(const AdamW &o) { initAdam(OptimizerSpec::AdamW, o); }

Optimizer::Optimizer(const RMSprop &o) {
  spec_.kind = OptimizerSpec::RMSprop;
  spec_.momentum = o.momentum != 0;
  spec_.centered = o.centered;
  add("lr", o.lr);
  add("alpha", o.alpha);
  add("eps", o.eps);
  add("weight_decay", o.weight_decay);
  if (spec_.momentum) add("momentum", o.momentum);
  else check("momentum", o.momentum);
}

Optimizer::Optimizer(const Adagrad &o) {
  spec_.kind = OptimizerSpec::Adagrad;
  add("lr", o.lr);
  add("lr_decay", o.lr_decay);
  add("weight_decay", o.weight_decay);
  add("eps", o.eps);
  add("initial_accumulator_value", o.initial_accumulator_value);
}

Optimizer &Optimizer::clipGradNorm(double maxNorm) {
  spec_.clipGradNorm = true;
  add("max_norm", maxNorm);
  return *this;
}

void Optimizer::add(const std::string &name, double value) {
  check(name, value);
  hyperparameters_[name] = value;
}

void Optimizer::set(const std::string &name, double value) {
  auto it = hyperparameters_.find(name);
  if (it == hyperparameters_.end()) {
    std::string known;
    for (const auto &[k, v] : hyperparameters_) known += (known.empty() ? "" : ", ") + k;
    throw Error("optim::" + this->name() + ": the compiled step has no hyperparameter '" + name +
                "' (it has " + known + ")");
  }
  check(name, value);
  it->second = value;
}

// torch's constructor checks ("Invalid learning rate: -1"), plus finiteness.
void Optimizer::check(const std::string &key, double value) const {
  std::string where = "optim::" + name() + ": ";
  if (!std::isfinite(value))
    throw Error(where + key + " must be finite, got " + number(value));
  auto atLeastZero = [&](const char *torchName) {
    if (value < 0) throw Error(where + "Invalid " + torchName + ": " + number(value));
  };
  if (key == "lr") atLeastZero("learning rate");
  else if (key == "eps") atLeastZero("epsilon value");
  else if (key == "momentum") atLeastZero("momentum value");
  else if (key == "weight_decay") atLeastZero("weight_decay value");
  else if (key == "alpha") atLeastZero("alpha value");
  else if (key == "lr_decay") atLeastZero("lr_decay value");
  else if (key == "initial_accumulator_value") atLeastZero("initial_accumulator_value value");
  else if (key == "max_norm") atLeastZero("max_norm");
  else if (key == "beta1" || key == "beta2") {
    if (value < 0 || value >= 1)
      throw Error(where + "Invalid beta parameter at index " + (key == "beta1" ? "0" : "1") +
                  ": " + number(value));
  }
  if (spec_.nesterov && (!spec_.momentum || (key == "momentum" && value <= 0) ||
                         (key == "dampening" && value != 0)))
    throw Error(where + "Nesterov momentum requires a momentum and zero dampening");
}

std::string Optimizer::name() const {
  switch (spec_.kind) {
  case OptimizerSpec::SGD: return "sgd";
  case OptimizerSpec::Adam: return "adam";
  case OptimizerSpec::AdamW: return "adamw";
  case OptimizerSpec::RMSprop: return "rmsprop";
  case OptimizerSpec::Adagrad: return "adagrad";
  }
  return "?";
}

Optimizer parseOptimizer(const std::string &name, std::optional<double> lr) {
  auto withLr = [&](auto options) {
    if (lr) options.lr = *lr;
    return Optimizer(options);
  };
  if (name == "sgd") return withLr(SGD{});
  if (name == "adam") return withLr(Adam{});
  if (name == "adamw") return withLr(AdamW{});
  if (name == "rmsprop") return withLr(RMSprop{});
  if (name == "adagrad") return withLr(Adagrad{});
  throw Error("unknown optimizer '" + name + "' (expected sgd, adam, adamw, rmsprop or adagrad)");
}

} // namespace dlc::optim
