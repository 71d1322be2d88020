//===- MatmulToLinalg.cpp - dl.matmul → linalg ----------------------------===//
#include "passes/lowering/ContractionGeneric.h"
#include "passes/lowering/PopulatePatterns.h"

#include "ir/DLOps.h"

using namespace mlir;

namespace dlc::lowering {
namespace {

/// C[m,n] += A[m,k]·B[k,n] over loops (m, n, k) (contractionGeneric).
struct MatmulToGeneric : OpRewritePattern<dl::MatmulOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(dl::MatmulOp op, PatternRewriter &rw) const override {
    rw.replaceOp(op, contractionGeneric(rw, op.getLoc(), op.getType(), op.getLhs(), op.getRhs(),
                                        op.getTransposeLhs(), op.getTransposeRhs()));
    return success();
  }
};

} // namespace

void populateMatmulToLinalg(RewritePatternSet &patterns) {
  patterns.add<MatmulToGeneric>(patterns.getContext());
}

} // namespace dlc::lowering
