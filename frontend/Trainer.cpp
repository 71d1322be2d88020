//===- Trainer.cpp - one compiled training step for a Module --------------===//
#include "frontend/Trainer.h"

#include "backends/cpu/JitModule.h"
#include "frontend/Ops.h"

namespace dlc {

void traceClassifier(Graph &graph, nn::Module &model, const TrainerOptions &o) {
  std::vector<int64_t> xShape{o.batchSize};
  xShape.insert(xShape.end(), o.exampleShape.begin(), o.exampleShape.end());

  graph.beginFunction();
  Tensor x = graph.input("x", xShape);
  Tensor y = graph.input("y", {o.batchSize}, rt::DType::I32);
  Tensor logits = model(x);
  Tensor loss = crossEntropy(logits, y, model.site());
  graph.finishFunction("loss", {loss, logits});

  graph.beginFunction();
  Tensor x2 = graph.input("x", xShape);
  graph.finishFunction("forward", {model(x2)});
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
  po.weightDecay = options_.weightDecay;
  jit_ = cpu::JitModule::compile(*module, po);

  for (nn::Parameter *p : params_) spare_.emplace_back(p->value.shape());
  lr_ = rt::HostTensor(std::vector<int64_t>{});
  lr_.f32()[0] = options_.learningRate;
  loss_ = rt::HostTensor(std::vector<int64_t>{});
  logits_ = jit_->allocateResults("forward")[0];
}

Trainer::~Trainer() = default;

float Trainer::step(const rt::HostTensor &x, const rt::HostTensor &y) {
  std::vector<const rt::HostTensor *> in{&x, &y};
  for (nn::Parameter *p : params_) in.push_back(&p->value);
  in.push_back(&lr_);
  std::vector<rt::HostTensor *> out{&loss_, &logits_};
  for (rt::HostTensor &s : spare_) out.push_back(&s);
  jit_->call("train_step", in, out);
  for (size_t i = 0; i < params_.size(); ++i) std::swap(params_[i]->value, spare_[i]);
  return loss_.f32()[0];
}

const rt::HostTensor &Trainer::predict(const rt::HostTensor &x) {
  std::vector<const rt::HostTensor *> in{&x};
  for (const Binding &b : graph_.bindings("forward"))
    if (b.kind == Binding::Param) in.push_back(&b.param->value);
  jit_->call("forward", in, {&logits_});
  return logits_;
}

} // namespace dlc
