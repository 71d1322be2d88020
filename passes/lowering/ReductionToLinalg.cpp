//===- ReductionToLinalg.cpp - reduce_sum, softmax → linalg ---------------===//
#include "passes/lowering/LinalgBuilders.h"
#include "passes/lowering/PopulatePatterns.h"

#include "ir/DLOps.h"

#include "mlir/Dialect/Math/IR/Math.h"

#include <limits>

using namespace mlir;

namespace dlc::lowering {
namespace {

struct ReduceSumToGeneric : OpRewritePattern<dl::ReduceSumOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(dl::ReduceSumOp op, PatternRewriter &rw) const override {
    Location loc = op.getLoc();
    auto in = cast<RankedTensorType>(op.getInput().getType());
    auto out = cast<RankedTensorType>(op.getType());
    unsigned rank = in.getRank();
    SmallVector<AffineMap> maps{rw.getMultiDimIdentityMap(rank),
                                reducedMap(rw.getContext(), rank, op.getAxes(), op.getKeepdims())};
    auto generic = linalg::GenericOp::create(
        rw, loc, out, ValueRange{op.getInput()}, ValueRange{filled(rw, loc, out, 0.0f)}, maps,
        iterators(rank, op.getAxes()), [](OpBuilder &b, Location l, ValueRange a) {
          linalg::YieldOp::create(b, l, ValueRange{accumulate(b, l, a[1], a[0])});
        });
    rw.replaceOp(op, generic.getResults());
    return success();
  }
};

/// softmax along `axis`, stably: m = max(x), e = exp(x - m), y = e / sum(e).
struct SoftmaxToGenerics : OpRewritePattern<dl::SoftmaxOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(dl::SoftmaxOp op, PatternRewriter &rw) const override {
    Location loc = op.getLoc();
    MLIRContext *ctx = rw.getContext();
    auto type = cast<RankedTensorType>(op.getType());
    unsigned rank = type.getRank();
    SmallVector<int64_t> axes{static_cast<int64_t>(op.getAxis())};
    SmallVector<int64_t> reducedShape;
    for (unsigned d = 0; d < rank; ++d)
      if (d != op.getAxis()) reducedShape.push_back(type.getDimSize(d));
    auto reducedType = RankedTensorType::get(reducedShape, type.getElementType());
    AffineMap id = rw.getMultiDimIdentityMap(rank);
    AffineMap red = reducedMap(ctx, rank, axes, /*keepdims=*/false);

    auto reduce = [&](Value input, float init, auto combine) {
      return linalg::GenericOp::create(
                 rw, loc, reducedType, ValueRange{input},
                 ValueRange{filled(rw, loc, reducedType, init)}, ArrayRef<AffineMap>{id, red},
                 iterators(rank, axes),
                 [&](OpBuilder &b, Location l, ValueRange a) {
                   linalg::YieldOp::create(b, l, ValueRange{combine(b, l, a[0], a[1])});
                 })
          .getResult(0);
    };
    auto map2 = [&](Value x, Value r, auto fn) {
      return linalg::GenericOp::create(
                 rw, loc, type, ValueRange{x, r}, ValueRange{empty(rw, loc, type)},
                 ArrayRef<AffineMap>{id, red, id}, iterators(rank),
                 [&](OpBuilder &b, Location l, ValueRange a) {
                   linalg::YieldOp::create(b, l, ValueRange{fn(b, l, a[0], a[1])});
                 })
          .getResult(0);
    };
    Value m = reduce(op.getInput(), -std::numeric_limits<float>::infinity(),
                     [](OpBuilder &b, Location l, Value x, Value acc) -> Value {
                       return arith::MaximumFOp::create(b, l, x, acc);
                     });
    Value e = map2(op.getInput(), m, [](OpBuilder &b, Location l, Value x, Value mx) -> Value {
      return math::ExpOp::create(b, l, arith::SubFOp::create(b, l, x, mx));
    });
    Value s = reduce(e, 0.0f, [](OpBuilder &b, Location l, Value x, Value acc) -> Value {
      return accumulate(b, l, acc, x);
    });
    rw.replaceOp(op, map2(e, s, [](OpBuilder &b, Location l, Value x, Value sum) -> Value {
                   return arith::DivFOp::create(b, l, x, sum);
                 }));
    return success();
  }
};

} // namespace

void populateReductionToLinalg(RewritePatternSet &patterns) {
  patterns.add<ReduceSumToGeneric, SoftmaxToGenerics>(patterns.getContext());
}

} // namespace dlc::lowering
