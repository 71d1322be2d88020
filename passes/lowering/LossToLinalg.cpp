//===- LossToLinalg.cpp - one_hot → linalg -------------------------------===//
//
// softmax_cross_entropy has no loops of its own: it lowers through its
// decomposition (DecomposableOpInterface) into reductions and elementwise ops.
//
//===----------------------------------------------------------------------===//
#include "passes/lowering/LinalgBuilders.h"
#include "passes/lowering/PopulatePatterns.h"

#include "ir/DLOps.h"

using namespace mlir;

namespace dlc::lowering {
namespace {

/// `label == class index` as i1, inside a generic body.
Value isLabel(OpBuilder &b, Location l, unsigned classDim, Value label) {
  Value c = linalg::IndexOp::create(b, l, classDim);
  Value ci = arith::IndexCastOp::create(b, l, label.getType(), c); // i32 or i64 labels
  return arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, ci, label);
}

struct OneHotToGeneric : OpRewritePattern<dl::OneHotOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(dl::OneHotOp op, PatternRewriter &rw) const override {
    Location loc = op.getLoc();
    auto type = cast<RankedTensorType>(op.getType());
    unsigned rank = type.getRank();
    SmallVector<int64_t> classAxis{rank - 1};
    SmallVector<AffineMap> maps{reducedMap(rw.getContext(), rank, classAxis, false),
                                rw.getMultiDimIdentityMap(rank)};
    auto generic = linalg::GenericOp::create(
        rw, loc, type, ValueRange{op.getLabels()}, ValueRange{empty(rw, loc, type)}, maps,
        iterators(rank), [&](OpBuilder &b, Location l, ValueRange a) {
          Value v = arith::SelectOp::create(b, l, isLabel(b, l, rank - 1, a[0]),
                                            floatConst(b, l, type.getElementType(), 1.0),
                                            floatConst(b, l, type.getElementType(), 0.0));
          linalg::YieldOp::create(b, l, ValueRange{v});
        });
    rw.replaceOp(op, generic.getResults());
    return success();
  }
};

} // namespace

void populateLossToLinalg(RewritePatternSet &patterns) {
  patterns.add<OneHotToGeneric>(patterns.getContext());
}

} // namespace dlc::lowering
