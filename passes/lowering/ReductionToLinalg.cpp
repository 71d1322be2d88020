//===- ReductionToLinalg.cpp - reduce_sum, reduce_max → linalg ------------===//
#include "passes/lowering/LinalgBuilders.h"
#include "passes/lowering/PopulatePatterns.h"

#include "ir/DLOps.h"

#include <limits>

using namespace mlir;

namespace dlc::lowering {
namespace {

/// The identity each reduction's accumulator starts from, and its step.
template <typename OpTy> struct Reduction;

template <> struct Reduction<dl::ReduceSumOp> {
  static constexpr float init = 0.0f;
  static Value combine(OpBuilder &b, Location l, Value acc, Value x) {
    return accumulate(b, l, acc, x);
  }
};

// maximumf propagates NaN, as PyTorch's amax does; -inf is its identity.
template <> struct Reduction<dl::ReduceMaxOp> {
  static constexpr float init = -std::numeric_limits<float>::infinity();
  static Value combine(OpBuilder &b, Location l, Value acc, Value x) {
    return arith::MaximumFOp::create(b, l, acc, x);
  }
};

/// One linalg.generic: reduction iterators on the axes, the output map drops
/// them (or, with keepdims, reads index 0), the init is the identity.
template <typename OpTy>
struct ReduceToGeneric : OpRewritePattern<OpTy> {
  using OpRewritePattern<OpTy>::OpRewritePattern;
  LogicalResult matchAndRewrite(OpTy op, PatternRewriter &rw) const override {
    Location loc = op.getLoc();
    auto in = cast<RankedTensorType>(op.getInput().getType());
    auto out = cast<RankedTensorType>(op.getType());
    unsigned rank = in.getRank();
    SmallVector<AffineMap> maps{rw.getMultiDimIdentityMap(rank),
                                reducedMap(rw.getContext(), rank, op.getAxes(), op.getKeepdims())};
    auto generic = linalg::GenericOp::create(
        rw, loc, out, ValueRange{op.getInput()},
        ValueRange{filled(rw, loc, out, Reduction<OpTy>::init)}, maps,
        iterators(rank, op.getAxes()), [](OpBuilder &b, Location l, ValueRange a) {
          linalg::YieldOp::create(b, l, ValueRange{Reduction<OpTy>::combine(b, l, a[1], a[0])});
        });
    rw.replaceOp(op, generic.getResults());
    return success();
  }
};

} // namespace

void populateReductionToLinalg(RewritePatternSet &patterns) {
  patterns.add<ReduceToGeneric<dl::ReduceSumOp>, ReduceToGeneric<dl::ReduceMaxOp>>(
      patterns.getContext());
}

} // namespace dlc::lowering
