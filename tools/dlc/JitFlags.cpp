//===- JitFlags.cpp - the JIT's command-line flags for one subcommand -----===//
#include "tools/dlc/JitFlags.h"

namespace cl = llvm::cl;

namespace dlc::tools {

JitFlags::JitFlags(cl::SubCommand &sub, cl::OptionCategory &category)
    : cacheDir("cache-dir",
               cl::desc("keep JIT object code in DIR across runs (also DLC_CACHE_DIR)"),
               cl::value_desc("DIR"), cl::sub(sub), cl::cat(category)),
      debugInfo("debug-info",
                cl::desc("keep the model's file:line as DWARF line tables in LLVM IR and JIT "
                         "code, for gdb and perf annotate (also DLC_DEBUG_INFO=1)"),
                cl::sub(sub), cl::cat(category)),
      perfMap("perf-map",
              cl::desc("tell perf about JIT-compiled functions (writes a jitdump file; "
                       "also DLC_PERF_MAP=1)"),
              cl::sub(sub), cl::cat(category)),
      verboseCache("verbose-cache",
                   cl::desc("print each JIT cache hit, miss and write to stderr "
                            "(also DLC_CACHE_DEBUG=1)"),
                   cl::sub(sub), cl::cat(category)) {}

cpu::JitOptions JitFlags::options() const {
  cpu::JitOptions o = cpu::JitOptions::fromEnvironment();
  if (cacheDir.getNumOccurrences()) o.cacheDir = cacheDir;
  if (debugInfo.getNumOccurrences()) o.debugInfo = debugInfo;
  if (perfMap.getNumOccurrences()) o.perfMap = perfMap;
  if (verboseCache.getNumOccurrences()) o.verboseCache = verboseCache;
  return o;
}

} // namespace dlc::tools
