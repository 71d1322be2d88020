//===- Pipelines.cpp - the named pipelines dlc and dlc-opt run ------------===//
//
// Stages in order of depth: dl → grad (autodiff + optimizer) → linalg → llvm.
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

} // namespace

void buildPipeline(OpPassManager &pm, Stage stage, const PipelineOptions &options) {
  registerAllDlcPasses(); // textual stages need every pass registered
  if (stage == Stage::DL) return;
  if (options.training) {
    pm.addPass(createDLAutodiff(DLAutodiffOptions{options.func}));
    pm.addPass(createDLSGD(DLSGDOptions{options.func + "_grad"}));
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
  PassPipelineRegistration<>(
      "dlc-training-pipeline",
      "dl @loss → @train_step (autodiff + SGD) → LLVM dialect, as `dlc train` runs it",
      [](OpPassManager &pm) { buildPipeline(pm, Stage::LLVM, {/*training=*/true}); });
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
