//===- Builders.h - small builders shared by VJP rules -----------*- C++ -*-===//
#pragma once

#include "ir/DLOps.h"

namespace dlc::dl {

/// A rank-0 f32 constant.
mlir::Value scalarConstant(mlir::OpBuilder &b, mlir::Location loc, float value);

/// Sums `grad` over the dimensions that broadcasting added or stretched so it
/// gets the shape of `target` (the inverse of numpy broadcasting).
mlir::Value unbroadcast(mlir::OpBuilder &b, mlir::Location loc, mlir::Value grad,
                        mlir::RankedTensorType target);

/// Builds `lhs <op> rhs` with the broadcast result type.
template <typename OpTy>
mlir::Value binary(mlir::OpBuilder &b, mlir::Location loc, mlir::Value lhs, mlir::Value rhs);

} // namespace dlc::dl
