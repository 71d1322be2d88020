//===- JitCounters.h - the counters behind jitStatistics() -------*- C++ -*-===//
#pragma once

#include <atomic>
#include <cstdint>

namespace dlc::cpu {

/// Incremented by the compile path and the caches; read by jitStatistics().
struct JitCounters {
  std::atomic<uint64_t> compiled{0}, memoryHits{0}, diskHits{0}, diskWrites{0},
      diskRejected{0};
};
JitCounters &jitCounters();

} // namespace dlc::cpu
