//===- FuseElementwise.cpp - dl-fuse-elementwise --------------------------===//
//
// Upstream `linalg-fuse-elementwise-ops` with a bounded control function.
// Its own control function fuses every single-use producer, so a long chain
// of single-use values (the backward pass of a deep elementwise graph: each
// cotangent is used once) collapses into one generic, one producer at a
// time. Every step clones the whole payload built so far and carries every
// input read along the chain, so compile time grows quadratically: 2,000
// chained ops spent 16 of 25 s in fusion, 4,000 ops over a minute.
//
// Bounding the size of a fused op keeps each step O(limit) and the pass
// linear. The bounds are far above what a real layer fuses (LeNet's largest
// fused op has a few dozen payload ops and a handful of operands), and past
// them one op more saves little: a loop that streams 32 tensors is memory
// bound, and one buffer between two such loops is noise.
//
//===----------------------------------------------------------------------===//
#include "passes/Passes.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/Tensor/Transforms/Transforms.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

#define DEBUG_TYPE "dl-fuse-elementwise"

namespace dlc {
#define GEN_PASS_DEF_DLFUSEELEMENTWISE
#include "passes/Passes.h.inc"
} // namespace dlc

using namespace mlir;

namespace dlc {
namespace {

/// Payload ops of a linalg op (its region without the terminator).
int64_t payloadSize(Operation *op) {
  if (op->getNumRegions() == 0 || op->getRegion(0).empty()) return 0;
  return static_cast<int64_t>(op->getRegion(0).front().getOperations().size()) - 1;
}

struct DLFuseElementwise : impl::DLFuseElementwiseBase<DLFuseElementwise> {
  using DLFuseElementwiseBase::DLFuseElementwiseBase;

  void runOnOperation() override {
    MLIRContext *context = &getContext();
    int64_t maxOps = maxPayloadOps, maxIn = maxOperands;
    // Upstream's rule (a producer used once) plus the size bounds: the fused
    // op has at most the sum of both payloads and both operand lists.
    linalg::ControlFusionFn control = [maxOps, maxIn](OpOperand *fused) {
      Operation *producer = fused->get().getDefiningOp();
      Operation *consumer = fused->getOwner();
      if (!producer || !producer->hasOneUse()) return false;
      if (payloadSize(producer) + payloadSize(consumer) > maxOps) return false;
      return static_cast<int64_t>(producer->getNumOperands() + consumer->getNumOperands()) <=
             maxIn;
    };
    // The pattern set of upstream's LinalgElementwiseOpFusionPass.
    RewritePatternSet patterns(context);
    linalg::populateElementwiseOpsFusionPatterns(patterns, control);
    linalg::populateFoldReshapeOpsByExpansionPatterns(patterns, control);
    tensor::populateBubbleUpExpandShapePatterns(patterns);
    affine::AffineApplyOp::getCanonicalizationPatterns(patterns, context);
    linalg::GenericOp::getCanonicalizationPatterns(patterns, context);
    tensor::ExpandShapeOp::getCanonicalizationPatterns(patterns, context);
    tensor::CollapseShapeOp::getCanonicalizationPatterns(patterns, context);
    context->getLoadedDialect<linalg::LinalgDialect>()->getCanonicalizationPatterns(patterns);
    linalg::populateConstantFoldLinalgOperations(patterns, control);
    // As upstream: not converging within the iteration limit still leaves
    // valid (less fused) IR, so it is no failure.
    (void)applyPatternsGreedily(getOperation(), std::move(patterns),
                                GreedyRewriteConfig().setUseTopDownTraversal());
  }
};

} // namespace
} // namespace dlc
