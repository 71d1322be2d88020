//===- ShapeFunctions.h - result shapes of dl ops ----------------*- C++ -*-===//
//
// One source of truth for shape rules: the ops' inferReturnTypes/verifiers
// and the C++ DSL (which must report a user's mistake before building IR)
// both call these. Errors come back as text so each layer can report them its
// own way (an MLIR diagnostic, or an exception with the user's source line).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>

namespace dlc::dl::shape {

using Shape = llvm::SmallVector<int64_t, 4>;

/// A shape, or the reason there is none.
struct ShapeOrError {
  Shape shape;
  std::string error;
  bool ok() const { return error.empty(); }
  static ShapeOrError fail(std::string message) { return {{}, std::move(message)}; }
};

/// Prints a shape as `[2, 3]`.
std::string str(llvm::ArrayRef<int64_t> shape);

/// Numpy broadcasting of two shapes.
ShapeOrError broadcast(llvm::ArrayRef<int64_t> a, llvm::ArrayRef<int64_t> b);
/// Checks that `from` broadcasts to exactly `to`.
std::string checkBroadcastTo(llvm::ArrayRef<int64_t> from, llvm::ArrayRef<int64_t> to);
/// (M,K)·(K,N) with optional transposes of the stored operands.
ShapeOrError matmul(llvm::ArrayRef<int64_t> lhs, llvm::ArrayRef<int64_t> rhs,
                    bool transposeLhs, bool transposeRhs);
/// Reduction over sorted distinct `axes`.
ShapeOrError reduce(llvm::ArrayRef<int64_t> input, llvm::ArrayRef<int64_t> axes,
                    bool keepdims);
/// Maximum over sorted distinct `axes`: `reduce`, and every reduced axis
/// must be non-empty (an empty slice has no maximum).
ShapeOrError reduceMax(llvm::ArrayRef<int64_t> input, llvm::ArrayRef<int64_t> axes,
                       bool keepdims);
/// Checks that `axis` names a dimension of a rank-`rank` tensor.
std::string checkAxis(int64_t rank, int64_t axis);
/// Element count of `shape`, or nullopt when it overflows int64.
std::optional<int64_t> elementCount(llvm::ArrayRef<int64_t> shape);
/// Checks that a tensor of `shape` with `elementBytes`-byte elements has a
/// byte size that fits int64 (so every index and size computed from it does).
std::string checkByteSize(llvm::ArrayRef<int64_t> shape, int64_t elementBytes);
/// Same element count.
std::string checkReshape(llvm::ArrayRef<int64_t> from, llvm::ArrayRef<int64_t> to);
/// NCHW input, (O, C/groups, KH, KW) filter (PyTorch's conv2d): C and O
/// are multiples of `groups`; `dilation` spaces the kernel taps (empty means
/// [1, 1]), so a kernel spans dilation·(K-1)+1 input positions.
ShapeOrError conv2d(llvm::ArrayRef<int64_t> input, llvm::ArrayRef<int64_t> filter,
                    llvm::ArrayRef<int64_t> stride, llvm::ArrayRef<int64_t> padding,
                    llvm::ArrayRef<int64_t> dilation = {}, int64_t groups = 1);
/// NCHW input, (KH, KW) window. With `ceilMode`, PyTorch's rule:
/// out = ceil((in + 2p - k) / s) + 1, less one when that last window would
/// start past the input and its left padding (it must start inside them).
ShapeOrError pool2d(llvm::ArrayRef<int64_t> input, llvm::ArrayRef<int64_t> kernel,
                    llvm::ArrayRef<int64_t> stride, llvm::ArrayRef<int64_t> padding,
                    bool ceilMode = false);
/// NCHW input → (N, C, OH, OW) for adaptive pooling to `outputSize`
/// (OH, OW), each >= 1; H and W must be >= 1.
ShapeOrError adaptivePool2d(llvm::ArrayRef<int64_t> input, llvm::ArrayRef<int64_t> outputSize);
/// The window [start, end) of output index `i` of adaptive pooling from
/// `in` to `out` positions, PyTorch's: floor(i·in/out), ceil((i+1)·in/out).
std::pair<int64_t, int64_t> adaptiveWindow(int64_t i, int64_t in, int64_t out);
/// Bytes of max pooling's workspace for an (N,C,OH,OW) output: one byte per
/// output element, four when a window has more than 255 elements (the
/// arg-max no longer fits a byte). Fails on overflow.
ShapeOrError maxPool2dWorkspace(llvm::ArrayRef<int64_t> output, llvm::ArrayRef<int64_t> kernel);
/// True when pooling windows tile the input exactly: stride = kernel, no
/// padding, H and W multiples of the kernel (a plain loop nest).
bool windowsTileInput(llvm::ArrayRef<int64_t> input, llvm::ArrayRef<int64_t> kernel,
                      llvm::ArrayRef<int64_t> stride, llvm::ArrayRef<int64_t> padding);
/// labels (...) → (..., classes).
ShapeOrError oneHot(llvm::ArrayRef<int64_t> labels, int64_t classes);
/// logits (N, C) and labels (N) → scalar.
ShapeOrError crossEntropy(llvm::ArrayRef<int64_t> logits, llvm::ArrayRef<int64_t> labels);

} // namespace dlc::dl::shape
