//===- CompileCache.h - one compiled engine per compile key ------*- C++ -*-===//
#pragma once

#include "llvm/ADT/STLFunctionalExtras.h"

#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace dlc::cpu {

class JitEngine;

/// The process-wide cache of compiled engines, keyed by compileKey(). An
/// engine is immutable once built, so JitModules of equal modules share it.
class CompileCache {
public:
  static CompileCache &instance();

  /// The engine for `key`: the cached one (`hit` = true), or the one `build`
  /// returns, cached on success. Callers asking for a key that is being
  /// built wait for that build instead of compiling it again. Exceptions
  /// from `build` propagate and leave nothing cached.
  std::shared_ptr<JitEngine> getOrBuild(const std::string &key,
                                        llvm::function_ref<std::shared_ptr<JitEngine>()> build,
                                        bool &hit);

private:
  struct Slot {
    std::mutex building;
    std::shared_ptr<JitEngine> engine;
  };
  /// Above this many entries, engines no JitModule uses any more are dropped.
  static constexpr size_t kMaxIdle = 32;
  void evictIdle();

  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<Slot>> slots_;
};

} // namespace dlc::cpu
