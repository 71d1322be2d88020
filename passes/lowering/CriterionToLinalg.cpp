//===- CriterionToLinalg.cpp - the Criterion family → linalg ---===//
//
// cross_entropy, nll_loss, mse_loss and masked_softmax lower through their
// decompositions (DecomposableOpInterface) into target_weights,
// class_weighted_sum, sequence_fill and core ops; those three primitives and
// binary_cross_entropy_with_logits (which needs math.log1p) lower here.
//
//===----------------------------------------------------------------------===//
#include "passes/lowering/LinalgBuilders.h"
#include "passes/lowering/PopulatePatterns.h"

#include "ir/Builders.h"
#include "ir/ops/CriterionOps.h"
#include "ir/shape/Criterion.h"

#include "mlir/Dialect/Math/IR/Math.h"

using namespace mlir;

namespace dlc::lowering {
namespace {

/// The loop index `dim` as an integer of `type` (the labels' i32 or i64).
Value indexAs(OpBuilder &b, Location l, unsigned dim, Type type) {
  return arith::IndexCastOp::create(b, l, type, linalg::IndexOp::create(b, l, dim));
}

Value intConst(OpBuilder &b, Location l, Type type, int64_t v) {
  return arith::ConstantOp::create(b, l, type, b.getIntegerAttr(type, v));
}

// result[n, c, d...] = valid ? w[c] * (t == c ? 1 - ls + ls/C : ls/C) : 0,
// valid = 0 <= t < C and t != ignore_index.
struct TargetWeightsToGeneric : OpRewritePattern<dl::TargetWeightsOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(dl::TargetWeightsOp op, PatternRewriter &rw) const override {
    Location loc = op.getLoc();
    auto type = cast<RankedTensorType>(op.getType());
    Type element = type.getElementType();
    unsigned rank = type.getRank();
    int64_t axis = cast<RankedTensorType>(op.getTarget().getType()).getRank() == 0 ? 0 : 1;
    int64_t classes = int64_t(op.getClasses()), ignore = int64_t(op.getIgnoreIndex());
    double ls = op.getLabelSmoothing().convertToDouble();
    MLIRContext *ctx = rw.getContext();
    SmallVector<Value> inputs{op.getTarget()};
    SmallVector<AffineMap> maps{reducedMap(ctx, rank, {axis}, /*keepdims=*/false)};
    if (Value w = op.getWeight()) {
      inputs.push_back(w);
      maps.push_back(AffineMap::get(rank, 0, rw.getAffineDimExpr(axis)));
    }
    maps.push_back(rw.getMultiDimIdentityMap(rank));
    auto generic = linalg::GenericOp::create(
        rw, loc, type, inputs, ValueRange{empty(rw, loc, type)}, maps, iterators(rank),
        [&](OpBuilder &b, Location l, ValueRange a) {
          Value t = a[0];
          Type label = t.getType();
          auto cmp = [&](arith::CmpIPredicate p, Value x, Value y) {
            return arith::CmpIOp::create(b, l, p, x, y);
          };
          Value valid = arith::AndIOp::create(
              b, l, cmp(arith::CmpIPredicate::sge, t, intConst(b, l, label, 0)),
              cmp(arith::CmpIPredicate::slt, t, intConst(b, l, label, classes)));
          valid = arith::AndIOp::create(
              b, l, valid, cmp(arith::CmpIPredicate::ne, t, intConst(b, l, label, ignore)));
          Value hit = cmp(arith::CmpIPredicate::eq, t, indexAs(b, l, axis, label));
          Value v = arith::SelectOp::create(b, l, hit,
                                            floatConst(b, l, element, 1.0 - ls + ls / classes),
                                            floatConst(b, l, element, ls / classes));
          if (op.getWeight()) v = arith::MulFOp::create(b, l, v, a[1]);
          v = arith::SelectOp::create(b, l, valid, v, floatConst(b, l, element, 0.0));
          linalg::YieldOp::create(b, l, ValueRange{v});
        });
    rw.replaceOp(op, generic.getResults());
    return success();
  }
};

// result[n, d...] = sum_c (w != 0 ? w * x : 0): a zero weight skips the
// input, which may be -inf (0 * -inf would be NaN).
struct ClassWeightedSumToGeneric : OpRewritePattern<dl::ClassWeightedSumOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(dl::ClassWeightedSumOp op, PatternRewriter &rw) const override {
    Location loc = op.getLoc();
    auto in = cast<RankedTensorType>(op.getInput().getType());
    auto out = cast<RankedTensorType>(op.getType());
    unsigned rank = in.getRank();
    SmallVector<int64_t> classAxis{dl::shape::classAxis(rank)};
    SmallVector<AffineMap> maps{rw.getMultiDimIdentityMap(rank), rw.getMultiDimIdentityMap(rank),
                                reducedMap(rw.getContext(), rank, classAxis, false)};
    auto generic = linalg::GenericOp::create(
        rw, loc, out, ValueRange{op.getWeights(), op.getInput()},
        ValueRange{filled(rw, loc, out, 0.0)}, maps, iterators(rank, classAxis),
        [](OpBuilder &b, Location l, ValueRange a) {
          Value w = a[0], acc = a[2];
          Value used = arith::CmpFOp::create(b, l, arith::CmpFPredicate::UNE, w,
                                             floatLike(b, l, w, 0.0));
          Value sum = accumulate(b, l, acc, arith::MulFOp::create(b, l, w, a[1]));
          linalg::YieldOp::create(b, l, ValueRange{arith::SelectOp::create(b, l, used, sum, acc)});
        });
    rw.replaceOp(op, generic.getResults());
    return success();
  }
};

