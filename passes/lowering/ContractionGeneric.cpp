//===- ContractionGeneric.cpp - matrix products as one linalg.generic -----===//
#include "passes/lowering/ContractionGeneric.h"

#include "passes/lowering/LinalgBuilders.h"

using namespace mlir;

namespace dlc::lowering {

Value contractionGeneric(OpBuilder &b, Location loc, RankedTensorType out, Value lhs, Value rhs,
                         bool transposeLhs, bool transposeRhs) {
  MLIRContext *ctx = b.getContext();
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
  SmallVector<AffineMap> maps{map(lhs, m, k, transposeLhs), map(rhs, k, n, transposeRhs),
                              AffineMap::get(loops, 0, res, ctx)};
  auto generic = linalg::GenericOp::create(
      b, loc, out, ValueRange{lhs, rhs}, ValueRange{filled(b, loc, out, 0.0f)}, maps,
      iterators(loops, SmallVector<int64_t>{int64_t(batch + 2)}),
      [](OpBuilder &nb, Location l, ValueRange a) {
        Value p = arith::MulFOp::create(nb, l, a[0], a[1]);
        linalg::YieldOp::create(nb, l, ValueRange{accumulate(nb, l, a[2], p)});
      });
  return generic.getResult(0);
}

} // namespace dlc::lowering
