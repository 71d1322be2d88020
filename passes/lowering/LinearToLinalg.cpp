//===- LinearToLinalg.cpp - the Linear family → linalg ---===//
//
// dl.batch_matmul as one linalg.generic (any rank, any float type): what
// linalg serves when the runtime's oneDNN matmul does not (f64, bf16, or
// matmul-on-runtime off). dl.linear has no pattern here: it lowers through
// its decomposition (dl.matmul + dl.add), see ir/ops/Linear.cpp.
//
//===----------------------------------------------------------------------===//
#include "passes/lowering/ContractionGeneric.h"
#include "passes/lowering/PopulatePatterns.h"

#include "ir/ops/LinearOps.h"

using namespace mlir;

namespace dlc::lowering {
namespace {

/// Any rank and batch broadcasting (contractionGeneric).
struct BatchMatmulToGeneric : OpRewritePattern<dl::BatchMatmulOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(dl::BatchMatmulOp op, PatternRewriter &rw) const override {
    rw.replaceOp(op, contractionGeneric(rw, op.getLoc(), op.getType(), op.getLhs(), op.getRhs(),
                                        op.getTransposeLhs(), op.getTransposeRhs()));
    return success();
  }
};

} // namespace

void populateLinearToLinalg(RewritePatternSet &patterns) {
  patterns.add<BatchMatmulToGeneric>(patterns.getContext());
}

} // namespace dlc::lowering