// result[i..., k] = k < valid_lens[i0..ir-1] ? input[i..., k] : value.
struct SequenceFillToGeneric : OpRewritePattern<dl::SequenceFillOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(dl::SequenceFillOp op, PatternRewriter &rw) const override {
    Location loc = op.getLoc();
    auto type = cast<RankedTensorType>(op.getType());
    unsigned rank = type.getRank();
    unsigned lensRank = cast<RankedTensorType>(op.getValidLens().getType()).getRank();
    SmallVector<AffineMap> maps{rw.getMultiDimIdentityMap(rank),
                                rw.getMultiDimIdentityMap(rank).getMajorSubMap(lensRank),
                                rw.getMultiDimIdentityMap(rank)};
    double value = op.getValue().convertToDouble();
    auto generic = linalg::GenericOp::create(
        rw, loc, type, ValueRange{op.getInput(), op.getValidLens()},
        ValueRange{empty(rw, loc, type)}, maps, iterators(rank),
        [&](OpBuilder &b, Location l, ValueRange a) {
          Value k = indexAs(b, l, rank - 1, a[1].getType());
          Value keep = arith::CmpIOp::create(b, l, arith::CmpIPredicate::slt, k, a[1]);
          Value v = arith::SelectOp::create(b, l, keep, a[0],
                                            floatConst(b, l, type.getElementType(), value));
          linalg::YieldOp::create(b, l, ValueRange{v});
        });
    rw.replaceOp(op, generic.getResults());
    return success();
  }
};

// "mean"/"sum": the per-element losses (reduction "none"), then dl
// reductions, which lower in turn.
struct ReduceBceWithLogits : OpRewritePattern<dl::BinaryCrossEntropyWithLogitsOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(dl::BinaryCrossEntropyWithLogitsOp op,
                                PatternRewriter &rw) const override {
    if (op.getReduction() == "none") return failure();
    Location loc = op.getLoc();
    auto in = cast<RankedTensorType>(op.getInput().getType());
    Value per = dl::BinaryCrossEntropyWithLogitsOp::create(
        rw, loc, in, op.getInput(), op.getTarget(), op.getWeight(), op.getPosWeight(),
        rw.getStringAttr("none"));
    SmallVector<int64_t> axes;
    for (int64_t a = 0; a < in.getRank(); ++a) axes.push_back(a);
    auto scalar = RankedTensorType::get({}, in.getElementType());
    Value total = per;
    if (in.getRank())
      total = dl::ReduceSumOp::create(rw, loc, scalar, per, rw.getDenseI64ArrayAttr(axes),
                                      /*keepdims=*/false);
    if (op.getReduction() == "mean")
      total = dl::binary<dl::DivOp>(
          rw, loc, total, dl::scalarLike(rw, loc, total, double(in.getNumElements())));
    rw.replaceOp(op, total);
    return success();
  }
};

