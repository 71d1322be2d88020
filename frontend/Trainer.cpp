//===- Trainer.cpp - one compiled training step for a Module --------------===//
#include "frontend/Trainer.h"

#include "backends/cpu/JitModule.h"
#include "frontend/Ops.h"

#include "mlir/IR/BuiltinOps.h"

#include <algorithm>

namespace dlc {

void traceClassifier(Graph &graph, nn::Module &model, const TrainerOptions &o) {
  std::vector<int64_t> xShape{o.batchSize};
  xShape.insert(xShape.end(), o.exampleShape.begin(), o.exampleShape.end());

  bool wasTraining = model.isTraining();
  model.train();
  graph.beginFunction();
  Tensor x = graph.input("x", xShape);
  Tensor y = graph.input("y", {o.batchSize}, rt::DType::I32, {}, Binding::Target);
  Tensor logits = model(x);
  Tensor loss = crossEntropy(logits, y, model.site());
  graph.finishFunction("loss", {loss, logits},
                       {Graph::ResultKind::Loss, Graph::ResultKind::Output});

  model.eval();
  graph.beginFunction();
  Tensor x2 = graph.input("x", xShape);
  graph.finishFunction("forward", {model(x2)});
  model.train(wasTraining);
}

Trainer::Trainer(nn::Module &model, TrainerOptions options)
    : model_(model), options_(std::move(options)) {
  model_.parameters(); // fixes dotted names before they become IR attributes
  traceClassifier(graph_, model_, options_);
  for (const Binding &b : graph_.bindings("loss"))
    if (b.kind == Binding::Param) params_.push_back(b.param);
  for (const Binding &b : graph_.bindings("forward"))
    if (b.kind == Binding::Param && std::find(params_.begin(), params_.end(), b.param) == params_.end())
      throw Error("[dlc::Trainer] @forward uses parameter '" + b.name + "' that @loss does not");

  auto module = graph_.takeModule();
  PipelineOptions po;
  po.training = true;
  jit_ = cpu::JitModule::compile(*module, po);

  for (nn::Parameter *p : params_) spare_.emplace_back(p->value.shape());
  lr_ = rt::HostTensor(std::vector<int64_t>{});
  lr_.f32()[0] = options_.learningRate;
  weightDecay_ = rt::HostTensor(std::vector<int64_t>{});
  weightDecay_.f32()[0] = static_cast<float>(options_.weightDecay);
  rng_ = rt::HostTensor(std::vector<int64_t>{2}, rt::DType::I64);
  rng_.data<int64_t>()[0] = static_cast<int64_t>(options_.seed);
  rng_.data<int64_t>()[1] = 0;
  loss_ = rt::HostTensor(std::vector<int64_t>{});
  logits_ = jit_->allocateResults("forward")[0];
  step_ = bind("train_step");
  forward_ = bind("forward");
}

Trainer::~Trainer() = default;

Trainer::Bound Trainer::bind(const std::string &function) {
  const cpu::Signature &sig = jit_->signature(function);
  auto paramIndex = [&](const cpu::TensorSpec &s) -> size_t {
    for (size_t i = 0; i < params_.size(); ++i)
      if (params_[i]->name == s.name) return i;
    throw Error("[dlc::Trainer] @" + function + " has parameter '" + s.name +
                "' that the model does not");
  };
  auto unknown = [&](const char *what, const cpu::TensorSpec &s) {
    return Error("[dlc::Trainer] @" + function + ": cannot bind " + what + " '" + s.name +
                 "' with role '" + s.role + "'");
  };
  Bound b;
  for (const cpu::TensorSpec &s : sig.inputs) {
    size_t slot = b.in.size();
    b.in.push_back(nullptr);
    if (s.role == "input" && s.name == "x") b.x = int(slot);
    else if (s.role == "target" && s.name == "y") b.y = int(slot);
    else if (s.role == "parameter") b.paramIn.push_back({slot, paramIndex(s)});
    else if (s.role == "hyperparameter" && s.name == "lr") b.in[slot] = &lr_;
    else if (s.role == "hyperparameter" && s.name == "weight_decay") b.in[slot] = &weightDecay_;
    else if (s.role == "rng_state" && s.name == "rng") b.in[slot] = &rng_;
    else throw unknown("argument", s);
  }
  for (const cpu::TensorSpec &s : sig.results) {
    size_t slot = b.out.size();
    b.out.push_back(nullptr);
    if (s.role == "loss") b.out[slot] = &loss_;
    else if (s.role == "output") b.out[slot] = &logits_;
    else if (s.role == "parameter") b.paramOut.push_back({slot, paramIndex(s)});
    else throw unknown("result", s);
  }
  return b;
}

float Trainer::step(const rt::HostTensor &x, const rt::HostTensor &y) {
  step_.in[step_.x] = &x;
  step_.in[step_.y] = &y;
  for (auto [slot, p] : step_.paramIn) step_.in[slot] = &params_[p]->value;
  for (auto [slot, p] : step_.paramOut) step_.out[slot] = &spare_[p];
  jit_->call("train_step", step_.in, step_.out);
  for (auto [slot, p] : step_.paramOut) std::swap(params_[p]->value, spare_[p]);
  ++rng_.data<int64_t>()[1]; // a fresh dropout mask next step
  return loss_.f32()[0];
}

const rt::HostTensor &Trainer::predict(const rt::HostTensor &x) {
  forward_.in[forward_.x] = &x;
  for (auto [slot, p] : forward_.paramIn) forward_.in[slot] = &params_[p]->value;
  jit_->call("forward", forward_.in, forward_.out);
  return logits_;
}

} // namespace dlc
