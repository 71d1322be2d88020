//===- Traits.h - op traits shared by every dl op ----------------*- C++ -*-===//
#pragma once

#include "mlir/IR/OpDefinition.h"

namespace dlc::dl {

/// Verifies every operand and result tensor type of the op against
/// `verifyBoundedTensorSize`.
llvm::LogicalResult verifyBoundedTensorSizes(mlir::Operation *op);

/// Every tensor a dl op reads or writes has a byte size that fits int64:
/// sizes, strides and offsets computed from its shape (in shape rules,
/// lowerings and at run time) cannot overflow. Attached to every dl op by
/// `DL_Op` in DLDialect.td.
template <typename ConcreteType>
class BoundedTensorSizes : public mlir::OpTrait::TraitBase<ConcreteType, BoundedTensorSizes> {
public:
  static llvm::LogicalResult verifyTrait(mlir::Operation *op) {
    return verifyBoundedTensorSizes(op);
  }
};

} // namespace dlc::dl
