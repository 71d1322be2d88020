//===- MemRef.h - memref descriptors shared with compiled code ---*- C++ -*-===//
//
// The layout MLIR's LLVM lowering uses for a ranked memref, as the C
// interface (`llvm.emit_c_interface`) passes it: by pointer to this struct.
// Kept here instead of including mlir/ExecutionEngine/CRunnerUtils.h so the
// runtime does not depend on MLIR headers.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>

namespace dlc::rt {

/// A rank-N strided view: what compiled code receives and returns.
template <typename T, int N>
struct MemRefDesc {
  T *allocated;
  T *aligned;
  int64_t offset;
  int64_t sizes[N];
  int64_t strides[N];

  T *data() const { return aligned + offset; }
  int64_t numElements() const {
    int64_t n = 1;
    for (int i = 0; i < N; ++i) n *= sizes[i];
    return n;
  }
  /// True when the view is dense row-major (what every kernel here expects).
  bool isContiguous() const {
    int64_t expected = 1;
    for (int i = N - 1; i >= 0; --i) {
      if (sizes[i] != 1 && strides[i] != expected) return false;
      expected *= sizes[i];
    }
    return true;
  }
};

/// Rank-0 specialisation: no size/stride arrays.
template <typename T>
struct MemRefDesc<T, 0> {
  T *allocated;
  T *aligned;
  int64_t offset;
  T *data() const { return aligned + offset; }
  int64_t numElements() const { return 1; }
  bool isContiguous() const { return true; }
};

} // namespace dlc::rt