/// log(1 + e) for e in [0, 1], accurate when e is below the precision of 1
/// (W. Kahan: with u = 1 + e rounded, log(u) * e / (u - 1)). Written out
/// because the pipeline lowers f64 math.log1p to a plain log(1 + e).
Value log1p(OpBuilder &b, Location l, Value e) {
  Value one = floatLike(b, l, e, 1.0);
  Value u = arith::AddFOp::create(b, l, one, e);
  Value um1 = arith::SubFOp::create(b, l, u, one);
  Value scaled = arith::DivFOp::create(
      b, l, arith::MulFOp::create(b, l, math::LogOp::create(b, l, u), e), um1);
  Value exact = arith::CmpFOp::create(b, l, arith::CmpFPredicate::OEQ, u, one);
  return arith::SelectOp::create(b, l, exact, e, scaled);
}

// loss = w ((1 - t) x - lw log_sigmoid(x)), lw = 1 + (p - 1) t, computed as
//   max(x, 0) - x t + log1p(exp(-|x|))                 without pos_weight,
//   ((1 - t) x + lw max(-x, 0)) + lw log1p(exp(-|x|))   with it
// (log_sigmoid(x) = -max(-x, 0) - log1p(exp(-|x|))). exp never overflows;
// the first two terms cancel exactly (x + -x) where the loss is tiny, so
// the log1p term survives (PyTorch's f32 kernel, which subtracts
// log_sigmoid, returns 0 there).
struct BceWithLogitsToGeneric : OpRewritePattern<dl::BinaryCrossEntropyWithLogitsOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(dl::BinaryCrossEntropyWithLogitsOp op,
                                PatternRewriter &rw) const override {
    if (op.getReduction() != "none") return failure();
    Location loc = op.getLoc();
    auto type = cast<RankedTensorType>(op.getType());
    SmallVector<Value> inputs{op.getInput(), op.getTarget()};
    if (op.getWeight()) inputs.push_back(op.getWeight());
    if (op.getPosWeight()) inputs.push_back(op.getPosWeight());
    SmallVector<AffineMap> maps;
    for (Value in : inputs)
      maps.push_back(broadcastMap(rw.getContext(), cast<RankedTensorType>(in.getType()),
                                  type.getShape()));
    maps.push_back(rw.getMultiDimIdentityMap(type.getRank()));
    bool hasWeight = bool(op.getWeight()), hasPosWeight = bool(op.getPosWeight());
    auto generic = linalg::GenericOp::create(
        rw, loc, type, inputs, ValueRange{empty(rw, loc, type)}, maps, iterators(type.getRank()),
        [&](OpBuilder &b, Location l, ValueRange a) {
          Value x = a[0], t = a[1];
          Value one = floatLike(b, l, x, 1.0), zero = floatLike(b, l, x, 0.0);
          Value negAbs = arith::NegFOp::create(b, l, math::AbsFOp::create(b, l, x));
          Value soft = log1p(b, l, math::ExpOp::create(b, l, negAbs));
          Value loss;
          if (!hasPosWeight) {
            Value relu = arith::MaximumFOp::create(b, l, x, zero);
            loss = arith::AddFOp::create(
                b, l, arith::SubFOp::create(b, l, relu, arith::MulFOp::create(b, l, x, t)), soft);
          } else {
            Value p = a[hasWeight ? 3 : 2];
            Value pt = arith::MulFOp::create(b, l, arith::SubFOp::create(b, l, p, one), t);
            Value lw = arith::AddFOp::create(b, l, one, pt);
            Value reluNeg = arith::MaximumFOp::create(b, l, arith::NegFOp::create(b, l, x), zero);
            Value linear = arith::AddFOp::create(
                b, l, arith::MulFOp::create(b, l, arith::SubFOp::create(b, l, one, t), x),
                arith::MulFOp::create(b, l, lw, reluNeg));
            loss = arith::AddFOp::create(b, l, linear, arith::MulFOp::create(b, l, lw, soft));
          }
          if (hasWeight) loss = arith::MulFOp::create(b, l, loss, a[2]);
          linalg::YieldOp::create(b, l, ValueRange{loss});
        });
    rw.replaceOp(op, generic.getResults());
    return success();
  }
};

} // namespace

void populateCriterionToLinalg(RewritePatternSet &patterns) {
  patterns.add<TargetWeightsToGeneric, ClassWeightedSumToGeneric, SequenceFillToGeneric,
               ReduceBceWithLogits, BceWithLogitsToGeneric>(patterns.getContext());
}

} // namespace dlc::lowering
