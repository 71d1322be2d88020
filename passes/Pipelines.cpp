//===- Pipelines.cpp - the named pipelines dlc and dlc-opt run ------------===//
//
// Stages in order of depth: dl → grad (autodiff, optional gradient clipping,
// the optimizer PipelineOptions::optimizer names) → linalg → llvm.
// Upstream passes are named in textual form, so each stage reads as what a
// user would type into dlc-opt; `dlc-opt --dlc-training-pipeline` runs the
// exact passes `dlc train` runs.
//
//===----------------------------------------------------------------------===//
#include "passes/Passes.h"

#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"

#include "llvm/Support/ErrorHandling.h"

using namespace mlir;

namespace dlc {
namespace {

/// dl → linalg/tensor: composite ops to primitive ones (cse then shares what
/// a loss and its gradient both compute: the logits' row max, exp and sum),
/// oneDNN ops to runtime calls -- after decomposition, so the matmuls a
/// composite op decomposes into (dl.linear, dl.batch_matmul of rank > 3) run
/// on oneDNN too --, the rest to linalg; elementwise loop nests fused.
constexpr const char *kToLinalg =
    "dl-decompose,cse,dl-lower-to-runtime,dl-lower-to-linalg,canonicalize,"
    "dl-fuse-elementwise,cse,canonicalize";

/// linalg on tensors → LLVM dialect. Results become caller-provided out
/// parameters so the runtime owns every buffer it sees.
constexpr const char *kToLLVM =
    "dl-distinct-results,one-shot-bufferize{bufferize-function-boundaries "
    "function-boundary-type-conversion=identity-layout-map},"
    "buffer-results-to-out-params{modify-public-functions hoist-static-allocs},"
    "buffer-deallocation-pipeline,"
    "convert-linalg-to-parallel-loops,dl-shape-parallel-loops,convert-scf-to-openmp,canonicalize,"
    "dl-approximate-math,convert-vector-to-llvm,convert-scf-to-cf,expand-strided-metadata,lower-affine,"
    "finalize-memref-to-llvm,convert-math-to-llvm,convert-math-to-libm,"
    "convert-arith-to-llvm,convert-cf-to-llvm,convert-openmp-to-llvm,convert-func-to-llvm,"
    "reconcile-unrealized-casts";

void addTextual(OpPassManager &pm, StringRef pipeline) {
  if (failed(parsePassPipeline(pipeline, pm)))
    llvm::report_fatal_error("dlc: built-in pipeline failed to parse (a pass is not registered)");
}

/// The optimizer pass that `spec` describes, stepping @gradFunc.
void addOptimizer(OpPassManager &pm, const OptimizerSpec &spec, const std::string &gradFunc) {
  switch (spec.kind) {
  case OptimizerSpec::SGD: {
    DLSGDOptions o;
    o.funcName = gradFunc;
    o.momentum = spec.momentum;
    o.nesterov = spec.nesterov;
    pm.addPass(createDLSGD(o));
    return;
  }
  case OptimizerSpec::Adam:
  case OptimizerSpec::AdamW: {
    DLAdamOptions o;
    o.funcName = gradFunc;
    o.adamw = spec.kind == OptimizerSpec::AdamW;
    o.amsgrad = spec.amsgrad;
    pm.addPass(createDLAdam(o));
    return;
  }
  case OptimizerSpec::RMSprop: {
    DLRMSpropOptions o;
    o.funcName = gradFunc;
    o.momentum = spec.momentum;
    o.centered = spec.centered;
    pm.addPass(createDLRMSprop(o));
    return;
  }
  case OptimizerSpec::Adagrad: {
    DLAdagradOptions o;
    o.funcName = gradFunc;
    pm.addPass(createDLAdagrad(o));
    return;
  }
  }
  llvm_unreachable("unknown optimizer kind");
}

/// `dlc-opt --dlc-training-pipeline="optimizer=adam amsgrad clip-grad-norm"`:
/// the optimizer structure in textual form (its numbers are arguments).
struct TrainingPipelineOptions : PassPipelineOptions<TrainingPipelineOptions> {
  Option<OptimizerSpec::Kind> optimizer{
      *this, "optimizer", llvm::cl::desc("The optimizer step"), llvm::cl::init(OptimizerSpec::SGD),
      llvm::cl::values(clEnumValN(OptimizerSpec::SGD, "sgd", "torch.optim.SGD"),
                       clEnumValN(OptimizerSpec::Adam, "adam", "torch.optim.Adam"),
                       clEnumValN(OptimizerSpec::AdamW, "adamw", "torch.optim.AdamW"),
                       clEnumValN(OptimizerSpec::RMSprop, "rmsprop", "torch.optim.RMSprop"),
                       clEnumValN(OptimizerSpec::Adagrad, "adagrad", "torch.optim.Adagrad"))};
  Option<bool> momentum{*this, "momentum", llvm::cl::desc("SGD, RMSprop: momentum buffer"),
                        llvm::cl::init(false)};
  Option<bool> nesterov{*this, "nesterov", llvm::cl::desc("SGD: Nesterov momentum"),
                        llvm::cl::init(false)};
  Option<bool> centered{*this, "centered", llvm::cl::desc("RMSprop: centred"),
                        llvm::cl::init(false)};
  Option<bool> amsgrad{*this, "amsgrad", llvm::cl::desc("Adam, AdamW: AMSGrad"),
                       llvm::cl::init(false)};
  Option<bool> clipGradNorm{*this, "clip-grad-norm",
                            llvm::cl::desc("Clip gradients (torch's clip_grad_norm_)"),
                            llvm::cl::init(false)};

