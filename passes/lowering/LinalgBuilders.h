//===- LinalgBuilders.h - helpers for dl → linalg patterns --------*- C++ -*-===//
#pragma once

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/AffineMap.h"
#include "mlir/IR/Builders.h"

namespace dlc::lowering {

/// `tensor.empty` of the given tensor type.
mlir::Value empty(mlir::OpBuilder &b, mlir::Location loc, mlir::RankedTensorType type);

/// `tensor.empty` filled with `value`.
mlir::Value filled(mlir::OpBuilder &b, mlir::Location loc, mlir::RankedTensorType type,
                   double value);

/// The map reading an operand of `operand` type inside a loop nest over
/// `resultShape`, numpy-broadcast: trailing dims align, size-1 dims that the
/// result stretches read index 0.
mlir::AffineMap broadcastMap(mlir::MLIRContext *ctx, mlir::RankedTensorType operand,
                             llvm::ArrayRef<int64_t> resultShape);

/// The map from a loop nest over `rank` dims to the tensor that drops (or,
/// with keepdims, zeroes) the dims in `axes`.
mlir::AffineMap reducedMap(mlir::MLIRContext *ctx, unsigned rank, llvm::ArrayRef<int64_t> axes,
                           bool keepdims);

/// Iterator types: parallel except `axes`, which reduce.
llvm::SmallVector<mlir::utils::IteratorType> iterators(unsigned rank,
                                                       llvm::ArrayRef<int64_t> axes = {});

/// `acc + x` for reduction bodies, marked reassociable: a sum's order only
/// changes rounding, and the flag lets LLVM vectorize the reduction loop
/// (without it, each add waits for the previous one).
mlir::Value accumulate(mlir::OpBuilder &b, mlir::Location loc, mlir::Value acc, mlir::Value x);

/// f32 constant scalar.
mlir::Value f32(mlir::OpBuilder &b, mlir::Location loc, float value);
/// Scalar float constant of type `type` (f32, f64, bf16, ...).
mlir::Value floatConst(mlir::OpBuilder &b, mlir::Location loc, mlir::Type type, double value);
/// Scalar float constant of the same type as the scalar `like`.
mlir::Value floatLike(mlir::OpBuilder &b, mlir::Location loc, mlir::Value like, double value);

} // namespace dlc::lowering
