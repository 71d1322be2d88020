//===- ReduceBuilders.h - reductions built inside op rules (internal) -*- C++ -*-===//
//
// VJP rules and decompositions reduce along an axis and broadcast the result
// back; keeping the reduced axes (size 1) lets the broadcasting binary ops
// line them up without a reshape.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "ir/ops/Common.h"

namespace dlc::dl::detail {

/// `OpTy` (reduce_sum or reduce_max) of `x` over sorted `axes`, keepdims.
template <typename OpTy>
mlir::Value reduceKept(mlir::OpBuilder &b, mlir::Location loc, mlir::Value x,
                       llvm::ArrayRef<int64_t> axes) {
  mlir::RankedTensorType in = tensorType(x);
  shape::ShapeOrError kept = shape::reduce(in.getShape(), axes, /*keepdims=*/true);
  auto type = mlir::RankedTensorType::get(kept.shape, in.getElementType());
  return OpTy::create(b, loc, type, x, b.getDenseI64ArrayAttr(axes), /*keepdims=*/true);
}

/// `v` (a reduction result over `axes` of a `full`-shaped tensor) reshaped to
/// its keepdims form, so it broadcasts against `full`. Already kept: unchanged.
inline mlir::Value keptForm(mlir::OpBuilder &b, mlir::Location loc, mlir::Value v,
                            mlir::RankedTensorType full, llvm::ArrayRef<int64_t> axes) {
  shape::ShapeOrError kept = shape::reduce(full.getShape(), axes, /*keepdims=*/true);
  auto type = mlir::RankedTensorType::get(kept.shape, tensorType(v).getElementType());
  if (v.getType() == type) return v;
  return ReshapeOp::create(b, loc, type, v);
}

/// The VJP of an extremum y = max or min of `x` over `axes` (cotangent `g`):
/// the cotangent goes to the positions attaining it, split evenly between
/// ties (PyTorch's amax/amin). With y and g in keepdims form,
///   gap  = y - x for a max, x - y for a min (>= 0, exactly 0 only at ties)
///   mask = 1 - sign(gap),   dx = mask * g / sum(mask)
inline mlir::Value tiedExtremumGradient(mlir::OpBuilder &b, mlir::Location loc, mlir::Value x,
                                        mlir::Value y, mlir::Value g,
                                        llvm::ArrayRef<int64_t> axes, bool isMax) {
  mlir::RankedTensorType in = tensorType(x);
  y = keptForm(b, loc, y, in, axes);
  g = keptForm(b, loc, g, in, axes);
  mlir::Value gap = isMax ? binary<SubOp>(b, loc, y, x) : binary<SubOp>(b, loc, x, y);
  mlir::Value off = SignOp::create(b, loc, gap);
  mlir::Value mask = binary<SubOp>(b, loc, scalarLike(b, loc, off, 1.0), off);
  mlir::Value ties = reduceKept<ReduceSumOp>(b, loc, mask, axes);
  return binary<MulOp>(b, loc, mask, binary<DivOp>(b, loc, g, ties));
}

} // namespace dlc::dl::detail
