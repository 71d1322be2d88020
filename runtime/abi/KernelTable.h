//===- KernelTable.h - the runtime kernels as data ---------------*- C++ -*-===//
//
// Kernels.def as a constant table the compiler reads (dl-lower-to-runtime
// checks every call against it and declares callees from it) and tests
// iterate. Header-only and dependency-free.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <type_traits>

namespace dlc::rt {

/// Element types a kernel argument can have.
enum class ElementKind : uint8_t { F32, F64, I8, I32, I64 };

template <typename T>
constexpr ElementKind elementKindOf() {
  if constexpr (std::is_same_v<T, float>) return ElementKind::F32;
  else if constexpr (std::is_same_v<T, double>) return ElementKind::F64;
  else if constexpr (std::is_same_v<T, int8_t>) return ElementKind::I8;
  else if constexpr (std::is_same_v<T, int32_t>) return ElementKind::I32;
  else {
    static_assert(std::is_same_v<T, int64_t>, "unsupported kernel element type");
    return ElementKind::I64;
  }
}

/// "f32", "i8", ... as MLIR spells them.
constexpr const char *elementKindName(ElementKind k) {
  switch (k) {
  case ElementKind::F32: return "f32";
  case ElementKind::F64: return "f64";
  case ElementKind::I8: return "i8";
  case ElementKind::I32: return "i32";
  case ElementKind::I64: return "i64";
  }
  return "?";
}

struct KernelArg {
  enum Kind : uint8_t { In, Out, Int } kind;
  const char *name;
  ElementKind element; ///< I64 for Int
  int rank;            ///< 0 for Int
};

struct KernelSpec {
  const char *name; ///< without the dlc_rt_ prefix
  const char *summary;
  std::span<const KernelArg> args;

  size_t count(KernelArg::Kind k) const {
    size_t n = 0;
    for (const KernelArg &a : args) n += a.kind == k;
    return n;
  }
};

namespace kernel_args {
#define DLC_IN(n, t, r) KernelArg{KernelArg::In, #n, elementKindOf<t>(), r},
#define DLC_OUT(n, t, r) KernelArg{KernelArg::Out, #n, elementKindOf<t>(), r},
#define DLC_INT(n) KernelArg{KernelArg::Int, #n, ElementKind::I64, 0},
#define DLC_KERNEL(name, summary, args) inline constexpr KernelArg name[] = {args};
#include "runtime/abi/Kernels.def"
#undef DLC_KERNEL
} // namespace kernel_args

inline constexpr KernelSpec kKernels[] = {
#define DLC_KERNEL(name, summary, args) KernelSpec{#name, summary, kernel_args::name},
#include "runtime/abi/Kernels.def"
#undef DLC_KERNEL
#undef DLC_INT
#undef DLC_OUT
#undef DLC_IN
};

/// The kernel called `name` (without the dlc_rt_ prefix), or null.
inline const KernelSpec *findKernel(std::string_view name) {
  for (const KernelSpec &k : kKernels)
    if (name == k.name) return &k;
  return nullptr;
}

} // namespace dlc::rt
