//===- Activation.h - activation layers -------------------------*- C++ -*-===//
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

class Sigmoid : public Module {
public:
  Sigmoid(std::source_location w = std::source_location::current()) : Module("Sigmoid()", w) {}
  Tensor forward(const Tensor &x) override { return sigmoid(x, site()); }
};
class ReLU : public Module {
public:
  ReLU(std::source_location w = std::source_location::current()) : Module("ReLU()", w) {}
  Tensor forward(const Tensor &x) override { return relu(x, site()); }
};
class Tanh : public Module {
public:
  Tanh(std::source_location w = std::source_location::current()) : Module("Tanh()", w) {}
  Tensor forward(const Tensor &x) override { return tanh(x, site()); }
};


} // namespace dlc::nn
