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

} // namespace dlc::dl::detail
