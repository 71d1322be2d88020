//===- DataMovement.h - the DSL's permute, cat, slice, pad, flip -*- C++ -*-===//
//
// Part of the DSL's op set (frontend/Ops.h includes it). Shapes and dtypes are
// checked before any IR is built; a mistake throws dlc::Error naming the
// caller's file:line and the op.
//
// As in PyTorch, dims may be negative (counted from the end). permute,
// transpose, cat, slice, split, pad and flip take any dtype (they move
// elements); squeeze and unsqueeze are dl.reshape, which takes floats.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "frontend/Error.h"
#include "frontend/Tensor.h"

#include <optional>
#include <vector>

namespace dlc {

/// PyTorch `permute`: result dim i is x's dim dims[i].
Tensor permute(const Tensor &x, std::vector<int64_t> dims, Site site = {});
/// PyTorch `transpose`: swaps two dims (a permute).
Tensor transpose(const Tensor &x, int64_t dim0, int64_t dim1, Site site = {});

/// PyTorch `cat`: joins tensors of equal shape but along `dim`.
Tensor cat(const std::vector<Tensor> &tensors, int64_t dim = 0, Site site = {});

/// `x[start:stop:step]` along `dim`, as Python slices a list: bounds may be
/// negative (counted from the end) or out of range (clamped), nullopt
/// means the start or end; `step` must be positive (as PyTorch).
Tensor slice(const Tensor &x, int64_t dim, std::optional<int64_t> start,
             std::optional<int64_t> stop, int64_t step = 1, Site site = {});

/// PyTorch `split`: pieces of `splitSize` along `dim` (the last one
/// smaller when the size is not a multiple), or pieces of the given sizes
/// (which must add up to the dim's size). Each piece is a slice.
std::vector<Tensor> split(const Tensor &x, int64_t splitSize, int64_t dim = 0, Site site = {});
std::vector<Tensor> split(const Tensor &x, std::vector<int64_t> sizes, int64_t dim = 0,
                          Site site = {});

/// PyTorch `squeeze`: drops every size-1 dim; with `dim`, that dim when its
/// size is 1 (else x is returned unchanged, as PyTorch). A dl.reshape.
Tensor squeeze(const Tensor &x, Site site = {});
Tensor squeeze(const Tensor &x, int64_t dim, Site site = {});
/// PyTorch `unsqueeze`: a size-1 dim inserted at `dim` (in [-rank-1, rank]).
/// A dl.reshape.
Tensor unsqueeze(const Tensor &x, int64_t dim, Site site = {});

/// PyTorch `nn.functional.pad`, constant mode: `pad` is (left, right)
/// pairs, last dim first; new elements are `value`. Negative pads (cropping)
/// are rejected: use slice.
Tensor pad(const Tensor &x, std::vector<int64_t> pad, double value = 0, Site site = {});

/// PyTorch `flip`: reverses x along `dims` (any order, distinct).
Tensor flip(const Tensor &x, std::vector<int64_t> dims, Site site = {});

} // namespace dlc
