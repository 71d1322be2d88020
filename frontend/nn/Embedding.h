//===- Embedding.h - the embedding layer ------------------------*- C++ -*-===//
//
// Part of the built-in layers (frontend/nn/Layers.h includes them all).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "frontend/Ops.h"
#include "frontend/nn/Module.h"

namespace dlc::nn {

/// PyTorch `nn.Embedding(num_embeddings, embedding_dim)`: weight (num, dim)
/// drawn from N(0, 1) as PyTorch; forward(ids) = weight[ids] for i32/i64
/// ids of any shape → ids.shape + (dim).
class Embedding : public Module {
public:
  Embedding(int64_t numEmbeddings, int64_t embeddingDim,
            std::source_location w = std::source_location::current());
  Tensor forward(const Tensor &ids) override;
  int64_t numEmbeddings, embeddingDim;
  Parameter *weight;
};

} // namespace dlc::nn
