//===- LinearToLinalg.cpp - the Linear family → linalg ---===//
//
// dl.batch_matmul as one linalg.generic (any rank, any float type): what
// linalg serves when the runtime's oneDNN matmul does not (f64, bf16, or
// matmul-on-runtime off). dl.linear has no pattern here: it lowers through
// its decomposition (dl.matmul + dl.add), see ir/ops/Linear.cpp.
//
//===----------------------------------------------------------------------===//
#include "passes/lowering/LinalgBuilders.h"
#include "passes/lowering/PopulatePatterns.h"

#include "ir/ops/LinearOps.h"

using namespace mlir;

namespace dlc::lowering {
namespace {

/// C[b..., m, n] += A[b..., m, k]·B[b..., k, n] over loops (b..., m, n, k). A
/// batch dim an operand broadcasts (size 1, or missing) indexes at 0 or not
/// at all, and transposes swap the operand's last two map results, so
/// nothing is materialised.
struct BatchMatmulToGeneric : OpRewritePattern<dl::BatchMatmulOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(dl::BatchMatmulOp op, PatternRewriter &rw) const override {
    Location loc = op.getLoc();
    MLIRContext *ctx = rw.getContext();
    auto out = cast<RankedTensorType>(op.getType());
    unsigned batch = out.getRank() - 2, loops = batch + 3;
    AffineExpr m = getAffineDimExpr(batch, ctx), n = getAffineDimExpr(batch + 1, ctx),
               k = getAffineDimExpr(batch + 2, ctx);
    auto map = [&](Value operand, AffineExpr row, AffineExpr col, bool transposed) {
      ArrayRef<int64_t> s = cast<RankedTensorType>(operand.getType()).getShape();
      unsigned own = s.size() - 2, lead = batch - own;
      SmallVector<AffineExpr> results;
      for (unsigned i = 0; i < own; ++i)
        results.push_back(s[i] == 1 && out.getDimSize(lead + i) != 1
                              ? getAffineConstantExpr(0, ctx)
                              : getAffineDimExpr(lead + i, ctx));
      results.push_back(transposed ? col : row);
      results.push_back(transposed ? row : col);
      return AffineMap::get(loops, 0, results, ctx);
    };
    SmallVector<AffineExpr> res;
    for (unsigned i = 0; i < batch + 2; ++i) res.push_back(getAffineDimExpr(i, ctx));
    SmallVector<AffineMap> maps{map(op.getLhs(), m, k, op.getTransposeLhs()),
                                map(op.getRhs(), k, n, op.getTransposeRhs()),
                                AffineMap::get(loops, 0, res, ctx)};
    auto generic = linalg::GenericOp::create(
        rw, loc, out, ValueRange{op.getLhs(), op.getRhs()},
        ValueRange{filled(rw, loc, out, 0.0f)}, maps,
        iterators(loops, SmallVector<int64_t>{int64_t(batch + 2)}),
        [](OpBuilder &b, Location l, ValueRange a) {
          Value p = arith::MulFOp::create(b, l, a[0], a[1]);
          linalg::YieldOp::create(b, l, ValueRange{accumulate(b, l, a[2], p)});
        });
    rw.replaceOp(op, generic.getResults());
    return success();
  }
};

} // namespace

void populateLinearToLinalg(RewritePatternSet &patterns) {
  patterns.add<BatchMatmulToGeneric>(patterns.getContext());
}

} // namespace dlc::lowering
