//===- JitOptions.h - how JitModule compiles: caches, debug info, perf -*- C++ -*-===//
//
// Options that change how code is compiled and cached, not what it
// computes. Each has an environment variable so that programs which never
// see a command line (tests, user binaries linking dlc) can switch it on;
// tools override them with flags (tools/dlc/JitFlags.h).
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>
#include <string>

namespace dlc::cpu {

struct JitOptions {
  /// Directory that keeps object code across runs, keyed by the compile key
  /// (DLC_CACHE_DIR). Empty: no disk cache (the in-process cache still works).
  std::string cacheDir;
  /// Keep the ops' file:line as DWARF line tables in the compiled code, so
  /// gdb and `perf annotate` show the model's source lines (DLC_DEBUG_INFO=1).
  bool debugInfo = false;
  /// Tell `perf` about JIT-compiled functions: LLVM's perf listener writes a
  /// jitdump file per process (DLC_PERF_MAP=1). Off by default: every run
  /// would otherwise leave a dump behind.
  bool perfMap = false;
  /// One stderr line per cache decision (hit, miss, write, rejected file)
  /// (DLC_CACHE_DEBUG=1).
  bool verboseCache = false;

  /// Defaults overridden by the DLC_* environment variables above.
  static JitOptions fromEnvironment();
};

/// The options JitModule::compile uses when none are passed. Starts as
/// JitOptions::fromEnvironment(); tools set it once after parsing flags,
/// before compiling anything (not synchronised with concurrent compiles).
JitOptions defaultJitOptions();
void setDefaultJitOptions(const JitOptions &options);

/// Counters of what JitModule::compile did in this process, for tests and
/// tools (`dlc bench`): compilations to machine code, and where else
/// compiled code came from.
struct JitStatistics {
  uint64_t compiled = 0;     ///< modules lowered and compiled by LLVM
  uint64_t memoryHits = 0;   ///< served by the in-process cache
  uint64_t diskHits = 0;     ///< loaded from the cache directory
  uint64_t diskWrites = 0;   ///< object files written to the cache directory
  uint64_t diskRejected = 0; ///< corrupt or unreadable cache files ignored
};
JitStatistics jitStatistics();

} // namespace dlc::cpu
