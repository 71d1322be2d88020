//===- MatmulToLinalg.cpp - dl.matmul → linalg ----------------------------===//
#include "passes/lowering/LinalgBuilders.h"
#include "passes/lowering/PopulatePatterns.h"

#include "ir/DLOps.h"

using namespace mlir;

namespace dlc::lowering {
namespace {

/// C[m,n] += A[m,k]·B[k,n] over loops (m, n, k); transposes swap the
/// operand's map instead of materialising a transpose.
struct MatmulToGeneric : OpRewritePattern<dl::MatmulOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(dl::MatmulOp op, PatternRewriter &rw) const override {
    Location loc = op.getLoc();
    MLIRContext *ctx = rw.getContext();
    auto out = cast<RankedTensorType>(op.getType());
    AffineExpr m = getAffineDimExpr(0, ctx), n = getAffineDimExpr(1, ctx),
               k = getAffineDimExpr(2, ctx);
    auto map = [&](AffineExpr a, AffineExpr b) { return AffineMap::get(3, 0, {a, b}, ctx); };
    SmallVector<AffineMap> maps{op.getTransposeLhs() ? map(k, m) : map(m, k),
                                op.getTransposeRhs() ? map(n, k) : map(k, n), map(m, n)};
    auto generic = linalg::GenericOp::create(
        rw, loc, out, ValueRange{op.getLhs(), op.getRhs()},
        ValueRange{filled(rw, loc, out, 0.0f)}, maps,
        iterators(3, SmallVector<int64_t>{2}), [](OpBuilder &b, Location l, ValueRange a) {
          Value p = arith::MulFOp::create(b, l, a[0], a[1]);
          linalg::YieldOp::create(b, l, ValueRange{accumulate(b, l, a[2], p)});
        });
    rw.replaceOp(op, generic.getResults());
    return success();
  }
};

} // namespace

void populateMatmulToLinalg(RewritePatternSet &patterns) {
  patterns.add<MatmulToGeneric>(patterns.getContext());
}

} // namespace dlc::lowering
