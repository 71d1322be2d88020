//===- ContractionGeneric.h - matrix products as one linalg.generic -*- C++ -*-===//
#pragma once

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"

namespace dlc::lowering {

/// C[b..., m, n] += op(A)[b..., m, k]·op(B)[b..., k, n] as one linalg.generic
/// over loops (b..., m, n, k), `out` being C's type (rank 2 for dl.matmul,
/// more for dl.batch_matmul). A batch dim an operand broadcasts (size 1, or
/// missing) indexes at 0 or not at all, and a transpose swaps the operand's
/// last two map results, so nothing is materialised.
mlir::Value contractionGeneric(mlir::OpBuilder &b, mlir::Location loc,
                               mlir::RankedTensorType out, mlir::Value lhs, mlir::Value rhs,
                               bool transposeLhs, bool transposeRhs);

} // namespace dlc::lowering
