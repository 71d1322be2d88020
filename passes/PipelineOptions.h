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

/// The optimizer @train_step applies: only its structure is compile-time;
/// every number is a runtime `hyperparameter` argument named as torch's
/// param_group keys (lr, weight_decay, momentum, beta1, max_norm...).
struct OptimizerSpec {
  enum Kind { SGD, Adam, AdamW, RMSprop, Adagrad } kind = SGD;
  bool nesterov = false;
  bool momentum = false; ///< SGD keeps a momentum buffer
  bool centered = false; ///< RMSprop
  bool amsgrad = false;  ///< Adam, AdamW
  bool clipGradNorm = false;
};

struct PipelineOptions {
  /// Build @train_step (autodiff + SGD) before lowering. Hyperparameters
  /// (lr, weight_decay) are runtime arguments of @train_step.
  bool training = false;
  /// The function dl-autodiff differentiates (@<func>_grad is what dl-sgd
  /// steps).
  std::string func = "loss";
  OptimizerSpec optimizer = {};
  /// Stage::LLVM only: give every llvm.func a DISubprogram
  /// (ensure-debug-info-scope-on-llvm-func) so the ops' file:line locations
  /// become `!dbg` line tables in LLVM IR and in JIT-compiled code.
  bool debugInfo = false;
};

} // namespace dlc
