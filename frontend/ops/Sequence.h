//===- Sequence.h - the DSL's embedding, index_select, repeat_interleave, arange, sequence masks -*- C++ -*-===//
//
// Part of the DSL's op set (frontend/Ops.h includes it). Shapes and dtypes are
// checked before any IR is built; a mistake throws dlc::Error naming the
// caller's file:line and the op. Ids that index a tensor are checked when the
// compiled code runs: an id out of range is a runtime error naming the op,
// the id and the range.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "frontend/Error.h"
#include "frontend/Tensor.h"

#include <optional>

namespace dlc {

/// PyTorch `F.embedding`'s keyword arguments.
struct EmbeddingOptions {
  /// This row of the weight gets no gradient; negative counts from the end.
  std::optional<int64_t> paddingIdx;
};

/// `weight[input]` (PyTorch `F.embedding(input, weight, padding_idx)`):
/// input i32/i64 ids of any shape, weight (num_embeddings, embedding_dim)
/// float → input.shape + (embedding_dim).
Tensor embedding(const Tensor &input, const Tensor &weight, EmbeddingOptions options = {},
                 Site site = {});

/// Entries of `input` along `dim` at the 1-D i32/i64 `index` (PyTorch
/// `torch.index_select(input, dim, index)`); `dim` may be negative.
Tensor indexSelect(const Tensor &input, int64_t dim, const Tensor &index, Site site = {});

/// `input` with `source[..., k, ...]` added at `index[k]` along `dim`
/// (PyTorch `Tensor.index_add(dim, index, source)`); float tensors.
Tensor indexAdd(const Tensor &input, int64_t dim, const Tensor &index, const Tensor &source,
                Site site = {});

/// Each entry along `dim` repeated `repeats` times (PyTorch
/// `torch.repeat_interleave(input, repeats, dim)`).
Tensor repeatInterleave(const Tensor &input, int64_t repeats, int64_t dim, Site site = {});

/// start, start + step, ... below `end` (PyTorch `torch.arange(start, end,
/// step, dtype=...)`); dtype f32, f64, bf16, i32 or i64.
Tensor arange(double start, double end, double step = 1.0, rt::DType dtype = rt::DType::F32,
              Site site = {});

/// The i1 mask `t < validLen[b]` of shape validLen.shape + (maxlen) (d2l's
/// `sequence_mask` without the fill).
Tensor sequenceMask(const Tensor &validLen, int64_t maxlen, Site site = {});

/// d2l's `sequence_mask(X, valid_len, value)`: x (B, T) float, validLen (B)
/// i32/i64; the entries at t >= validLen[b] become `value`. Built as
/// `where(sequenceMask(validLen, T), x, value)` (Math's `where`).
Tensor sequenceMask(const Tensor &x, const Tensor &validLen, double value, Site site = {});

} // namespace dlc
