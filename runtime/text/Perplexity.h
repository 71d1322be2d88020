//===- Perplexity.h - Language-model perplexity -----------------*- C++ -*-===//
//
// d2l 9.5: perplexity = exp(mean cross-entropy per token), accumulated as a
// sum of per-token losses and a token count over an epoch.
//
//===----------------------------------------------------------------------===//
#ifndef DLC_RUNTIME_TEXT_PERPLEXITY_H
#define DLC_RUNTIME_TEXT_PERPLEXITY_H

#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <string>

namespace dlc::rt::text {

/// exp(sumCrossEntropy / numTokens), with the cross-entropy in nats. Throws
/// std::invalid_argument unless numTokens is positive.
inline double perplexity(double sumCrossEntropy, int64_t numTokens) {
  if (numTokens <= 0)
    throw std::invalid_argument("[dlc::rt::text::perplexity] numTokens must be positive, got " +
                                std::to_string(numTokens));
  return std::exp(sumCrossEntropy / static_cast<double>(numTokens));
}

} // namespace dlc::rt::text

#endif // DLC_RUNTIME_TEXT_PERPLEXITY_H
