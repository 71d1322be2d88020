//===- Symbols.h - oneDNN kernel addresses for the JIT ---------*- C++ -*-===//
//
// The dlc executable is not linked with -rdynamic, so the JIT cannot find the
// kernels by dlsym; it registers these (name, address) pairs instead, e.g.
// with ExecutionEngine::registerSymbols.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <span>

namespace dlc::rt {

/// A C symbol compiled code may call, and its address in this process.
struct RuntimeSymbol {
  const char *name;
  void *address;
};

/// Every `_mlir_ciface_dlc_rt_*` entry point of the oneDNN backend
/// (Kernels.h). The names carry no leading underscore for the platform's
/// symbol mangling: they are the names as written in the IR's func.call.
std::span<const RuntimeSymbol> oneDNNSymbols();

} // namespace dlc::rt
