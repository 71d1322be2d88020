//===- StatisticsToLinalg.cpp - the Statistics family → linalg ---===//
//
// argmax and logsumexp lower here; mean, reduce_min and var lower through
// their decompositions (reduce_sum / reduce_max and elementwise ops).
//
//===----------------------------------------------------------------------===//
#include "passes/lowering/LinalgBuilders.h"
#include "passes/lowering/PopulatePatterns.h"

#include "ir/ops/StatisticsOps.h"

#include "mlir/Dialect/Math/IR/Math.h"

#include <limits>

using namespace mlir;

namespace dlc::lowering {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

/// argmax: one linalg.generic carrying the running maximum and its index.
/// The axis is a reduction iterator, which the loop lowering keeps
/// sequential and in order, so "strictly greater" keeps the first index on
/// ties; a NaN replaces any number (and then stays), as PyTorch.
struct ArgmaxToGeneric : OpRewritePattern<dl::ArgmaxOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(dl::ArgmaxOp op, PatternRewriter &rw) const override {
    Location loc = op.getLoc();
    auto in = cast<RankedTensorType>(op.getInput().getType());
    auto out = cast<RankedTensorType>(op.getType());
    unsigned rank = in.getRank();
    int64_t axis = op.getAxis();
    auto best = RankedTensorType::get(out.getShape(), in.getElementType());
    Value zero = arith::ConstantOp::create(rw, loc, rw.getI64IntegerAttr(0));
    Value indices = linalg::FillOp::create(rw, loc, ValueRange{zero},
                                           ValueRange{empty(rw, loc, out)}).getResult(0);
    AffineMap reduced = reducedMap(rw.getContext(), rank, {axis}, op.getKeepdims());
    SmallVector<AffineMap> maps{rw.getMultiDimIdentityMap(rank), reduced, reduced};
    auto generic = linalg::GenericOp::create(
        rw, loc, TypeRange{best, out}, ValueRange{op.getInput()},
        ValueRange{filled(rw, loc, best, -kInf), indices}, maps, iterators(rank, {axis}),
        [&](OpBuilder &b, Location l, ValueRange a) {
          Value x = a[0], m = a[1], i = a[2];
          Value here = arith::IndexCastOp::create(b, l, b.getI64Type(),
                                                  linalg::IndexOp::create(b, l, axis));
          Value greater = arith::CmpFOp::create(b, l, arith::CmpFPredicate::OGT, x, m);
          Value xNaN = arith::CmpFOp::create(b, l, arith::CmpFPredicate::UNO, x, x);
          Value mNumber = arith::CmpFOp::create(b, l, arith::CmpFPredicate::ORD, m, m);
          Value firstNaN = arith::AndIOp::create(b, l, xNaN, mNumber);
          Value take = arith::OrIOp::create(b, l, greater, firstNaN);
          linalg::YieldOp::create(b, l, ValueRange{arith::SelectOp::create(b, l, take, x, m),
                                                   arith::SelectOp::create(b, l, take, here, i)});
        });
    rw.replaceOp(op, generic.getResult(1));
    return success();
  }
};

/// logsumexp = shift + log(sum(exp(x - shift))), shift = max over the axes,
/// or 0 where that max is ±inf (PyTorch's guard: an all -inf slice gives
/// log(0) = -inf instead of -inf - -inf = NaN). Three linalg.generics: the
/// max, the sum of exponentials, and the log.
struct LogSumExpToGeneric : OpRewritePattern<dl::LogSumExpOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(dl::LogSumExpOp op, PatternRewriter &rw) const override {
    Location loc = op.getLoc();
    auto in = cast<RankedTensorType>(op.getInput().getType());
    auto out = cast<RankedTensorType>(op.getType());
    unsigned rank = in.getRank();
    ArrayRef<int64_t> axes = op.getAxes();
    AffineMap identity = rw.getMultiDimIdentityMap(rank);
    AffineMap reduced = reducedMap(rw.getContext(), rank, axes, op.getKeepdims());
    auto shiftOf = [](OpBuilder &b, Location l, Value m) {
      Value infinite = arith::CmpFOp::create(b, l, arith::CmpFPredicate::OEQ,
                                             math::AbsFOp::create(b, l, m), floatLike(b, l, m, kInf));
      return arith::SelectOp::create(b, l, infinite, floatLike(b, l, m, 0.0), m).getResult();
    };
    Value max = linalg::GenericOp::create(
        rw, loc, out, ValueRange{op.getInput()}, ValueRange{filled(rw, loc, out, -kInf)},
        SmallVector<AffineMap>{identity, reduced}, iterators(rank, axes),
        [](OpBuilder &b, Location l, ValueRange a) {
          linalg::YieldOp::create(b, l, ValueRange{arith::MaximumFOp::create(b, l, a[1], a[0])});
        }).getResult(0);
    Value sum = linalg::GenericOp::create(
        rw, loc, out, ValueRange{op.getInput(), max}, ValueRange{filled(rw, loc, out, 0.0)},
        SmallVector<AffineMap>{identity, reduced, reduced}, iterators(rank, axes),
        [&](OpBuilder &b, Location l, ValueRange a) {
          Value e = math::ExpOp::create(b, l, arith::SubFOp::create(b, l, a[0], shiftOf(b, l, a[1])));
          linalg::YieldOp::create(b, l, ValueRange{accumulate(b, l, a[2], e)});
        }).getResult(0);
    AffineMap same = rw.getMultiDimIdentityMap(out.getRank());
    Value result = linalg::GenericOp::create(
        rw, loc, out, ValueRange{max, sum}, ValueRange{empty(rw, loc, out)},
        SmallVector<AffineMap>{same, same, same}, iterators(out.getRank()),
        [&](OpBuilder &b, Location l, ValueRange a) {
          Value lse = arith::AddFOp::create(b, l, math::LogOp::create(b, l, a[1]), shiftOf(b, l, a[0]));
          linalg::YieldOp::create(b, l, ValueRange{lse});
        }).getResult(0);
    rw.replaceOp(op, result);
    return success();
  }
};

} // namespace

void populateStatisticsToLinalg(RewritePatternSet &patterns) {
  patterns.add<ArgmaxToGeneric, LogSumExpToGeneric>(patterns.getContext());
}

} // namespace dlc::lowering
