//===- Passes.h - dlc passes and pipelines -----------------------*- C++ -*-===//
#pragma once

#include "ir/DLOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/Dialect/X86Vector/X86VectorDialect.h"
#include "mlir/Pass/Pass.h"

namespace dlc {

#define GEN_PASS_DECL
#include "passes/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "passes/Passes.h.inc"

/// Attribute names the passes agree on.
namespace attr {
/// Unit attribute on a function argument: differentiate with respect to it.
inline constexpr const char *kTrainable = "dl.trainable";
/// On a @<f>_grad function: how many of its results are the primal results.
inline constexpr const char *kNumPrimalResults = "dl.num_primal_results";
} // namespace attr

/// The arguments dl-autodiff differentiates (and dl-sgd updates): those
/// marked `dl.trainable`, or every f32 tensor argument when none is marked.
llvm::SmallVector<unsigned> trainableArguments(mlir::func::FuncOp f);

/// Pipeline stages, in order of depth. Each is also a registered textual
/// pipeline (see registerPipelines) so dlc-opt runs exactly what dlc runs.
enum class Stage { DL, Grad, Linalg, LLVM };

struct PipelineOptions {
  /// Build @train_step (autodiff + SGD) before lowering.
  bool training = false;
  double weightDecay = 0.0;
  /// The function dl-autodiff differentiates (@<func>_grad is what dl-sgd
  /// steps).
  std::string func = "loss";
};

/// Appends the passes that take `dl` IR to `stage`.
void buildPipeline(mlir::OpPassManager &pm, Stage stage, const PipelineOptions &options);

/// Registers dialects' passes and the named pipelines. Idempotent.
void registerAllDlcPasses();

/// Registers every dialect dlc's pipelines touch.
void registerDlcDialects(mlir::DialectRegistry &registry);

} // namespace dlc
