//===- CompileCache.cpp - one compiled engine per compile key -------------===//
#include "backends/cpu/CompileCache.h"
#include "backends/cpu/JitEngine.h"

namespace dlc::cpu {

CompileCache &CompileCache::instance() {
  // Never destroyed: engines must not be torn down after LLVM's own statics
  // during exit, and the OS reclaims their memory anyway.
  static CompileCache *cache = new CompileCache();
  return *cache;
}

void CompileCache::evictIdle() {
  if (slots_.size() <= kMaxIdle) return;
  for (auto it = slots_.begin(); it != slots_.end();) {
    Slot &s = *it->second;
    // A slot being built is locked; an idle engine is owned by the slot only.
    std::unique_lock<std::mutex> lock(s.building, std::try_to_lock);
    bool idle = lock.owns_lock() && s.engine && s.engine.use_count() == 1;
    it = idle ? slots_.erase(it) : std::next(it);
  }
}

std::shared_ptr<JitEngine>
CompileCache::getOrBuild(const std::string &key,
                         llvm::function_ref<std::shared_ptr<JitEngine>()> build, bool &hit) {
  std::shared_ptr<Slot> slot;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto [it, inserted] = slots_.try_emplace(key);
    if (inserted) {
      it->second = std::make_shared<Slot>();
      slot = it->second;
      evictIdle();
    } else {
      slot = it->second;
    }
  }
  std::lock_guard<std::mutex> lock(slot->building);
  hit = slot->engine != nullptr;
  if (!hit) slot->engine = build();
  return slot->engine;
}

} // namespace dlc::cpu
