//===- Errors.cpp - shapes in messages, zeroed outputs --------------------===//
#include "backends/onednn/Errors.h"

#include <fmt/format.h>

#include <cstring>

namespace dlc::rt {

std::string formatShape(const MemRefDesc<float, 4> *d) {
  if (!d) return "<null>";
  return fmt::format("({},{},{},{})", d->sizes[0], d->sizes[1], d->sizes[2],
                     d->sizes[3]);
}

void zeroFill(const MemRefDesc<float, 4> *d) {
  if (!d || !d->aligned) return;
  for (int64_t s : d->sizes)
    if (s <= 0) return;
  if (d->isContiguous()) {
    std::memset(d->data(), 0, sizeof(float) * d->numElements());
    return;
  }
  float *base = d->data();
  for (int64_t i = 0; i < d->sizes[0]; ++i)
    for (int64_t j = 0; j < d->sizes[1]; ++j)
      for (int64_t k = 0; k < d->sizes[2]; ++k)
        for (int64_t l = 0; l < d->sizes[3]; ++l)
          base[i * d->strides[0] + j * d->strides[1] + k * d->strides[2] +
               l * d->strides[3]] = 0.0f;
}

} // namespace dlc::rt
