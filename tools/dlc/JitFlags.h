//===- JitFlags.h - the JIT's command-line flags for one subcommand -*- C++ -*-===//
//
// --cache-dir, --debug-info, --perf-map, --verbose-cache, bound to the
// subcommand that JIT-compiles (train, bench) or emits LLVM IR (compile
// uses --debug-info). Each subcommand file declares its own instance:
//
//   static cl::SubCommand TrainCmd("train", ...);
//   static JitFlags jitFlags(TrainCmd, category);
//   ... cpu::setDefaultJitOptions(jitFlags.options()); before compiling
//
// Flags override the DLC_* environment variables (backends/cpu/JitOptions.h).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "backends/cpu/JitOptions.h"

#include "llvm/Support/CommandLine.h"

#include <string>

namespace dlc::tools {

struct JitFlags {
  JitFlags(llvm::cl::SubCommand &sub, llvm::cl::OptionCategory &category);

  /// The environment's JitOptions with the flags given on top.
  cpu::JitOptions options() const;

  llvm::cl::opt<std::string> cacheDir;
  llvm::cl::opt<bool> debugInfo, perfMap, verboseCache;
};

} // namespace dlc::tools
