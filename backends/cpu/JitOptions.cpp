//===- JitOptions.cpp - JIT options from the environment, and counters ----===//
#include "backends/cpu/JitOptions.h"
#include "backends/cpu/JitCounters.h"

#include <cstdlib>
#include <mutex>

namespace dlc::cpu {

static bool envFlag(const char *name) {
  const char *v = std::getenv(name);
  return v && v[0] == '1' && v[1] == '\0';
}

JitOptions JitOptions::fromEnvironment() {
  JitOptions o;
  if (const char *dir = std::getenv("DLC_CACHE_DIR")) o.cacheDir = dir;
  o.debugInfo = envFlag("DLC_DEBUG_INFO");
  o.perfMap = envFlag("DLC_PERF_MAP");
  o.verboseCache = envFlag("DLC_CACHE_DEBUG");
  return o;
}

namespace {
std::mutex defaultsMutex;
JitOptions &defaults() {
  static JitOptions o = JitOptions::fromEnvironment();
  return o;
}
} // namespace

JitOptions defaultJitOptions() {
  std::lock_guard<std::mutex> lock(defaultsMutex);
  return defaults();
}

void setDefaultJitOptions(const JitOptions &options) {
  std::lock_guard<std::mutex> lock(defaultsMutex);
  defaults() = options;
}

JitCounters &jitCounters() {
  static JitCounters c;
  return c;
}

JitStatistics jitStatistics() {
  JitCounters &c = jitCounters();
  return {c.compiled.load(), c.memoryHits.load(), c.diskHits.load(), c.diskWrites.load(),
          c.diskRejected.load()};
}

} // namespace dlc::cpu
