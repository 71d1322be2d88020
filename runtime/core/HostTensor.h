//===- HostTensor.h - dense host buffers compiled code reads and writes ---===//
//
// A shape, an element type and 64-byte aligned storage shared by handle:
// copying a HostTensor copies the handle, not the data (use clone()).
// descriptor() lays it out as the memref descriptor compiled code expects.
//
// Element types and their storage (what MLIR's LLVM lowering uses for a
// memref of that type, and what NumPy uses for the matching dtype):
//   f32 float, f64 double, bf16 BF16 (2 bytes), i1 bool (one byte per
//   element, 0 or 1, like NumPy's bool), i8 int8_t, i32 int32_t, i64 int64_t.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dlc::rt {

enum class DType { F32, F64, BF16, I1, I8, I32, I64 };

/// "f32", "f64", "bf16", "i1", "i8", "i32", "i64": MLIR's spelling.
const char *name(DType t);
/// The inverse of name(); nullopt for anything else.
std::optional<DType> parseDType(std::string_view s);
/// Bytes per element in memory (i1: one byte).
size_t bytes(DType t);

/// A bfloat16 value as stored: the upper half of an IEEE f32.
struct BF16 {
  uint16_t bits = 0;
  /// Rounds to nearest, ties to even (NaN stays NaN).
  static BF16 fromFloat(float f) {
    uint32_t u;
    std::memcpy(&u, &f, 4);
    if ((u & 0x7fffffffu) > 0x7f800000u) return BF16{uint16_t((u >> 16) | 0x40)};
    u += 0x7fffu + ((u >> 16) & 1);
    return BF16{uint16_t(u >> 16)};
  }
  float toFloat() const {
    uint32_t u = uint32_t(bits) << 16;
    float f;
    std::memcpy(&f, &u, 4);
    return f;
  }
};

/// The element type whose storage is T (data<T>() checks against it).
template <typename T> struct DTypeOf;
template <> struct DTypeOf<float> { static constexpr DType value = DType::F32; };
template <> struct DTypeOf<double> { static constexpr DType value = DType::F64; };
template <> struct DTypeOf<BF16> { static constexpr DType value = DType::BF16; };
template <> struct DTypeOf<bool> { static constexpr DType value = DType::I1; };
template <> struct DTypeOf<int8_t> { static constexpr DType value = DType::I8; };
template <> struct DTypeOf<int32_t> { static constexpr DType value = DType::I32; };
template <> struct DTypeOf<int64_t> { static constexpr DType value = DType::I64; };

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
  /// numel() * bytes(dtype()).
  size_t sizeInBytes() const;
  bool empty() const { return !storage_; }

  /// Typed element access; throws std::invalid_argument when T does not
  /// match dtype() (reading f32 storage as f64 is never what was meant).
  template <typename T> T *data() {
    checkDType(DTypeOf<T>::value);
    return static_cast<T *>(storage_.get());
  }
  template <typename T> const T *data() const {
    checkDType(DTypeOf<T>::value);
    return static_cast<const T *>(storage_.get());
  }
  float *f32() { return data<float>(); }
  const float *f32() const { return data<float>(); }
  int32_t *i32() { return data<int32_t>(); }
  const int32_t *i32() const { return data<int32_t>(); }
  /// Untyped storage, for copies and descriptors.
  void *data() const { return storage_.get(); }

  /// A deep copy.
  HostTensor clone() const;

  /// Memref descriptor words: {allocated, aligned, offset, sizes..., strides...}
  /// for a dense row-major view. Valid while this tensor's storage lives.
  std::vector<int64_t> descriptor() const;

  /// "f32[256, 1, 28, 28]".
  std::string typeString() const;

private:
  void checkDType(DType want) const;

  std::vector<int64_t> shape_;
  DType dtype_ = DType::F32;
  std::shared_ptr<void> storage_;
};

} // namespace dlc::rt
