//===- Errors.h - how oneDNN kernels fail -------------------------*- C++ -*-===//
//
// A kernel that rejects its arguments (or hits a oneDNN error) records a
// message in the runtime's error slot (runtime/abi/ErrorSlot.h), leaves its
// output zeroed and returns; it never throws into compiled code. Inside a
// kernel, checks throw KernelError, which guardedCall (Engine.h) catches and
// records.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "runtime/MemRef.h"
#include "runtime/abi/ErrorSlot.h"

#include <stdexcept>
#include <string>

namespace dlc::rt {

/// A kernel's argument check failed; the message says what was expected.
class KernelError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

/// "(N,C,H,W)" of a rank-4 descriptor, for messages.
std::string formatShape(const MemRefDesc<float, 4> *d);

/// Zeroes a (possibly strided) rank-4 output so a failed call leaves no garbage.
void zeroFill(const MemRefDesc<float, 4> *d);

} // namespace dlc::rt
