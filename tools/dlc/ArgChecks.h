//===- ArgChecks.h - validating dlc's numeric flags --------------*- C++ -*-===//
//
// llvm::cl parses numbers but accepts any value of the type: `--lr nan`,
// `--limit -5`, `--batch-size 4611686018427387904`. These checks run before
// anything is loaded or compiled and throw dlc::Error naming the flag, which
// dlc.cpp prints as `dlc: error: ...`.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>

namespace dlc::tools {

/// Largest input batch dlc accepts, in bytes of f32 elements: far beyond
/// what fits the machines dlc runs on once activations are counted, and small
/// enough that every size derived from it fits int64 (docs/benchmarks.md).
inline constexpr int64_t kMaxBatchBytes = int64_t(1) << 32;

/// Throws unless value >= 1: "--flag must be positive, got V".
void requirePositive(llvm::StringRef flag, int64_t value);
/// Throws unless value >= 0: "--flag must not be negative, got V".
void requireNonNegative(llvm::StringRef flag, int64_t value);
/// Throws unless value >= minimum, with `why` appended to the message.
void requireAtLeast(llvm::StringRef flag, int64_t value, int64_t minimum, llvm::StringRef why);

/// `value` as f32. Throws unless it is finite and representable without
/// overflow: "--lr must be a finite number that fits in f32, got inf".
float finiteF32(llvm::StringRef flag, double value);

/// Checks that a batch of `batchSize` examples of `exampleShape` f32
/// elements fits in kMaxBatchBytes (the element count times 4 cannot
/// overflow either); throws "--batch-size B is too large: ..." otherwise.
void requireBatchFits(llvm::StringRef flag, int64_t batchSize,
                      llvm::ArrayRef<int64_t> exampleShape);

} // namespace dlc::tools
