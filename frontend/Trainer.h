//===- Trainer.h - one compiled training step for a Module -------*- C++ -*-===//
//
// A Trainer traces the user's loss over one batch of named tensors into
//   @loss(batch..., params..., [rng]) -> (loss, outputs...)
// and compiles it once with the training pipeline, which derives
//   @loss_grad  -> (loss, outputs..., gradients...)        (no update)
//   @train_step(batch..., params..., optimizer state..., hyperparameters...)
//       -> (loss, outputs..., [grad_norm], new params..., new state...)
// (forward + backward + optional clipping + optimizer in one function).
// Everything is bound by dl.role and dl.name, never by position: parameters
// and buffers by their state_dict names, optimizer state by
// "<param>.<torch state key>" (zero-filled before the first step), every
// hyperparameter by torch's param_group key ("lr", "beta1", "max_norm"...),
// so a schedule changes a value without recompiling.
//
// @loss is traced in training mode. Evaluation and inference run in eval mode
// (dropout off) through an Evaluator: compiled separately, once per batch
// size, through the compile cache. Parameters live in runtime buffers; each
// step writes the updated parameters and state into a second set of buffers
// and the two are swapped: nothing is copied, traced or compiled per step.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "frontend/Graph.h"
#include "frontend/nn/Module.h"
#include "passes/PipelineOptions.h"

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace dlc::cpu {
class JitModule;
}
namespace dlc::detail {
struct BoundCall; // a compiled function's call list, bound by role and name
}

namespace dlc {

/// One tensor of a batch: d2l's (X, y), or a translation batch's
/// (X, X_valid_len, Y, Y_valid_len). Dimension 0 is the batch dimension.
struct BatchSlot {
  std::string name;
  std::vector<int64_t> shape;
  rt::DType dtype = rt::DType::F32;
  /// A target (labels) rather than a model input: predict() does not take it.
  bool target = false;
};

/// Traces the loss of one batch: returns {loss (a scalar), outputs...}. The
/// batch tensors come in the order of TrainerOptions::batch.
using LossFunction =
    std::function<std::vector<Tensor>(nn::Module &model, const std::vector<Tensor> &batch)>;
/// Traces inference: the non-target batch tensors in, outputs out.
using ForwardFunction =
    std::function<std::vector<Tensor>(nn::Module &model, const std::vector<Tensor> &inputs)>;

struct TrainerOptions {
  /// Classifier shorthand, used when `batch` is empty: x (batchSize,
  /// exampleShape...) f32 and y (batchSize) i32, loss = cross-entropy.
  int64_t batchSize = 256;
  std::vector<int64_t> exampleShape{1, 28, 28};
  /// Shorthands for hyperparameters "lr" and "weight_decay" (used when
  /// `hyperparameters` does not name them).
  float learningRate = 0.1f;
  double weightDecay = 0.0;
  /// Seeds random ops (dropout): the rng_state argument is [seed, step], the
  /// step counting from 0 and advancing every step().
  uint64_t seed = 0;
  /// The optimizer's structure (compile-time) and every number it reads
  /// (runtime hyperparameters, by torch's names); see frontend/Optimizer.h.
  OptimizerSpec optimizer = {};
  std::map<std::string, double> hyperparameters = {};
  /// The batch's tensors; empty: the classifier shorthand.
  std::vector<BatchSlot> batch = {};
  /// Empty: cross-entropy of model(batch[0]) against batch[1], returning
  /// {loss, logits}.
  LossFunction loss = {};
  /// Empty: {model(inputs[0])}.
  ForwardFunction forward = {};
};

/// The batch slots `options` describe (the classifier shorthand expanded).
std::vector<BatchSlot> batchSlots(const TrainerOptions &options);

/// Traces @loss (training mode) of `model` into `graph`.
void traceLoss(Graph &graph, nn::Module &model, const TrainerOptions &options);
/// Traces @loss and, in eval mode, @forward (what `dlc compile` shows).
void traceClassifier(Graph &graph, nn::Module &model, const TrainerOptions &options);

/// Eval-mode loss and inference for any batch size: @eval (loss and
/// outputs) and @forward (outputs) are traced and compiled on first use of
/// each batch size. Reads the model's current parameter and buffer values.
class Evaluator {
public:
  Evaluator(nn::Module &model, TrainerOptions options);
  ~Evaluator();
  Evaluator(Evaluator &&) noexcept;

