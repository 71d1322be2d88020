//===- Decompose.cpp - dl-decompose ---------------------------------------===//
#include "passes/Passes.h"
#include "passes/decompose/Decomposition.h"

#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

#define DEBUG_TYPE "dl-decompose"

namespace dlc {
#define GEN_PASS_DEF_DLDECOMPOSE
#include "passes/Passes.h.inc"
} // namespace dlc

using namespace mlir;

namespace dlc {
namespace {

struct DLDecompose : impl::DLDecomposeBase<DLDecompose> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    populateDecompositionPatterns(patterns);
    // Decompositions that build other composite ops are decomposed in turn
    // (the driver visits the ops it creates).
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns)))) {
      getOperation().emitError("dl-decompose: decompositions did not converge");
      return signalPassFailure();
    }
  }
};

} // namespace
} // namespace dlc
