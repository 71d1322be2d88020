//===- Random.h - Portable draws from std::mt19937_64 -----------*- C++ -*-===//
//
// std::uniform_int_distribution and std::shuffle are implementation-defined,
// so libstdc++ and libc++ draw different numbers from the same engine. These
// helpers fix the algorithm, making every sample a function of the seed
// alone on any standard library.
//
//===----------------------------------------------------------------------===//
#ifndef DLC_RUNTIME_TEXT_RANDOM_H
#define DLC_RUNTIME_TEXT_RANDOM_H

#include <cstdint>
#include <limits>
#include <random>
#include <span>
#include <utility>

namespace dlc::rt::text {

/// Uniform integer in [0, n) for n > 0, by rejection: draws at or above the
/// largest multiple of n that fits in 2^64 are redrawn, so there is no bias.
inline uint64_t uniformBelow(std::mt19937_64 &rng, uint64_t n) {
  constexpr uint64_t kMax = std::numeric_limits<uint64_t>::max();
  uint64_t rem = (kMax % n + 1) % n; // 2^64 mod n
  for (;;) {
    uint64_t r = rng();
    if (rem == 0 || r <= kMax - rem) return r % n;
  }
}

/// Fisher-Yates shuffle from the back, as Python's random.shuffle does.
template <typename T>
void shuffleInPlace(std::span<T> values, std::mt19937_64 &rng) {
  for (size_t i = values.size(); i > 1; --i) {
    size_t j = uniformBelow(rng, i);
    std::swap(values[i - 1], values[j]);
  }
}

} // namespace dlc::rt::text

#endif // DLC_RUNTIME_TEXT_RANDOM_H
