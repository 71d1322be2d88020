//===- TensorLiteral.h - tensors as text: "2x3xf32=1 2 3 4 5 6" -*- C++ -*-===//
//
// The inline tensor format of IREE's iree-run-module, which `dlc run` reads
// from --input and prints results in:
//   SHAPExTYPE=VALUES    2x3xi64=1 2 3 4 5 6     f32=3.5 (a scalar)
// Dimensions are separated by 'x' and precede the element type (f32, f64,
// bf16, i1, i8, i32, i64); values are separated by spaces or commas, in C
// order, and must number exactly the shape's element count. i1 values are
// 0/1 or true/false.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "runtime/core/HostTensor.h"

#include <string>
#include <string_view>

namespace dlc::rt {

/// Parses a tensor literal. Throws std::invalid_argument saying what is
/// wrong (the caller adds which input it was).
HostTensor parseTensorLiteral(std::string_view text);

/// Prints `t` as a tensor literal; floats with enough digits to read back
/// the same value (%.9g for f32 and bf16, %.17g for f64).
std::string formatTensorLiteral(const HostTensor &t);

} // namespace dlc::rt
