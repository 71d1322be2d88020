//===- Pooling.h - pooling layers -------------------------------*- C++ -*-===//
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

struct Pool2dOptions {
  Pool2dOptions(int64_t kernel) : kernel_{kernel, kernel}, stride_{kernel, kernel} {}
  DLC_OPTION(Pair, kernel);
  DLC_OPTION(Pair, stride);
  DLC_OPTION(Pair, padding) = {0, 0};
  auto &stride(int64_t s) { return stride(Pair{s, s}); }
  auto &padding(int64_t p) { return padding(Pair{p, p}); }
};

class AvgPool2d : public Module {
public:
  AvgPool2d(Pool2dOptions o, std::source_location w = std::source_location::current());
  Tensor forward(const Tensor &x) override;
  Pool2dOptions options;
};

class MaxPool2d : public Module {
public:
  MaxPool2d(Pool2dOptions o, std::source_location w = std::source_location::current());
  Tensor forward(const Tensor &x) override;
  Pool2dOptions options;
};


/// Elementwise activations.

} // namespace dlc::nn
