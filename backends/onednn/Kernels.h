//===- Kernels.h - the oneDNN backend's C ABI --------------------*- C++ -*-===//
//
// The kernels themselves are declared once, in runtime/abi/Kernels.def (their
// prototypes: runtime/abi/KernelDecls.h); this backend defines them.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "backends/onednn/Errors.h"
#include "runtime/abi/KernelDecls.h"

#include <cstddef>

extern "C" {
/// Number of entries in the oneDNN primitive caches (each entry is built the
/// first time a (kernel, shapes, attributes) combination is called): lets
/// tests check that a repeated call reuses its primitive.
size_t dlc_rt_onednn_cache_size(void);
}
