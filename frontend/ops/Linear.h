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

#include <array>
#include <optional>

namespace dlc {

// -- vision: the keyword arguments of PyTorch's functional conv and pooling.
// Designated initialisers read like PyTorch's calls:
//   conv2d(x, w, {.padding = {1, 1}, .groups = 4})
//   avgPool2d(x, {.kernel = {3, 3}, .stride = {{2, 2}}, .ceilMode = true})

/// F.conv2d's stride, padding, dilation and groups (defaults as PyTorch's).
struct Conv2dFuncOptions {
  std::array<int64_t, 2> stride{1, 1};
  std::array<int64_t, 2> padding{0, 0};
  std::array<int64_t, 2> dilation{1, 1};
  int64_t groups = 1;
};

/// F.avg_pool2d's arguments; `stride` defaults to the kernel, as PyTorch's.
struct AvgPool2dFuncOptions {
  std::array<int64_t, 2> kernel{1, 1};
  std::optional<std::array<int64_t, 2>> stride;
  std::array<int64_t, 2> padding{0, 0};
  bool ceilMode = false;
  bool countIncludePad = true;
};

/// F.max_pool2d's arguments (no dilation); `stride` defaults to the kernel.
struct MaxPool2dFuncOptions {
  std::array<int64_t, 2> kernel{1, 1};
  std::optional<std::array<int64_t, 2>> stride;
  std::array<int64_t, 2> padding{0, 0};
  bool ceilMode = false;
};

/// NCHW input, (O, C/groups, KH, KW) filter → (N, O, OH, OW).
Tensor conv2d(const Tensor &x, const Tensor &w, const Conv2dFuncOptions &options,
              Site site = {});
Tensor avgPool2d(const Tensor &x, const AvgPool2dFuncOptions &options, Site site = {});
Tensor maxPool2d(const Tensor &x, const MaxPool2dFuncOptions &options, Site site = {});
/// PyTorch's adaptive_avg_pool2d: NCHW → (N, C, OH, OW), window i over rows
/// [floor(i·H/OH), ceil((i+1)·H/OH)); (1, 1) is global average pooling.
Tensor adaptiveAvgPool2d(const Tensor &x, std::array<int64_t, 2> outputSize, Site site = {});

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
