//===- ElementwiseGeneric.h - elementwise dl op → one linalg.generic -*- C++ -*-===//
//
// An elementwise op (of any family) lowers by specialising `scalar<Op>`, its
// computation on one element of each operand, and adding
// `ElementwiseToGeneric<Op>` to the patterns: one linalg.generic over the
// result shape that reads every operand through a broadcasting map, which
// dl-fuse-elementwise can then fuse with its neighbours.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "passes/lowering/LinalgBuilders.h"

#include "mlir/IR/PatternMatch.h"

namespace dlc::lowering {

/// The scalar computation of elementwise op `OpTy` on `a` (one element of
/// each operand, in order).
template <typename OpTy>
mlir::Value scalar(mlir::OpBuilder &b, mlir::Location loc, mlir::ValueRange a);

/// The same with the op at hand; specialise this instead of `scalar` for ops
/// whose computation reads attributes (a slope, an exponent).
template <typename OpTy>
mlir::Value scalarOf(OpTy, mlir::OpBuilder &b, mlir::Location loc, mlir::ValueRange a) {
  return scalar<OpTy>(b, loc, a);
}

/// One linalg.generic over the result shape; operands read through
/// broadcasting maps.
template <typename OpTy>
struct ElementwiseToGeneric : mlir::OpRewritePattern<OpTy> {
  using mlir::OpRewritePattern<OpTy>::OpRewritePattern;
  mlir::LogicalResult matchAndRewrite(OpTy op, mlir::PatternRewriter &rw) const override {
    using namespace mlir;
    Location loc = op.getLoc();
    auto type = cast<RankedTensorType>(op->getResult(0).getType());
    SmallVector<AffineMap> maps;
    for (Value in : op->getOperands())
      maps.push_back(broadcastMap(rw.getContext(), cast<RankedTensorType>(in.getType()),
                                  type.getShape()));
    maps.push_back(rw.getMultiDimIdentityMap(type.getRank()));
    auto generic = linalg::GenericOp::create(
        rw, loc, type, op->getOperands(), ValueRange{empty(rw, loc, type)}, maps,
        iterators(type.getRank()), [&](OpBuilder &b, Location l, ValueRange args) {
          linalg::YieldOp::create(b, l, scalarOf<OpTy>(op, b, l, args.drop_back()));
        });
    rw.replaceOp(op, generic.getResults());
    return success();
  }
};

} // namespace dlc::lowering
