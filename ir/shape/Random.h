//===- Random.h - shape rules of the Random family -*- C++ -*-===//
//
// Used by the ops' inferReturnTypes/verifiers and by the DSL, as
// ir/ShapeFunctions.h (whose ShapeOrError and helpers these share).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "ir/ShapeFunctions.h"

namespace dlc::dl::shape {

/// dl.dropout: the result has the input's shape. `rngState` is the shape of
/// the [seed, step] tensor (must be [2]); `p` in [0, 1]; `opId` must fit a
/// 32-bit Philox counter word and the element count 2^32.
ShapeOrError dropout(llvm::ArrayRef<int64_t> input, llvm::ArrayRef<int64_t> rngState, double p,
                     int64_t opId);

} // namespace dlc::dl::shape
