//===- Trainer.h - one compiled training step for a Module -------*- C++ -*-===//
//
// Traces the model twice into one module:
//   @loss(x: input, y: target, params...: parameter) -> (loss, logits)
//   @forward(x: input, params...: parameter)         -> logits
// then compiles it once with the training pipeline, which adds
//   @train_step(x, y, params..., lr, weight_decay: hyperparameter)
//       -> (loss, logits, new params...: parameter)
// (forward + backward + SGD in one function). @loss is traced in training
// mode, @forward in eval mode (dropout is the identity there); dropout's key
// is an rng_state argument [seed, step] the Trainer advances every step.
// Arguments and results are bound by their dl.role and dl.name, never by
// position. Parameters live in runtime buffers; each step writes the updated
// parameters into a second set of buffers and the two are swapped: nothing
// is copied, traced or compiled per step.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "frontend/Graph.h"
#include "frontend/nn/Module.h"
#include "passes/PipelineOptions.h"

#include <memory>
#include <string>

namespace dlc::cpu {
class JitModule;
}

namespace dlc {

struct TrainerOptions {
  int64_t batchSize = 256;
  std::vector<int64_t> exampleShape{1, 28, 28};
  float learningRate = 0.1f;
  double weightDecay = 0.0;
  /// Seeds random ops (dropout): @train_step's rng_state argument is
  /// [seed, step], the step counting from 0 and advancing every step().
  uint64_t seed = 0;
};

/// Traces @loss and @forward of `model` into `graph`.
void traceClassifier(Graph &graph, nn::Module &model, const TrainerOptions &options);

class Trainer {
public:
  Trainer(nn::Module &model, TrainerOptions options);
  ~Trainer();

  /// One SGD step on a batch: x is (batch, example...) f32, y (batch) i32.
  /// Returns the mean loss; logits() then holds the batch's logits.
  float step(const rt::HostTensor &x, const rt::HostTensor &y);
  /// Logits of the last step() or predict().
  const rt::HostTensor &logits() const { return logits_; }
  /// Forward pass only.
  const rt::HostTensor &predict(const rt::HostTensor &x);

  /// Hyperparameters are runtime arguments: changing them recompiles nothing.
  void setLearningRate(float lr) { lr_.f32()[0] = lr; }
  void setWeightDecay(float wd) { weightDecay_.f32()[0] = wd; }
  const TrainerOptions &options() const { return options_; }

private:
  nn::Module &model_;
  TrainerOptions options_;
  Graph graph_;
  std::unique_ptr<cpu::JitModule> jit_;
  std::vector<nn::Parameter *> params_;   ///< parameters of @loss
  std::vector<rt::HostTensor> spare_;     ///< the other half of each double buffer
  rt::HostTensor lr_, weightDecay_, loss_, logits_;
  rt::HostTensor rng_; ///< [seed, step] for dropout masks (i64)
  /// Call lists of @train_step and @forward, bound once by role and name;
  /// `x`/`y` slots are filled per call.
  struct Bound {
    std::vector<const rt::HostTensor *> in;
    std::vector<rt::HostTensor *> out;
    int x = -1, y = -1;
    std::vector<std::pair<size_t, size_t>> paramIn, paramOut; ///< (slot, params_ index)
  };
  Bound bind(const std::string &function);
  Bound step_, forward_;
};

} // namespace dlc
