//===- Container.cpp - Sequential -----------------------------------------===//
#include "frontend/nn/Container.h"

#include <string>

namespace dlc::nn {

Sequential::Sequential(std::initializer_list<AnyModule> layers, std::source_location w)
    : Module("Sequential", w) {
  for (const AnyModule &m : layers) {
    registerModule(std::to_string(layers_.size()), m.get());
    layers_.push_back(m.get());
  }
}

Tensor Sequential::forward(const Tensor &x) {
  Tensor h = x;
  for (auto &layer : layers_) h = (*layer)(h);
  return h;
}

} // namespace dlc::nn
