//===- LowerToLinalg.cpp - dl-lower-to-linalg -----------------------------===//
#include "passes/Passes.h"
#include "passes/decompose/Decomposition.h"
#include "passes/lowering/PopulatePatterns.h"

#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

#define DEBUG_TYPE "dl-lower-to-linalg"

namespace dlc {
#define GEN_PASS_DEF_DLLOWERTOLINALG
#include "passes/Passes.h.inc"
} // namespace dlc

using namespace mlir;

namespace dlc {
namespace {

struct DLLowerToLinalg : impl::DLLowerToLinalgBase<DLLowerToLinalg> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    lowering::populateElementwiseToLinalg(patterns);
    lowering::populateReductionToLinalg(patterns);
    lowering::populateLossToLinalg(patterns);
    lowering::populateShapeToLinalg(patterns);
    lowering::populateMatmulToLinalg(patterns);
    lowering::populatePoolingToLinalg(patterns);
    lowering::populateMathToLinalg(patterns);
    lowering::populateRandomToLinalg(patterns);
    lowering::populateCriterionToLinalg(patterns);
    lowering::populateLinearToLinalg(patterns);
    lowering::populateSequenceToLinalg(patterns);
    lowering::populateDataMovementToLinalg(patterns);
    lowering::populateNormalizationToLinalg(patterns);
    lowering::populateStatisticsToLinalg(patterns);
    // Composite ops (softmax, cross-entropy, ...) lower through their
    // decomposition into the primitive ops above.
    populateDecompositionPatterns(patterns);
    // Folding could re-create dl.constant from attributes; keep it off.
    GreedyRewriteConfig config;
    config.enableFolding(false);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns), config)))
      return signalPassFailure();
    // Whatever dl op remains has no lowering: name it.
    WalkResult left = getOperation().walk([](Operation *op) {
      if (isa<dl::DLDialect>(op->getDialect())) {
        op->emitError("dl-lower-to-linalg: no lowering for '")
            << op->getName() << "' (conv/pool ops need dl-lower-to-runtime first)";
        return WalkResult::interrupt();
      }
      return WalkResult::advance();
    });
    if (left.wasInterrupted()) signalPassFailure();
  }
};

} // namespace
} // namespace dlc
