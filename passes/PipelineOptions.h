//===- PipelineOptions.h - what the named pipelines take ---------*- C++ -*-===//
//
// Kept apart from Passes.h (which pulls in a dozen MLIR dialect headers) so
// that backends/cpu/JitModule.h and the headers users include stay light.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <string>

namespace dlc {

/// Pipeline stages, in order of depth. Each is also a registered textual
/// pipeline (see registerPipelines) so dlc-opt runs exactly what dlc runs.
enum class Stage { DL, Grad, Linalg, LLVM };

/// The structure of the optimizer step compiled into @train_step. Only
/// structure is compile-time: every number (lr, betas, eps, max_norm, ...)
/// is a runtime `hyperparameter` argument named as torch's param_group key
/// (docs/architecture.md, "Optimizers"), so changing one never recompiles.
/// dlc::optim::Optimizer (frontend/Optimizer.h) fills this from torch-style
/// options.
struct OptimizerSpec {
  enum Kind { SGD, Adam, AdamW, RMSprop, Adagrad } kind = SGD;
  /// SGD: Nesterov momentum (needs `momentum`).
  bool nesterov = false;
  /// SGD and RMSprop: keep a momentum buffer (torch: momentum != 0). Adds
  /// the `momentum` hyperparameter (SGD also `dampening`).
  bool momentum = false;
  /// RMSprop: normalise by the centred second moment (keeps `grad_avg`).
  bool centered = false;
  /// Adam and AdamW: the AMSGrad variant (keeps `max_exp_avg_sq`).
  bool amsgrad = false;
  /// Rescale gradients by torch's clip_grad_norm_ before the step: adds the
  /// `max_norm` hyperparameter and a `grad_norm` output.
  bool clipGradNorm = false;
};

struct PipelineOptions {
  /// Build @train_step (autodiff, optional clipping, `optimizer`) before
  /// lowering. Hyperparameters are runtime arguments of @train_step.
  bool training = false;
  /// The function dl-autodiff differentiates (@<func>_grad is what dl-sgd
  /// steps).
  std::string func = "loss";
  /// The optimizer step dl-autodiff's gradients feed (training only).
  OptimizerSpec optimizer;
  /// Stage::LLVM only: give every llvm.func a DISubprogram
  /// (ensure-debug-info-scope-on-llvm-func) so the ops' file:line locations
  /// become `!dbg` line tables in LLVM IR and in JIT-compiled code.
  bool debugInfo = false;
};

} // namespace dlc