  /// The loss of a whole batch in eval mode; outputs() then holds its outputs.
  float evaluate(const std::vector<const rt::HostTensor *> &batch);
  /// Inference on the non-target tensors; returns the outputs.
  const std::vector<rt::HostTensor> &predict(const std::vector<const rt::HostTensor *> &inputs);
  const rt::HostTensor &predict(const rt::HostTensor &x) { return predict({&x})[0]; }
  const std::vector<rt::HostTensor> &outputs() const { return outputs_; }
  /// Seconds spent tracing and compiling so far.
  double compileSeconds() const { return compileSeconds_; }

private:
  struct Compiled;
  Compiled &compiledFor(int64_t batchSize);
  nn::Module *model_;
  TrainerOptions options_;
  std::map<int64_t, std::unique_ptr<Compiled>> compiled_;
  std::vector<rt::HostTensor> outputs_;
  double compileSeconds_ = 0;
};

class Trainer {
public:
  Trainer(nn::Module &model, TrainerOptions options);
  ~Trainer();

  /// One optimizer step on a batch (tensors in the order of the batch
  /// slots). Returns the loss; outputs() then holds the step's outputs.
  float step(const std::vector<const rt::HostTensor *> &batch);
  /// Classifier shorthand: x (batch, example...) f32, y (batch) i32.
  float step(const rt::HostTensor &x, const rt::HostTensor &y) { return step({&x, &y}); }
  /// Forward and backward without an update: returns the loss; gradients()
  /// and outputs() then hold the gradients and outputs.
  float computeGradients(const std::vector<const rt::HostTensor *> &batch);

  /// Outputs of the last step() or computeGradients(); logits() is the first.
  const std::vector<rt::HostTensor> &outputs() const { return outputs_; }
  const rt::HostTensor &logits() const { return outputs_.at(0); }
  /// Gradients of the last computeGradients(), by parameter name.
  const std::map<std::string, rt::HostTensor> &gradients() const { return gradients_; }
  /// The global gradient norm before clipping of the last step (clipping on).
  float gradNorm() const;

  /// Eval-mode loss and inference at any batch size (dropout off).
  Evaluator &evaluator() { return evaluator_; }
  const rt::HostTensor &predict(const rt::HostTensor &x) { return evaluator_.predict(x); }

  /// Hyperparameters are runtime arguments: changing them recompiles nothing.
  void setHyperparameter(const std::string &name, double value);
  double hyperparameter(const std::string &name) const;
  void setLearningRate(float lr) { setHyperparameter("lr", lr); }
  void setWeightDecay(float wd) { setHyperparameter("weight_decay", wd); }

  /// Called after every step() with the step count (1-based) and the loss.
  void onStep(std::function<void(int64_t step, float loss)> callback);

  /// Steps taken (the rng_state's step); restored with the optimizer state.
  int64_t stepCount() const;
  /// Optimizer state by name ("0.weight.exp_avg", "step"), and the step
  /// count as "rng_step": what a training checkpoint needs besides the model.
  std::map<std::string, rt::HostTensor> trainingState() const;
  /// Restores trainingState(); every name, shape and dtype must match.
  void loadTrainingState(const std::map<std::string, rt::HostTensor> &state);

  const TrainerOptions &options() const { return options_; }
  nn::Module &model() { return model_; }
  /// Seconds spent tracing and compiling the training step.
  double compileSeconds() const { return compileSeconds_; }

private:
  detail::BoundCall bind(const std::string &function);

  nn::Module &model_;
  TrainerOptions options_;
  std::vector<BatchSlot> slots_;
  std::unique_ptr<cpu::JitModule> jit_;
  std::vector<nn::Parameter *> params_;           ///< parameters of @loss
  std::vector<rt::HostTensor> spare_;             ///< the other half of each double buffer
  std::map<std::string, rt::HostTensor> state_;   ///< optimizer state by name
  std::map<std::string, rt::HostTensor> stateSpare_;
  std::map<std::string, rt::HostTensor> hyper_;   ///< scalar hyperparameters by name
  rt::HostTensor loss_, gradNorm_;
  rt::HostTensor rng_; ///< [seed, step] for dropout masks (i64)
  std::vector<rt::HostTensor> outputs_;
  std::map<std::string, rt::HostTensor> gradients_;
  std::vector<std::function<void(int64_t, float)>> callbacks_;
  std::unique_ptr<detail::BoundCall> step_, grad_;
  Evaluator evaluator_;
  double compileSeconds_ = 0;
};

} // namespace dlc
