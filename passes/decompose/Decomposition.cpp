//===- Decomposition.cpp - composite dl ops → primitive dl ops ------------===//
#include "passes/decompose/Decomposition.h"

#include "ir/DLOps.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/ErrorHandling.h"

using namespace mlir;

namespace dlc {
namespace {

/// Replaces a decomposable op by the primitive ops its
/// `DecomposableOpInterface::decompose` builds in front of it.
struct DecomposeOp : OpInterfaceRewritePattern<dl::DecomposableOpInterface> {
  using OpInterfaceRewritePattern::OpInterfaceRewritePattern;

  LogicalResult matchAndRewrite(dl::DecomposableOpInterface op,
                                PatternRewriter &rw) const override {
    rw.setInsertionPoint(op);
    SmallVector<Value> results;
    // The interface's contract: failure only before anything was built.
    if (failed(op.decompose(rw, results)))
      return rw.notifyMatchFailure(op, "the op has no decomposition for these operands");
    // A rule returning the wrong values is a bug in that rule, not in the
    // user's IR; replacing anyway would leave IR that no longer verifies.
    if (results.size() != op->getNumResults() ||
        !llvm::equal(ValueRange(results).getTypes(), op->getResultTypes()))
      llvm::report_fatal_error(llvm::Twine("dl: decomposition of '") +
                               op->getName().getStringRef() +
                               "' does not return one value of each result's type");
    rw.replaceOp(op, results);
    return success();
  }
};

} // namespace

void populateDecompositionPatterns(RewritePatternSet &patterns, PatternBenefit benefit) {
  patterns.add<DecomposeOp>(patterns.getContext(), benefit);
}

} // namespace dlc