  PipelineOptions pipeline() const {
    PipelineOptions p;
    p.training = true;
    p.optimizer.kind = optimizer;
    p.optimizer.momentum = momentum;
    p.optimizer.nesterov = nesterov;
    p.optimizer.centered = centered;
    p.optimizer.amsgrad = amsgrad;
    p.optimizer.clipGradNorm = clipGradNorm;
    return p;
  }
};

} // namespace

void buildPipeline(OpPassManager &pm, Stage stage, const PipelineOptions &options) {
  registerAllDlcPasses(); // textual stages need every pass registered
  if (stage == Stage::DL) return;
  if (options.training) {
    pm.addPass(createDLAutodiff(DLAutodiffOptions{options.func}));
    if (options.optimizer.clipGradNorm) {
      DLClipGradNormOptions clip;
      clip.funcName = options.func + "_grad";
      pm.addPass(createDLClipGradNorm(clip));
    }
    addOptimizer(pm, options.optimizer, options.func + "_grad");
    addTextual(pm, "canonicalize,cse");
  }
  if (stage == Stage::Grad) return;
  addTextual(pm, kToLinalg);
  if (stage == Stage::Linalg) return;
  addTextual(pm, kToLLVM);
  // Without a DISubprogram on each function, translation drops the ops'
  // locations; with one, every instruction gets the user's file:line.
  if (options.debugInfo) {
    pm.addPass(createDLDebugLineZero());
    addTextual(pm, "ensure-debug-info-scope-on-llvm-func");
    pm.addPass(createDLDebugFileScopes());
  }
}

void registerPipelines() {
  static bool done = false;
  if (done) return;
  done = true;
  PassPipelineRegistration<TrainingPipelineOptions>(
      "dlc-training-pipeline",
      "dl @loss → @train_step (autodiff, optional clipping, optimizer; SGD by default) → LLVM "
      "dialect, as `dlc train` runs it",
      [](OpPassManager &pm, const TrainingPipelineOptions &o) {
        buildPipeline(pm, Stage::LLVM, o.pipeline());
      });
  PassPipelineRegistration<TrainingPipelineOptions>(
      "dlc-training-step-pipeline",
      "dl @loss → @train_step only (autodiff, optional clipping, optimizer), not lowered",
      [](OpPassManager &pm, const TrainingPipelineOptions &o) {
        buildPipeline(pm, Stage::Grad, o.pipeline());
      });
  PassPipelineRegistration<>("dlc-inference-pipeline",
                             "dl → LLVM dialect without training passes",
                             [](OpPassManager &pm) { buildPipeline(pm, Stage::LLVM, {}); });
  PassPipelineRegistration<>("dlc-lower-to-linalg-pipeline", "dl → linalg on tensors",
                             [](OpPassManager &pm) { buildPipeline(pm, Stage::Linalg, {}); });
  PassPipelineRegistration<>("dlc-linalg-to-llvm-pipeline",
                             "linalg on tensors → LLVM dialect (bufferization included)",
                             [](OpPassManager &pm) { addTextual(pm, kToLLVM); });
}

} // namespace dlc
