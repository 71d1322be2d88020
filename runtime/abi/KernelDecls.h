//===- KernelDecls.h - C prototypes of the runtime kernels -------*- C++ -*-===//
//
// Generated from Kernels.def: for each entry,
//   void _mlir_ciface_dlc_rt_<name>(MemRefDesc<T, R> *in..., MemRefDesc<T, R> *out...,
//                                   int64_t ints...);
// which is how `llvm.emit_c_interface` passes memrefs (by pointer to the
// descriptor) and integers (by value). Backends define these functions.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "runtime/MemRef.h"

#include <cstdint>

#define DLC_ABI_DROP_FIRST_(first, ...) __VA_ARGS__
#define DLC_ABI_DROP_FIRST(...) DLC_ABI_DROP_FIRST_(__VA_ARGS__)

extern "C" {
#define DLC_IN(name, type, rank) , ::dlc::rt::MemRefDesc<type, rank> *name
#define DLC_OUT(name, type, rank) , ::dlc::rt::MemRefDesc<type, rank> *name
#define DLC_INT(name) , int64_t name
#define DLC_KERNEL(name, summary, args) \
  void _mlir_ciface_dlc_rt_##name(DLC_ABI_DROP_FIRST(args));
#include "runtime/abi/Kernels.def"
#undef DLC_KERNEL
#undef DLC_INT
#undef DLC_OUT
#undef DLC_IN
}
