//===- DataMovement.h - shape rules of the DataMovement family -*- C++ -*-===//
//
// Used by the ops' inferReturnTypes/verifiers and by the DSL, as
// ir/ShapeFunctions.h (whose ShapeOrError and helpers these share). Dims and
// bounds here are already normalised (non-negative, in range); the DSL maps
// PyTorch's negative dims and Python-style slice bounds onto them first.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "ir/ShapeFunctions.h"

namespace dlc::dl::shape {

/// PyTorch `permute`: result dim i is input dim dims[i]; `dims` is a
/// permutation of 0..rank-1.
ShapeOrError permute(llvm::ArrayRef<int64_t> input, llvm::ArrayRef<int64_t> dims);
/// The permutation undoing `dims` (its inverse).
Shape inversePermutation(llvm::ArrayRef<int64_t> dims);

/// PyTorch `cat`: at least one input, all of one rank, equal sizes except
/// along `dim`, whose sizes add up.
ShapeOrError cat(llvm::ArrayRef<Shape> inputs, int64_t dim);

/// Basic indexing `x[start:stop:step]` in every dim, bounds normalised:
/// 0 <= start <= stop <= size and step >= 1; the result has
/// ceil((stop - start) / step) elements in each dim.
ShapeOrError slice(llvm::ArrayRef<int64_t> input, llvm::ArrayRef<int64_t> start,
                   llvm::ArrayRef<int64_t> stop, llvm::ArrayRef<int64_t> step);

/// PyTorch `F.pad` (constant mode): `pad` holds (left, right) pairs starting
/// from the last dim, at most one pair per dim, none negative.
ShapeOrError pad(llvm::ArrayRef<int64_t> input, llvm::ArrayRef<int64_t> pad);
/// The (left, right) padding of `dim` from F.pad's last-dim-first list
/// ((0, 0) for dims it does not reach).
std::pair<int64_t, int64_t> padOf(llvm::ArrayRef<int64_t> pad, int64_t rank, int64_t dim);
/// Checks that a pad `value` fits an integer element type of `width` bits
/// (1 for i1): an integer in the type's range. Floats take any value.
std::string checkIntegerPadValue(double value, unsigned width);

/// PyTorch `flip`: `dims` sorted, distinct and in range; the shape is unchanged.
ShapeOrError flip(llvm::ArrayRef<int64_t> input, llvm::ArrayRef<int64_t> dims);

/// PyTorch `squeeze(dim)`: drops `dim` when its size is 1, else the shape
/// is unchanged (as PyTorch); without `dim`, drops every size-1 dim.
ShapeOrError squeeze(llvm::ArrayRef<int64_t> input, std::optional<int64_t> dim);
/// PyTorch `unsqueeze(dim)`: inserts a size-1 dim before `dim` (0..rank).
ShapeOrError unsqueeze(llvm::ArrayRef<int64_t> input, int64_t dim);

} // namespace dlc::dl::shape
