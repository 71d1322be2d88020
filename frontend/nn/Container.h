//===- Container.h - Sequential and Flatten ---------------------*- C++ -*-===//
//
// Part of the built-in layers (frontend/nn/Layers.h includes them all).
// Options structs with chained setters, as in PyTorch's C++ frontend.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "frontend/Ops.h"
#include "frontend/nn/Module.h"
#include "frontend/nn/Options.h"

namespace dlc::nn {

/// (N, ...) → (N, prod(...)).
class Flatten : public Module {
public:
  Flatten(std::source_location w = std::source_location::current()) : Module("Flatten()", w) {}
  Tensor forward(const Tensor &x) override { return flatten(x, site()); }
};

/// Applies its layers in order; they are named "0", "1", ...
class Sequential : public Module {
public:
  Sequential(std::initializer_list<AnyModule> layers,
             std::source_location w = std::source_location::current());
  Tensor forward(const Tensor &x) override;
  size_t size() const { return layers_.size(); }
  const std::vector<std::shared_ptr<Module>> &layers() const { return layers_; }
  const Sequential *asSequential() const override { return this; }

private:
  std::vector<std::shared_ptr<Module>> layers_;
};

} // namespace dlc::nn
