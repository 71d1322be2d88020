//===- Trainer.cpp - one compiled training step for a Module --------------===//
#include "frontend/Trainer.h"

#include "backends/cpu/JitModule.h"
#include "frontend/Ops.h"

#include "mlir/IR/BuiltinOps.h"

#include <algorithm>
#include <chrono>

namespace dlc {

namespace {

double secondsSince(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

/// Switches a module to training or eval mode and back.
class ModeScope {
public:
  ModeScope(nn::Module &m, bool training) : m_(m), was_(m.isTraining()) { m.train(training); }
  ~ModeScope() { m_.train(was_); }

private:
  nn::Module &m_;
  bool was_;
};

std::vector<Tensor> traceInputs(Graph &graph, const std::vector<BatchSlot> &slots, bool targets) {
  std::vector<Tensor> xs;
  for (const BatchSlot &s : slots)
    if (targets || !s.target)
      xs.push_back(graph.input(s.name, s.shape, s.dtype, {},
                               s.target ? Binding::Target : Binding::Input));
  return xs;
}

std::vector<Tensor> runLoss(nn::Module &model, const TrainerOptions &o,
                            const std::vector<Tensor> &batch) {
  std::vector<Tensor> r;
  if (o.loss) {
    r = o.loss(model, batch);
  } else {
    if (batch.size() != 2)
      throw Error("[dlc::Trainer] the default loss (cross-entropy) takes a batch of (x, y); this "
                  "batch has " + std::to_string(batch.size()) + " tensors: set TrainerOptions::loss");
    Tensor logits = model(batch[0]);
    r = {crossEntropy(logits, batch[1], model.site()), logits};
  }
  if (r.empty() || r[0].rank() != 0)
    throw Error("[dlc::Trainer] the loss function must return the loss (a scalar) first, then "
                "any outputs");
  return r;
}

void finishLoss(Graph &graph, const std::string &name, const std::vector<Tensor> &results) {
  std::vector<Graph::ResultKind> kinds(results.size(), Graph::ResultKind::Output);
  kinds[0] = Graph::ResultKind::Loss;
  graph.finishFunction(name, results, kinds);
}

std::vector<BatchSlot> withBatchSize(std::vector<BatchSlot> slots, int64_t b) {
  for (BatchSlot &s : slots) s.shape.at(0) = b;
  return slots;
}

nn::Parameter *findParam(const std::vector<nn::Parameter *> &params, const std::string &name) {
  for (nn::Parameter *p : params)
    if (p->name == name) return p;
  return nullptr;
}

} // namespace

TrainerOptions &TrainerOptions::setOptimizer(const optim::Optimizer &opt) {
  optimizer = opt.spec();
  hyperparameters = opt.hyperparameters();
  if (auto lr = hyperparameters.find("lr"); lr != hyperparameters.end())
    learningRate = static_cast<float>(lr->second);
  if (auto wd = hyperparameters.find("weight_decay"); wd != hyperparameters.end())
    weightDecay = wd->second;
  return *this;
}

std::vector<BatchSlot> batchSlots(const TrainerOptions &o) {
  if (!o.batch.empty()) {
    for (const BatchSlot &s : o.batch)
      if (s.shape.empty())
        throw Error("[dlc::Trainer] batch tensor '" + s.name +
                    "' has no batch dimension (its shape is empty)");
    return o.batch;
  }
  std::vector<int64_t> x{o.batchSize};
  x.insert(x.end(), o.exampleShape.begin(), o.exampleShape.end());
  return {BatchSlot{"x", x, rt::DType::F32, false},
          BatchSlot{"y", {o.batchSize}, rt::DType::I32, true}};
}

void traceLoss(Graph &graph, nn::Module &model, const TrainerOptions &o) {
  ModeScope mode(model, /*training=*/true);
  graph.beginFunction();
  std::vector<Tensor> batch = traceInputs(graph, batchSlots(o), /*targets=*/true);
  finishLoss(graph, "loss", runLoss(model, o, batch));
}

static void traceEvalFunctions(Graph &graph, nn::Module &model, const TrainerOptions &o,
                               const std::vector<BatchSlot> &slots) {
  ModeScope mode(model, /*training=*/false);
  graph.beginFunction();
  finishLoss(graph, "eval", runLoss(model, o, traceInputs(graph, slots, true)));
  graph.beginFunction();
  std::vector<Tensor> inputs = traceInputs(graph, slots, false);
  std::vector<Tensor> out = o.forward ? o.forward(model, inputs) : std::vector<Tensor>{model(inputs.at(0))};
  graph.finishFunction("forward", out,
                       std::vector<Graph::ResultKind>(out.size(), Graph::ResultKind::Output));
}

void traceClassifier(Graph &graph, nn::Module &model, const TrainerOptions &o) {
  traceLoss(graph, model, o);
  ModeScope mode(model, /*training=*/false);
  graph.beginFunction();
  std::vector<Tensor> inputs = traceInputs(graph, batchSlots(o), false);
  std::vector<Tensor> out = o.forward ? o.forward(model, inputs) : std::vector<Tensor>{model(inputs.at(0))};
  graph.finishFunction("forward", out,
                       std::vector<Graph::ResultKind>(out.size(), Graph::ResultKind::Output));
}

//===----------------------------------------------------------------------===//
// Binding a compiled function's arguments and results by role and name
//===----------------------------------------------------------------------===//

/// The call list of one compiled function, bound once. Batch, parameter and
/// double-buffered slots are filled per call.
struct detail::BoundCall {
  std::vector<const rt::HostTensor *> in;
  std::vector<rt::HostTensor *> out;
  std::vector<int> batch;                              ///< per batch slot: its argument (-1: unused)
  std::vector<std::pair<size_t, nn::Parameter *>> paramIn;
  std::vector<std::pair<size_t, size_t>> paramOut; ///< (result slot, index in the parameter list)
  std::vector<std::pair<size_t, std::string>> stateIn, stateOut, gradOut;
  std::vector<std::pair<size_t, nn::Buffer *>> bufferOut; ///< updated buffers (running statistics)
  std::vector<size_t> outputs;                         ///< role output, in order (not grad_norm)
};

namespace {

double scalarValue(const rt::HostTensor &t) {
  return t.dtype() == rt::DType::F64 ? t.data<double>()[0] : double(t.f32()[0]);
}

void setScalar(rt::HostTensor &t, double v) {
  if (t.dtype() == rt::DType::F64) t.data<double>()[0] = v;
  else t.f32()[0] = static_cast<float>(v);
}

struct BindContext {
  std::string owner, function;
  const std::vector<BatchSlot> *slots;
  const std::vector<nn::Parameter *> *params;
  nn::Module *model; ///< buffers are bound by name from it
  std::map<std::string, rt::HostTensor> *hyper = nullptr; ///< nullptr: none expected
  std::map<std::string, rt::HostTensor> *state = nullptr;
  rt::HostTensor *rng = nullptr, *loss = nullptr, *gradNorm = nullptr;
};

void bindFunction(const cpu::Signature &sig, const BindContext &c, detail::BoundCall &b) {
  auto error = [&](const std::string &what, const cpu::TensorSpec &s) {
    return Error("[dlc::" + c.owner + "] @" + c.function + ": " + what + " '" + s.name +
                 "' (role '" + s.role + "')");
  };
  auto param = [&](const cpu::TensorSpec &s) {
    nn::Parameter *p = findParam(*c.params, s.name);
    if (!p) throw error("the model has no parameter", s);
    return p;
  };
  b.batch.assign(c.slots->size(), -1);
  for (const cpu::TensorSpec &s : sig.inputs) {
    size_t slot = b.in.size();
    b.in.push_back(nullptr);
    if (s.role == "input" || s.role == "target") {
      auto it = std::find_if(c.slots->begin(), c.slots->end(),
                             [&](const BatchSlot &bs) { return bs.name == s.name; });
      if (it == c.slots->end()) throw error("no batch tensor for argument", s);
      b.batch[size_t(it - c.slots->begin())] = int(slot);
    } else if (s.role == "parameter") {
      b.paramIn.push_back({slot, param(s)});
    } else if (s.role == "buffer") {
      nn::Buffer *buf = c.model->findBuffer(s.name);
      if (!buf) throw error("the model has no buffer", s);
      b.in[slot] = &buf->value;
    } else if (s.role == "hyperparameter" && c.hyper) {
      auto it = c.hyper->find(s.name);
      if (it == c.hyper->end())
        throw error("no value for hyperparameter (set TrainerOptions::hyperparameters)", s);
      if (it->second.dtype() != s.dtype) { // f64 parameters read f64 hyperparameters
        double v = scalarValue(it->second);
        it->second = rt::HostTensor({}, s.dtype);
        setScalar(it->second, v);
      }
      b.in[slot] = &it->second;
    } else if (s.role == "optimizer_state" && c.state) {
      c.state->try_emplace(s.name, s.shape, s.dtype); // zero-filled
      b.stateIn.push_back({slot, s.name});
    } else if (s.role == "rng_state" && s.name == "rng" && c.rng) {
      b.in[slot] = c.rng;
    } else {
      throw error("cannot bind argument", s);
    }
  }
  for (const cpu::TensorSpec &s : sig.results) {
    size_t slot = b.out.size();
    b.out.push_back(nullptr);
    if (s.role == "loss") b.out[slot] = c.loss;
    else if (s.role == "output" && s.name == "grad_norm" && c.gradNorm) b.out[slot] = c.gradNorm;
    else if (s.role == "output") b.outputs.push_back(slot);
    else if (s.role == "parameter")
      b.paramOut.push_back(
          {slot, size_t(std::find(c.params->begin(), c.params->end(), param(s)) - c.params->begin())});
    else if (s.role == "optimizer_state" && c.state) b.stateOut.push_back({slot, s.name});
    else if (s.role == "gradient") b.gradOut.push_back({slot, s.name});
    else if (s.role == "buffer" && c.model->findBuffer(s.name))
      b.bufferOut.push_back({slot, c.model->findBuffer(s.name)});
    else throw error("cannot bind result", s);
  }
}

void fillBatch(detail::BoundCall &b, const std::vector<BatchSlot> &slots,
               const std::vector<const rt::HostTensor *> &batch, const std::string &owner) {
  if (batch.size() != slots.size())
    throw Error("[dlc::" + owner + "] expected a batch of " + std::to_string(slots.size()) +
                " tensors, got " + std::to_string(batch.size()));
  for (size_t i = 0; i < slots.size(); ++i)
    if (b.batch[i] >= 0) b.in[size_t(b.batch[i])] = batch[i];
}

} // namespace

//===----------------------------------------------------------------------===//
// Evaluator
//===----------------------------------------------------------------------===//

struct Evaluator::Compiled {
  std::unique_ptr<cpu::JitModule> jit;
  std::vector<BatchSlot> slots, inputSlots;
  detail::BoundCall eval, forward;
  rt::HostTensor loss;
  std::vector<rt::HostTensor> evalOutputs, forwardOutputs;
};

Evaluator::Evaluator(nn::Module &model, TrainerOptions options)
    : model_(&model), options_(std::move(options)) {}
Evaluator::~Evaluator() = default;
Evaluator::Evaluator(Evaluator &&) noexcept = default;

Evaluator::Compiled &Evaluator::compiledFor(int64_t batchSize) {
  auto it = compiled_.find(batchSize);
  if (it != compiled_.end()) return *it->second;
  auto t0 = std::chrono::steady_clock::now();
  auto c = std::make_unique<Compiled>();
  c->slots = withBatchSize(batchSlots(options_), batchSize);
  for (const BatchSlot &s : c->slots)
    if (!s.target) c->inputSlots.push_back(s);
  std::vector<nn::Parameter *> params = model_->parameters();
  {
    Graph graph;
    traceEvalFunctions(graph, *model_, options_, c->slots);
    c->jit = cpu::JitModule::compile(graph.module(), PipelineOptions{});
  }
  c->loss = rt::HostTensor(std::vector<int64_t>{});
  BindContext eval{"Evaluator", "eval", &c->slots, &params, model_};
  eval.loss = &c->loss;
  bindFunction(c->jit->signature("eval"), eval, c->eval);
  c->evalOutputs = c->jit->allocateResults("eval");
  c->evalOutputs.erase(c->evalOutputs.begin()); // the loss
  BindContext fwd{"Evaluator", "forward", &c->inputSlots, &params, model_};
  bindFunction(c->jit->signature("forward"), fwd, c->forward);
  c->forwardOutputs = c->jit->allocateResults("forward");
  for (size_t k = 0; k < c->eval.outputs.size(); ++k)
    c->eval.out[c->eval.outputs[k]] = &c->evalOutputs.at(k);
  for (size_t k = 0; k < c->forward.outputs.size(); ++k)
    c->forward.out[c->forward.outputs[k]] = &c->forwardOutputs.at(k);
  compileSeconds_ += secondsSince(t0);
  return *compiled_.emplace(batchSize, std::move(c)).first->second;
}

static int64_t batchSizeOf(const std::vector<const rt::HostTensor *> &batch, const char *owner) {
  if (batch.empty() || !batch[0] || batch[0]->shape().empty())
    throw Error(std::string("[dlc::") + owner + "] the batch's first tensor has no batch dimension");
  return batch[0]->shape()[0];
}

float Evaluator::evaluate(const std::vector<const rt::HostTensor *> &batch) {
  Compiled &c = compiledFor(batchSizeOf(batch, "Evaluator"));
  fillBatch(c.eval, c.slots, batch, "Evaluator");
  for (auto &[slot, p] : c.eval.paramIn) c.eval.in[slot] = &p->value;
  c.jit->call("eval", c.eval.in, c.eval.out);
  outputs_ = c.evalOutputs; // shares storage: no copy
  return c.loss.f32()[0];
}

const std::vector<rt::HostTensor> &
Evaluator::predict(const std::vector<const rt::HostTensor *> &inputs) {
  Compiled &c = compiledFor(batchSizeOf(inputs, "Evaluator"));
  fillBatch(c.forward, c.inputSlots, inputs, "Evaluator");
  for (auto &[slot, p] : c.forward.paramIn) c.forward.in[slot] = &p->value;
  c.jit->call("forward", c.forward.in, c.forward.out);
  outputs_ = c.forwardOutputs;
  return outputs_;
}

//===----------------------------------------------------------------------===//
// Trainer
//===----------------------------------------------------------------------===//

static rt::HostTensor hostScalar(double v) {
  rt::HostTensor t(std::vector<int64_t>{});
  t.f32()[0] = static_cast<float>(v);
  return t;
}

Trainer::Trainer(nn::Module &model, TrainerOptions options)
    : model_(model), options_(std::move(options)), slots_(batchSlots(options_)),
      evaluator_(model, options_) {
  auto t0 = std::chrono::steady_clock::now();
  model_.parameters(); // fixes dotted names before they become IR attributes
  Graph graph;
  traceLoss(graph, model_, options_);
  for (const Binding &b : graph.bindings("loss"))
    if (b.kind == Binding::Param) params_.push_back(b.param);

  PipelineOptions po;
  po.training = true;
  po.optimizer = options_.optimizer;
  jit_ = cpu::JitModule::compile(graph.module(), po);
  compileSeconds_ = secondsSince(t0);

  for (nn::Parameter *p : params_) spare_.emplace_back(p->value.shape(), p->value.dtype());
  hyper_["lr"] = hostScalar(options_.learningRate);
  hyper_["weight_decay"] = hostScalar(options_.weightDecay);
  for (auto &[name, v] : options_.hyperparameters) hyper_[name] = hostScalar(v);
  rng_ = rt::HostTensor(std::vector<int64_t>{2}, rt::DType::I64);
  rng_.data<int64_t>()[0] = static_cast<int64_t>(options_.seed);
  loss_ = hostScalar(0);
  gradNorm_ = hostScalar(0);

  step_ = std::make_unique<detail::BoundCall>(bind("train_step"));
  grad_ = std::make_unique<detail::BoundCall>(bind("loss_grad"));
  for (auto &[name, t] : state_) stateSpare_.try_emplace(name, t.shape(), t.dtype());
  outputs_ = jit_->allocateResults("loss");
  outputs_.erase(outputs_.begin()); // the loss
  for (detail::BoundCall *b : {step_.get(), grad_.get()})
    for (size_t k = 0; k < b->outputs.size(); ++k) b->out[b->outputs[k]] = &outputs_.at(k);
  for (auto &[slot, name] : grad_->gradOut) {
    nn::Parameter *p = findParam(params_, name);
    gradients_[name] = rt::HostTensor(p->value.shape(), p->value.dtype());
    grad_->out[slot] = &gradients_[name];
  }
}

Trainer::~Trainer() = default;

detail::BoundCall Trainer::bind(const std::string &function) {
  BindContext c{"Trainer", function, &slots_, &params_, &model_};
  c.hyper = &hyper_;
  c.state = &state_;
  c.rng = &rng_;
  c.loss = &loss_;
  c.gradNorm = &gradNorm_;
  detail::BoundCall b;
  bindFunction(jit_->signature(function), c, b);
  return b;
}

float Trainer::step(const std::vector<const rt::HostTensor *> &batch) {
  detail::BoundCall &b = *step_;
  fillBatch(b, slots_, batch, "Trainer");
  for (auto &[slot, p] : b.paramIn) b.in[slot] = &p->value;
  for (auto &[slot, i] : b.paramOut) b.out[slot] = &spare_[i];
  for (auto &[slot, name] : b.stateIn) b.in[slot] = &state_.at(name);
  for (auto &[slot, name] : b.stateOut) b.out[slot] = &stateSpare_.at(name);
  for (auto &[slot, buf] : b.bufferOut)
    b.out[slot] = &bufferSpare_.try_emplace(buf, buf->value.shape(), buf->value.dtype()).first->second;
  jit_->call("train_step", b.in, b.out);
  for (auto &[slot, buf] : b.bufferOut) std::swap(buf->value, bufferSpare_.at(buf));
  for (auto &[slot, i] : b.paramOut) std::swap(params_[i]->value, spare_[i]);
  for (auto &[slot, name] : b.stateOut) std::swap(state_.at(name), stateSpare_.at(name));
  int64_t steps = ++rng_.data<int64_t>()[1]; // a fresh dropout mask next step
  float loss = loss_.f32()[0];
  for (auto &cb : callbacks_) cb(steps, loss);
  return loss;
}

float Trainer::computeGradients(const std::vector<const rt::HostTensor *> &batch) {
  detail::BoundCall &b = *grad_;
  fillBatch(b, slots_, batch, "Trainer");
  for (auto &[slot, p] : b.paramIn) b.in[slot] = &p->value;
  jit_->call("loss_grad", b.in, b.out);
  return loss_.f32()[0];
}

float Trainer::gradNorm() const {
  if (!options_.optimizer.clipGradNorm)
    throw Error("[dlc::Trainer] gradNorm(): gradient clipping is off (OptimizerSpec::clipGradNorm)");
  return gradNorm_.f32()[0];
}

void Trainer::setHyperparameter(const std::string &name, double value) {
  auto it = hyper_.find(name);
  if (it == hyper_.end()) {
    std::string known;
    for (auto &[n, v] : hyper_) known += (known.empty() ? "" : ", ") + n;
    throw Error("[dlc::Trainer] no hyperparameter '" + name + "' (this step has: " + known + ")");
  }
  setScalar(it->second, value);
}

double Trainer::hyperparameter(const std::string &name) const {
  auto it = hyper_.find(name);
  if (it == hyper_.end()) throw Error("[dlc::Trainer] no hyperparameter '" + name + "'");
  return scalarValue(it->second);
}

void Trainer::onStep(std::function<void(int64_t, float)> callback) {
  callbacks_.push_back(std::move(callback));
}

int64_t Trainer::stepCount() const { return rng_.data<int64_t>()[1]; }

std::map<std::string, rt::HostTensor> Trainer::trainingState() const {
  std::map<std::string, rt::HostTensor> out;
  for (auto &[name, t] : state_) out[name] = t.clone();
  out["rng"] = rng_.clone();
  return out;
}

void Trainer::loadTrainingState(const std::map<std::string, rt::HostTensor> &in) {
  auto expect = [&](const std::string &name, const rt::HostTensor &have) -> const rt::HostTensor & {
    auto it = in.find(name);
    if (it == in.end())
      throw Error("[dlc::Trainer] the training state has no '" + name + "'");
    if (it->second.shape() != have.shape() || it->second.dtype() != have.dtype())
      throw Error("[dlc::Trainer] training state '" + name + "' is " +
                  rt::typeString(it->second.dtype(), it->second.shape()) + ", expected " +
                  rt::typeString(have.dtype(), have.shape()));
    return it->second;
  };
  for (auto &[name, t] : in)
    if (name != "rng" && !state_.count(name))
      throw Error("[dlc::Trainer] the training state has '" + name +
                  "', which this optimizer does not keep (saved with another optimizer?)");
  // Check everything before changing anything.
  for (auto &[name, t] : state_) expect(name, t);
  expect("rng", rng_);
  for (auto &[name, t] : state_) t = expect(name, t).clone();
  rng_ = expect("rng", rng_).clone(); // bound by address: the object stays, its storage changes
}

} // namespace dlc
