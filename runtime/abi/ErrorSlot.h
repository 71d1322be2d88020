//===- ErrorSlot.h - how runtime kernels report errors -----------*- C++ -*-===//
//
// Kernels are called from compiled code, which has no way to unwind an
// exception: a kernel that fails records a message in this thread's slot,
// zeroes its outputs and returns. The caller of the compiled function
// (backends/cpu/JitModule) checks the slot after each call and turns a
// recorded error into an exception. Part of the C ABI compiled code links to.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <string>

extern "C" {
/// The first error recorded on this thread since the last clear, or null.
const char *dlc_rt_last_error(void);
/// Clears this thread's error.
void dlc_rt_clear_error(void);
}

namespace dlc::rt {

/// Records `message` unless an earlier error is pending (the first one is
/// usually the cause of the rest).
void recordError(std::string message);

} // namespace dlc::rt
