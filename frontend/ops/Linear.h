//===- Linear.h - the DSL's batched matmul and linear -*- C++ -*-===//
//
// Part of the DSL's op set (frontend/Ops.h includes it). Shapes and dtypes are
// checked before any IR is built; a mistake throws dlc::Error naming the
// caller's file:line and the op.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "frontend/Error.h"
#include "frontend/Tensor.h"

#include <optional>

namespace dlc {

/// torch.matmul of stacks of matrices (`bmm` for rank 3): a (..., M, K) and
/// b (..., K, N), their batch dims broadcasting, → (batch..., M, N);
/// `transposeA`/`transposeB` swap an operand's last two dims (PyTorch's
/// `a.mT`). One operand may be a matrix, shared by every batch.
Tensor batchMatmul(const Tensor &a, const Tensor &b, bool transposeA = false,
                   bool transposeB = false, Site site = {});

/// PyTorch's F.linear: x (..., in) · weightᵀ (weight (out, in)) + bias (out)
/// → (..., out); without a bias when `bias` is empty.
Tensor linear(const Tensor &x, const Tensor &weight, const std::optional<Tensor> &bias = {},
              Site site = {});

} // namespace dlc
