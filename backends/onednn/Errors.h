//===- Errors.h - error slot for runtime kernels called from compiled code -===//
//
// Compiled code calls the runtime through a C ABI and cannot receive an
// error back, and a kernel must never abort on input a user can reach. So a
// kernel that rejects its arguments (or hits a oneDNN error) records a message
// here, leaves its output zeroed and returns; the JIT wrapper clears the slot
// before a call into compiled code and checks it afterwards:
//
//   dlc_rt_clear_error();
//   compiledFn(args...);
//   if (const char *msg = dlc_rt_last_error()) throw ...(msg);
//
// The slot is thread-local: compiled code calls kernels on the thread that
// entered it, and independent calls on other threads cannot overwrite it.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "runtime/MemRef.h"

#include <stdexcept>
#include <string>

extern "C" {
/// The first error recorded on the calling thread since the last
/// dlc_rt_clear_error(), or nullptr if there is none. The pointer stays valid
/// until the next dlc_rt_clear_error() on this thread.
const char *dlc_rt_last_error(void);

/// Forgets the error recorded on the calling thread, if any.
void dlc_rt_clear_error(void);
}

namespace dlc::rt {

/// Records `message` in the calling thread's slot unless an earlier error is
/// still pending there (the first error is usually the cause of the rest).
void recordError(std::string message);

/// Thrown by kernel argument checks; the entry point catches it at the C ABI
/// boundary and records it (never crosses into compiled code).
class KernelError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

/// "(2,3,28,28)", or "<null>" for a missing descriptor: for error messages.
std::string formatShape(const MemRefDesc<float, 4> *d);

/// Zeroes every element of the view `d` describes (following its strides, so
/// a non-contiguous output is cleared too). Does nothing for a null
/// descriptor, a null data pointer or negative sizes.
void zeroFill(const MemRefDesc<float, 4> *d);

} // namespace dlc::rt
