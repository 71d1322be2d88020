//===- NormalizationToLinalg.cpp - the Normalization family → linalg ---===//
//
// layer_norm and batch_norm share one scheme over the slices they normalize
// (the trailing dims, or every dim but the channel): a sum pass, a pass
// summing squared deviations from the mean (two passes rather than
// E[x^2] - E[x]^2, which cancels catastrophically when |mean| >> std), the
// per-slice statistics, and one elementwise pass writing y.
//
//===----------------------------------------------------------------------===//
#include "passes/lowering/LinalgBuilders.h"
#include "passes/lowering/PopulatePatterns.h"

#include "ir/ops/NormalizationOps.h"
#include "ir/shape/Normalization.h"

#include "mlir/Dialect/Math/IR/Math.h"

using namespace mlir;

namespace dlc::lowering {
namespace {

using Body = function_ref<Value(OpBuilder &, Location, ValueRange)>;

/// A reduction over `axes` of the input's loop nest into `statsType`
/// (written through `statsMap`): acc += term(elements of `ins`).
Value sumOver(OpBuilder &b, Location loc, RankedTensorType statsType, ValueRange ins,
              ArrayRef<AffineMap> inMaps, AffineMap statsMap, ArrayRef<int64_t> axes,
              Body term) {
  SmallVector<AffineMap> maps(inMaps);
  maps.push_back(statsMap);
  return linalg::GenericOp::create(
             b, loc, statsType, ins, ValueRange{filled(b, loc, statsType, 0.0)}, maps,
             iterators(statsMap.getNumDims(), axes),
             [&](OpBuilder &nb, Location l, ValueRange a) {
               Value t = term(nb, l, a.drop_back());
               linalg::YieldOp::create(nb, l, ValueRange{accumulate(nb, l, a.back(), t)});
             })
      .getResult(0);
}

/// One elementwise linalg.generic over tensors of `type` (all operands and
/// results the same shape), returning `fn`'s values.
SmallVector<Value> map(OpBuilder &b, Location loc, RankedTensorType type, ValueRange ins,
                       unsigned results,
                       function_ref<SmallVector<Value>(OpBuilder &, Location, ValueRange)> fn) {
  AffineMap id = b.getMultiDimIdentityMap(type.getRank());
  SmallVector<Value> inits;
  for (unsigned i = 0; i < results; ++i) inits.push_back(empty(b, loc, type));
  SmallVector<AffineMap> maps(ins.size() + results, id);
  SmallVector<Type> types(results, type);
  auto op = linalg::GenericOp::create(b, loc, types, ins, inits, maps, iterators(type.getRank()),
                                      [&](OpBuilder &nb, Location l, ValueRange a) {
                                        linalg::YieldOp::create(
                                            nb, l, fn(nb, l, a.take_front(ins.size())));
                                      });
  return SmallVector<Value>(op.getResults());
}

/// 1 / sqrt(v + eps), rounded as PyTorch computes rstd (a correctly rounded
/// sqrt and a division, not an rsqrt estimate).
Value rsqrtPlus(OpBuilder &b, Location l, Value v, double eps) {
  Value root = math::SqrtOp::create(b, l, arith::AddFOp::create(b, l, v, floatLike(b, l, v, eps)));
  return arith::DivFOp::create(b, l, floatLike(b, l, v, 1.0), root);
}

/// Mean, biased variance and 1/sqrt(var + eps) of `x` over the `axes` of a
/// loop nest that reads x through `xMap` and writes the statistics through
/// `statsMap`; `count` elements per statistic.
struct Stats {
  Value mean, var, rstd;
};
Stats statistics(OpBuilder &b, Location loc, Value x, AffineMap xMap, ArrayRef<int64_t> axes,
                 RankedTensorType statsType, AffineMap statsMap, double count, double eps) {
  Value sum = sumOver(b, loc, statsType, ValueRange{x}, {xMap}, statsMap, axes,
                      [](OpBuilder &, Location, ValueRange a) { return a[0]; });
  Value squares = sumOver(b, loc, statsType, ValueRange{x, sum}, {xMap, statsMap}, statsMap, axes,
                          [&](OpBuilder &nb, Location l, ValueRange a) {
                            Value n = floatLike(nb, l, a[1], count);
                            Value mean = arith::DivFOp::create(nb, l, a[1], n);
                            Value d = arith::SubFOp::create(nb, l, a[0], mean);
                            return arith::MulFOp::create(nb, l, d, d).getResult();
                          });
  SmallVector<Value> s = map(b, loc, statsType, ValueRange{sum, squares}, 3,
                             [&](OpBuilder &nb, Location l, ValueRange a) {
                               Value n = floatLike(nb, l, a[0], count);
                               Value mean = arith::DivFOp::create(nb, l, a[0], n);
                               Value var = arith::DivFOp::create(nb, l, a[1], n);
                               return SmallVector<Value>{mean, var, rsqrtPlus(nb, l, var, eps)};
                             });
  return {s[0], s[1], s[2]};
}

/// y = (x - mean) * rstd [* weight] [+ bias], one elementwise pass over x;
/// the statistics are read through `statsMap`, weight and bias through
/// `paramMap`.
Value normalize(OpBuilder &b, Location loc, Value x, Value mean, Value rstd, AffineMap statsMap,
                Value weight, Value bias, AffineMap paramMap) {
  auto in = cast<RankedTensorType>(x.getType());
  AffineMap id = b.getMultiDimIdentityMap(in.getRank());
  SmallVector<Value> ins{x, mean, rstd};
  SmallVector<AffineMap> maps{id, statsMap, statsMap};
  for (Value p : {weight, bias})
    if (p) {
      ins.push_back(p);
      maps.push_back(paramMap);
    }
  maps.push_back(id);
  return linalg::GenericOp::create(
             b, loc, in, ins, ValueRange{empty(b, loc, in)}, maps, iterators(in.getRank()),
             [&](OpBuilder &nb, Location l, ValueRange a) {
               Value y = arith::MulFOp::create(nb, l, arith::SubFOp::create(nb, l, a[0], a[1]), a[2]);
               unsigned next = 3;
               if (weight) y = arith::MulFOp::create(nb, l, y, a[next++]);
               if (bias) y = arith::AddFOp::create(nb, l, y, a[next++]);
               linalg::YieldOp::create(nb, l, ValueRange{y});
             })
      .getResult(0);
}

struct LayerNormToLinalg : OpRewritePattern<dl::LayerNormOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(dl::LayerNormOp op, PatternRewriter &rw) const override {
    Location loc = op.getLoc();
    auto in = cast<RankedTensorType>(op.getInput().getType());
    unsigned rank = in.getRank();
    SmallVector<int64_t> axes = dl::shape::layerNormAxes(rank, op.getNormalizedShape().size());
    auto statsType = cast<RankedTensorType>(op.getMean().getType());
    AffineMap statsMap = reducedMap(rw.getContext(), rank, axes, /*keepdims=*/true);
    double count = 1;
    for (int64_t a : axes) count *= double(in.getDimSize(a));
    Stats s = statistics(rw, loc, op.getInput(), rw.getMultiDimIdentityMap(rank), axes, statsType,
                         statsMap, count, op.getEps().convertToDouble());
    // weight and bias have the trailing dims' shape: numpy broadcasting.
    AffineMap paramMap;
    if (Value p = op.getWeight() ? op.getWeight() : op.getBias())
      paramMap = broadcastMap(rw.getContext(), cast<RankedTensorType>(p.getType()), in.getShape());
    Value y = normalize(rw, loc, op.getInput(), s.mean, s.rstd, statsMap, op.getWeight(),
                        op.getBias(), paramMap);
    rw.replaceOp(op, ValueRange{y, s.mean, s.rstd});
    return success();
  }
};

struct BatchNormToLinalg : OpRewritePattern<dl::BatchNormOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(dl::BatchNormOp op, PatternRewriter &rw) const override {
    Location loc = op.getLoc();
    auto in = cast<RankedTensorType>(op.getInput().getType());
    unsigned rank = in.getRank();
    SmallVector<int64_t> axes = dl::shape::batchNormAxes(rank);
    auto channels = cast<RankedTensorType>(op.getSaveMean().getType());
    // Per-channel tensors (statistics, weight, bias) are read at index d1.
    AffineMap channelMap = reducedMap(rw.getContext(), rank, axes, /*keepdims=*/false);
    double eps = op.getEps().convertToDouble();
    Value rm = op.getRunningMean(), rv = op.getRunningVar();
    if (!op.getTraining()) {
      Value rstd = map(rw, loc, channels, ValueRange{rv}, 1,
                       [&](OpBuilder &b, Location l, ValueRange a) {
                         return SmallVector<Value>{rsqrtPlus(b, l, a[0], eps)};
                       })[0];
      Value y = normalize(rw, loc, op.getInput(), rm, rstd, channelMap, op.getWeight(),
                          op.getBias(), channelMap);
      rw.replaceOp(op, ValueRange{y, rm, rv, rm, rstd});
      return success();
    }
    double m = 1, momentum = op.getMomentum().convertToDouble();
    for (int64_t a : axes) m *= double(in.getDimSize(a));
    // The statistics passes loop channel-first, (C, N, spatial...): one
    // parallel loop over channels outside, and each channel's reduction
    // inside, streaming its contiguous spatial rows. (In x's own order the
    // outer loop is N, a reduction, and the parallel channel loop would be
    // forked once per sample.)
    SmallVector<AffineExpr> channelFirst{rw.getAffineDimExpr(1), rw.getAffineDimExpr(0)};
    for (unsigned d = 2; d < rank; ++d) channelFirst.push_back(rw.getAffineDimExpr(d));
    AffineMap xMap = AffineMap::get(rank, 0, channelFirst, rw.getContext());
    SmallVector<int64_t> loopAxes;
    for (unsigned d = 1; d < rank; ++d) loopAxes.push_back(d);
    AffineMap loopChannel = AffineMap::get(rank, 0, {rw.getAffineDimExpr(0)}, rw.getContext());
    Stats s = statistics(rw, loc, op.getInput(), xMap, loopAxes, channels, loopChannel, m, eps);
    // PyTorch's buffer update: the running variance takes the unbiased
    // batch variance, m / (m - 1) times the biased one used to normalize.
    SmallVector<Value> running = map(
        rw, loc, channels, ValueRange{rm, rv, s.mean, s.var}, 2,
        [&](OpBuilder &b, Location l, ValueRange a) {
          Value keep = floatLike(b, l, a[0], 1.0 - momentum), take = floatLike(b, l, a[0], momentum);
          auto blend = [&](Value old, Value batch) {
            return arith::AddFOp::create(b, l, arith::MulFOp::create(b, l, keep, old),
                                         arith::MulFOp::create(b, l, take, batch))
                .getResult();
          };
          Value unbiased = arith::MulFOp::create(b, l, a[3], floatLike(b, l, a[3], m / (m - 1)));
          return SmallVector<Value>{blend(a[0], a[2]), blend(a[1], unbiased)};
        });
    Value y = normalize(rw, loc, op.getInput(), s.mean, s.rstd, channelMap, op.getWeight(),
                        op.getBias(), channelMap);
    rw.replaceOp(op, ValueRange{y, running[0], running[1], s.mean, s.rstd});
    return success();
  }
};

} // namespace

void populateNormalizationToLinalg(RewritePatternSet &patterns) {
  patterns.add<LayerNormToLinalg, BatchNormToLinalg>(patterns.getContext());
}

} // namespace dlc::lowering
