//===- Ops.h - tensor operations of the C++ DSL ------------------*- C++ -*-===//
//
// Each function traces one dl op into the current Graph. Shapes are checked
// here, before any IR is built, with the same rules the ops verify
// (ir/ShapeFunctions.h); a mismatch throws dlc::Error naming the caller's
// file and line. The last parameter records that line; leave it defaulted.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "frontend/Error.h"
#include "frontend/Tensor.h"

#include <array>
#include <vector>

namespace dlc {

using Pair = std::array<int64_t, 2>;

// Elementwise, numpy broadcasting.
Tensor add(const Tensor &a, const Tensor &b, Site site = {});
Tensor sub(const Tensor &a, const Tensor &b, Site site = {});
Tensor mul(const Tensor &a, const Tensor &b, Site site = {});
Tensor div(const Tensor &a, const Tensor &b, Site site = {});
Tensor neg(const Tensor &x, Site site = {});
Tensor exp(const Tensor &x, Site site = {});
Tensor log(const Tensor &x, Site site = {});
Tensor tanh(const Tensor &x, Site site = {});
Tensor sigmoid(const Tensor &x, Site site = {});
Tensor relu(const Tensor &x, Site site = {});
/// A rank-0 f32 constant.
Tensor scalar(float value, Site site = {});
/// A float constant of the given shape (row-major values), f32 unless
/// `dtype` says F64 or BF16.
Tensor constant(const std::vector<float> &values, std::vector<int64_t> shape,
                rt::DType dtype = rt::DType::F32, Site site = {});

/// op(a)·op(b): rank-2 tensors give dl.matmul; with a rank ≥ 3 operand it is
/// `batchMatmul` (frontend/ops/Linear.h: broadcast batch dimensions).
Tensor matmul(const Tensor &a, const Tensor &b, bool transposeA = false, bool transposeB = false,
              Site site = {});

/// Sum / mean over sorted `axes`.
Tensor sum(const Tensor &x, std::vector<int64_t> axes, bool keepdims = false, Site site = {});
Tensor mean(const Tensor &x, std::vector<int64_t> axes, bool keepdims = false, Site site = {});
/// Maximum over sorted `axes` (PyTorch's `amax`); the gradient is split
/// evenly between tied maxima.
Tensor amax(const Tensor &x, std::vector<int64_t> axes, bool keepdims = false, Site site = {});
Tensor softmax(const Tensor &x, int64_t axis, Site site = {});
/// log(softmax(x)) along `axis`, computed stably (PyTorch's `log_softmax`).
Tensor logSoftmax(const Tensor &x, int64_t axis, Site site = {});

/// Row-major reshape; one dimension may be -1.
Tensor reshape(const Tensor &x, std::vector<int64_t> shape, Site site = {});
/// (N, ...) → (N, prod(...)).
Tensor flatten(const Tensor &x, Site site = {});
Tensor broadcastTo(const Tensor &x, std::vector<int64_t> shape, Site site = {});

/// NCHW input, OIHW filter.
Tensor conv2d(const Tensor &x, const Tensor &w, Pair stride, Pair padding, Site site = {});
Tensor avgPool2d(const Tensor &x, Pair kernel, Pair stride, Pair padding, Site site = {});
Tensor maxPool2d(const Tensor &x, Pair kernel, Pair stride, Pair padding, Site site = {});

/// Mean softmax cross-entropy of (N, C) logits against (N) i32 labels.
Tensor crossEntropy(const Tensor &logits, const Tensor &labels, Site site = {});

} // namespace dlc

// The op families beyond the core above, one header each (docs/architecture.md
// "Op families"): elementwise math, comparisons and casts; reductions;
// normalization; data movement; sequences and embeddings; batched products
// and linear; losses and masked softmax; dropout.
#include "frontend/ops/Criterion.h"
#include "frontend/ops/DataMovement.h"
#include "frontend/ops/Linear.h"
#include "frontend/ops/Math.h"
#include "frontend/ops/Normalization.h"
#include "frontend/ops/Random.h"
#include "frontend/ops/Recurrent.h"
#include "frontend/ops/Sequence.h"
#include "frontend/ops/Statistics.h"
