//===- LossToLinalg.cpp - one_hot, softmax_cross_entropy → linalg ---------===//
#include "passes/lowering/LinalgBuilders.h"
#include "passes/lowering/PopulatePatterns.h"

#include "ir/DLOps.h"

#include "mlir/Dialect/Math/IR/Math.h"

#include <limits>

using namespace mlir;

namespace dlc::lowering {
namespace {

/// `label == class index` as i1, inside a generic body.
Value isLabel(OpBuilder &b, Location l, unsigned classDim, Value label) {
  Value c = linalg::IndexOp::create(b, l, classDim);
  Value ci = arith::IndexCastOp::create(b, l, b.getI32Type(), c);
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
                                            f32(b, l, 1.0f), f32(b, l, 0.0f));
          linalg::YieldOp::create(b, l, ValueRange{v});
        });
    rw.replaceOp(op, generic.getResults());
    return success();
  }
};

/// loss = Σ_n (log Σ_c e^(x[n,c] - m[n]) + m[n] - x[n, t[n]]) / N, with
/// m[n] = max_c x[n,c], in three loop nests.
struct CrossEntropyToGenerics : OpRewritePattern<dl::SoftmaxCrossEntropyOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(dl::SoftmaxCrossEntropyOp op, PatternRewriter &rw) const override {
    Location loc = op.getLoc();
    MLIRContext *ctx = rw.getContext();
    auto logits = cast<RankedTensorType>(op.getLogits().getType());
    int64_t n = logits.getDimSize(0);
    auto rowType = RankedTensorType::get({n}, rw.getF32Type());
    auto scalarType = RankedTensorType::get({}, rw.getF32Type());
    AffineMap nc = rw.getMultiDimIdentityMap(2);
    AffineMap row = AffineMap::get(2, 0, {getAffineDimExpr(0, ctx)}, ctx);
    SmallVector<int64_t> classAxis{1};

    // m[n] = max_c x[n, c]
    Value m = linalg::GenericOp::create(
                  rw, loc, rowType, ValueRange{op.getLogits()},
                  ValueRange{filled(rw, loc, rowType, -std::numeric_limits<float>::infinity())},
                  ArrayRef<AffineMap>{nc, row}, iterators(2, classAxis),
                  [](OpBuilder &b, Location l, ValueRange a) {
                    linalg::YieldOp::create(
                        b, l, ValueRange{arith::MaximumFOp::create(b, l, a[0], a[1])});
                  })
                  .getResult(0);
    // s[n] = Σ_c e^(x - m),  picked[n] = x[n, t[n]]
    auto sums = linalg::GenericOp::create(
        rw, loc, TypeRange{rowType, rowType}, ValueRange{op.getLogits(), m, op.getLabels()},
        ValueRange{filled(rw, loc, rowType, 0.0f), filled(rw, loc, rowType, 0.0f)},
        ArrayRef<AffineMap>{nc, row, row, row, row}, iterators(2, classAxis),
        [](OpBuilder &b, Location l, ValueRange a) {
          Value e = math::ExpOp::create(b, l, arith::SubFOp::create(b, l, a[0], a[1]));
          Value s = accumulate(b, l, a[3], e);
          Value x = arith::SelectOp::create(b, l, isLabel(b, l, 1, a[2]), a[0], f32(b, l, 0.0f));
          Value p = accumulate(b, l, a[4], x);
          linalg::YieldOp::create(b, l, ValueRange{s, p});
        });
    // loss = Σ_n (log s + m - picked) / N
    AffineMap n1 = rw.getMultiDimIdentityMap(1);
    AffineMap scalar = AffineMap::get(1, 0, {}, ctx);
    float invN = 1.0f / static_cast<float>(n);
    auto loss = linalg::GenericOp::create(
        rw, loc, scalarType, ValueRange{sums.getResult(0), m, sums.getResult(1)},
        ValueRange{filled(rw, loc, scalarType, 0.0f)}, ArrayRef<AffineMap>{n1, n1, n1, scalar},
        iterators(1, SmallVector<int64_t>{0}), [invN](OpBuilder &b, Location l, ValueRange a) {
          Value lse = arith::AddFOp::create(b, l, math::LogOp::create(b, l, a[0]), a[1]);
          Value term = arith::SubFOp::create(b, l, lse, a[2]);
          Value scaled = arith::MulFOp::create(b, l, term, f32(b, l, invN));
          linalg::YieldOp::create(b, l, ValueRange{accumulate(b, l, a[3], scaled)});
        });
    rw.replaceOp(op, loss.getResults());
    return success();
  }
};

} // namespace

void populateLossToLinalg(RewritePatternSet &patterns) {
  patterns.add<OneHotToGeneric, CrossEntropyToGenerics>(patterns.getContext());
}

} // namespace dlc::lowering
