//===- Linear.h - fully connected layer -------------------------*- C++ -*-===//
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

struct LinearOptions {
  LinearOptions(int64_t in, int64_t out) : in_(in), out_(out) {}
  DLC_OPTION(int64_t, in);
  DLC_OPTION(int64_t, out);
  DLC_OPTION(bool, bias) = true;
  DLC_OPTION(Init, init) = Init::XavierUniform;
};

/// y = x·Wᵀ + b, W is (out, in); x is (in), (N, in) or (..., in) (over the last dim).
class Linear : public Module {
public:
  Linear(int64_t in, int64_t out, std::source_location w = std::source_location::current())
      : Linear(LinearOptions(in, out), w) {}
  Linear(LinearOptions o, std::source_location w = std::source_location::current());
  Tensor forward(const Tensor &x) override;
  LinearOptions options;
  Parameter *weight, *bias = nullptr;
};

} // namespace dlc::nn
