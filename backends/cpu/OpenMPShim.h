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

#include <cstddef>
#include <span>

namespace dlc::cpu {

/// Most captured arguments `__kmpc_fork_call` forwards to a parallel region.
/// A call with more records a runtime error (dlc_rt_last_error) and does not
/// run the region. libomp's own limit is similar in spirit: it dispatches on
/// argc by hand up to 15 and falls back to an assembly trampoline beyond.
constexpr size_t kMaxForkArguments = 15;

/// The __kmpc_* symbols the JIT resolves to this shim: the whole libomp ABI
/// generated code may use here (test/unit/compiler/OpenMPContractTest.cpp
/// checks the compiled pipelines call nothing else). No __kmpc_reduce*: the
/// pipeline never emits parallel reductions (dl-shape-parallel-loops makes
/// reduction loops sequential).
std::span<const rt::RuntimeSymbol> openMPShimSymbols();

} // namespace dlc::cpu
