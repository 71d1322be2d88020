//===- HostTensor.h - dense host buffers compiled code reads and writes ---===//
//
// A shape, an element type and 64-byte aligned storage shared by handle:
// copying a HostTensor copies the handle, not the data (use clone()).
// descriptor() lays it out as the memref descriptor compiled code expects.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace dlc::rt {

enum class DType { F32, I32 };

/// "f32" / "i32".
const char *name(DType t);

/// "f32[256, 1, 28, 28]": how runtime, JIT and DSL errors print a tensor type.
std::string typeString(DType t, const std::vector<int64_t> &shape);

class HostTensor {
public:
  HostTensor() = default;
  /// Zero-initialised storage of the given shape.
  HostTensor(std::vector<int64_t> shape, DType dtype = DType::F32);

  const std::vector<int64_t> &shape() const { return shape_; }
  DType dtype() const { return dtype_; }
  int64_t numel() const;
  bool empty() const { return !storage_; }

  float *f32();
  const float *f32() const;
  int32_t *i32();
  const int32_t *i32() const;
  void *data() const { return storage_.get(); }

  /// A deep copy.
  HostTensor clone() const;

  /// Memref descriptor words: {allocated, aligned, offset, sizes..., strides...}
  /// for a dense row-major view. Valid while this tensor's storage lives.
  std::vector<int64_t> descriptor() const;

  /// "f32[256, 1, 28, 28]".
  std::string typeString() const;

private:
  std::vector<int64_t> shape_;
  DType dtype_ = DType::F32;
  std::shared_ptr<void> storage_;
};

} // namespace dlc::rt
