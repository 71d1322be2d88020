//===- Zoo.h - models dlc ships by name --------------------------*- C++ -*-===//
#pragma once

#include "frontend/nn/Layers.h"

#include <memory>
#include <string>
#include <vector>

namespace dlc::zoo {

/// d2l's LeNet-5 (sigmoid activations, average pooling) for 1×28×28 inputs.
std::shared_ptr<nn::Module> lenet();
/// A 784-256-10 ReLU multilayer perceptron (d2l's MLP chapter).
std::shared_ptr<nn::Module> mlp();
/// d2l's dropout MLP (chapter "Dropout"): 784-256-256-10 ReLU with dropout
/// 0.2 and 0.5 after the hidden layers; eval mode (@forward) drops nothing.
std::shared_ptr<nn::Module> mlpDropout();

/// d2l's training recipe for a model: what `dlc train MODEL` uses unless a
/// flag says otherwise.
struct Recipe {
  double lr;
  int64_t batchSize;
  int64_t epochs;
  std::string optimizer = "sgd";
  double clipGradNorm = 0; ///< gradient clipping unless --clip-grad-norm says otherwise (0: off)
};

/// A zoo entry: the model, the shape of one example and its d2l recipe.
struct ZooModel {
  std::shared_ptr<nn::Module> model;
  std::vector<int64_t> exampleShape;
  int64_t numClasses;
  Recipe recipe;
};
/// The names byName() knows, in order.
const std::vector<std::string> &names();
/// "lenet", "mlp" or "mlp_dropout"; throws dlc::Error listing the names for anything else.
ZooModel byName(const std::string &name);

} // namespace dlc::zoo
