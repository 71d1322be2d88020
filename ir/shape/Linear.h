//===- Linear.h - shape rules of the Linear family -*- C++ -*-===//
//
// Used by the ops' inferReturnTypes/verifiers and by the DSL, as
// ir/ShapeFunctions.h (whose ShapeOrError and helpers these share).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "ir/ShapeFunctions.h"

namespace dlc::dl::shape {

/// torch.matmul of two stacks of matrices: lhs (..., M, K) and rhs (..., K, N)
/// (the last two dims swapped where transposed), both of rank >= 2 and at
/// least one of rank >= 3; the batch dims (all but the last two) broadcast
/// as numpy's → (batch..., M, N).
ShapeOrError batchMatmul(llvm::ArrayRef<int64_t> lhs, llvm::ArrayRef<int64_t> rhs,
                         bool transposeLhs, bool transposeRhs);

/// The batch dims of a batch_matmul operand of `shape`, left-padded with 1s
/// to `rank` (the result's batch rank).
Shape batchDims(llvm::ArrayRef<int64_t> shape, size_t rank);

/// F.linear: input (..., in), weight (out, in), optional bias (out) →
/// (..., out). `bias` is nullopt when absent.
ShapeOrError linear(llvm::ArrayRef<int64_t> input, llvm::ArrayRef<int64_t> weight,
                    std::optional<llvm::ArrayRef<int64_t>> bias);

} // namespace dlc::dl::shape
