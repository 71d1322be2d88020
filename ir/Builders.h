//===- Builders.h - small builders shared by VJP rules -----------*- C++ -*-===//
#pragma once

#include "ir/DLOps.h"

namespace dlc::dl {

/// A rank-0 constant of the given float element type.
mlir::Value scalarConstant(mlir::OpBuilder &b, mlir::Location loc, mlir::Type elementType,
                           double value);
/// A rank-0 constant with the element type of `like` (a float tensor).
mlir::Value scalarLike(mlir::OpBuilder &b, mlir::Location loc, mlir::Value like, double value);

/// Sums `grad` over the dimensions that broadcasting added or stretched so it
/// gets the shape of `target` (the inverse of numpy broadcasting).
mlir::Value unbroadcast(mlir::OpBuilder &b, mlir::Location loc, mlir::Value grad,
                        mlir::RankedTensorType target);

/// Builds `lhs <op> rhs` with the broadcast result type.
template <typename OpTy>
mlir::Value binary(mlir::OpBuilder &b, mlir::Location loc, mlir::Value lhs, mlir::Value rhs);

} // namespace dlc::dl
