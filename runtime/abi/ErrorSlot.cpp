//===- ErrorSlot.cpp - how runtime kernels report errors ------------------===//
#include "runtime/abi/ErrorSlot.h"

#include <optional>

namespace {
/// The pending error of this thread; empty when there is none.
thread_local std::optional<std::string> pendingError;
} // namespace

extern "C" const char *dlc_rt_last_error(void) {
  return pendingError ? pendingError->c_str() : nullptr;
}

extern "C" void dlc_rt_clear_error(void) { pendingError.reset(); }

namespace dlc::rt {

void recordError(std::string message) {
  if (!pendingError) pendingError = std::move(message);
}

} // namespace dlc::rt
