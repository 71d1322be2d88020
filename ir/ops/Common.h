//===- Common.h - helpers for op definitions (internal) ----------*- C++ -*-===//
#pragma once

#include "ir/Builders.h"
#include "ir/DLOps.h"
#include "ir/ShapeFunctions.h"

#include "mlir/IR/Diagnostics.h"

namespace dlc::dl::detail {

inline llvm::ArrayRef<int64_t> shapeOf(mlir::Value v) {
  return llvm::cast<mlir::RankedTensorType>(v.getType()).getShape();
}
inline mlir::RankedTensorType tensorType(mlir::Value v) {
  return llvm::cast<mlir::RankedTensorType>(v.getType());
}

/// Turns a shape-rule result into an inferred tensor type or a diagnostic.
inline llvm::LogicalResult inferred(std::optional<mlir::Location> loc,
                                    const shape::ShapeOrError &r, mlir::Type element,
                                    llvm::SmallVectorImpl<mlir::Type> &types) {
  if (!r.ok()) return mlir::emitOptionalError(loc, r.error);
  types.push_back(mlir::RankedTensorType::get(r.shape, element));
  return llvm::success();
}

/// Verifier helper: an error text becomes emitOpError.
inline llvm::LogicalResult check(mlir::Operation *op, const std::string &error) {
  if (error.empty()) return llvm::success();
  return op->emitOpError(error);
}

} // namespace dlc::dl::detail
