//===- Embedding.cpp - the embedding layer --------------------------------===//
#include "frontend/nn/Embedding.h"

#include "frontend/nn/Init.h"

#include <string>

namespace dlc::nn {

Embedding::Embedding(int64_t num, int64_t dim, std::source_location w)
    : Module("Embedding(" + std::to_string(num) + ", " + std::to_string(dim) + ")", w),
      numEmbeddings(num), embeddingDim(dim) {
  if (num <= 0 || dim <= 0) site().fail("Embedding", "sizes must be positive");
  weight = &registerParameter("weight", {num, dim}, Init::Custom, num, dim);
  weight->initFn = [](rt::HostTensor &t, Generator &g) { init::normal(t, g, 0.0, 1.0); };
}

Tensor Embedding::forward(const Tensor &ids) { return embedding(ids, param(*weight), {}, site()); }

} // namespace dlc::nn
