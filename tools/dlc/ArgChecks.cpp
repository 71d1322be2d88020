//===- ArgChecks.cpp - validating dlc's numeric flags ---------------------===//
#include "tools/dlc/ArgChecks.h"

#include "frontend/Error.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"

#include <cfloat>
#include <cmath>

namespace dlc::tools {

void requirePositive(llvm::StringRef flag, int64_t value) {
  if (value < 1) throw Error(llvm::formatv("--{0} must be positive, got {1}", flag, value).str());
}

void requireNonNegative(llvm::StringRef flag, int64_t value) {
  if (value < 0)
    throw Error(llvm::formatv("--{0} must not be negative, got {1}", flag, value).str());
}

void requireAtLeast(llvm::StringRef flag, int64_t value, int64_t minimum, llvm::StringRef why) {
  if (value < minimum)
    throw Error(
        llvm::formatv("--{0} must be at least {1} ({2}), got {3}", flag, minimum, why, value)
            .str());
}

float finiteF32(llvm::StringRef flag, double value) {
  // The compiled step takes hyperparameters as f32 tensors: a double above
  // FLT_MAX would become inf there.
  if (!std::isfinite(value) || std::fabs(value) > double(FLT_MAX))
    throw Error(llvm::formatv("--{0} must be a finite number that fits in f32 (|x| <= {1}), "
                              "got {2}",
                              flag, llvm::format("%g", double(FLT_MAX)),
                              llvm::format("%g", value))
                    .str());
  return static_cast<float>(value);
}

void requireBatchFits(llvm::StringRef flag, int64_t batchSize,
                      llvm::ArrayRef<int64_t> exampleShape) {
  requirePositive(flag, batchSize);
  int64_t elements = batchSize, bytes = 0;
  bool overflow = false;
  for (int64_t d : exampleShape) overflow |= __builtin_mul_overflow(elements, d, &elements);
  overflow |= __builtin_mul_overflow(elements, int64_t(sizeof(float)), &bytes);
  if (overflow || bytes > kMaxBatchBytes) {
    std::string shape = llvm::join(llvm::map_range(exampleShape,
                                                   [](int64_t d) { return std::to_string(d); }),
                                   "x");
    throw Error(llvm::formatv("--{0} {1} is too large: one batch of {2} f32 examples would "
                              "take {3} bytes, more than the limit of {4} bytes",
                              flag, batchSize, shape,
                              overflow ? std::string("more than 2^63")
                                       : std::to_string(bytes),
                              kMaxBatchBytes)
                    .str());
  }
}

} // namespace dlc::tools
