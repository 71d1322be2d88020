//===- OpenMPShim.h - libomp entry points served by GNU OpenMP ----*- C++ -*-===//
//
// MLIR's OpenMP lowering (convert-scf-to-openmp → OpenMPIRBuilder) emits
// calls to LLVM's libomp ABI (__kmpc_fork_call, __kmpc_for_static_init_*).
// oneDNN here runs on GNU OpenMP (libgomp); a second OpenMP runtime in the
// process would bring a second thread pool that fights the first for the two
// cores (measured: slower than no parallel loops at all). So the few __kmpc_*
// entry points compiled code uses are implemented on libgomp, and compiled
// loops share oneDNN's threads.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "backends/onednn/Symbols.h"

#include <span>

namespace dlc::cpu {

/// The __kmpc_* symbols the JIT resolves to this shim.
std::span<const rt::RuntimeSymbol> openMPShimSymbols();

} // namespace dlc::cpu
