//===- Conv.h - convolution layers ------------------------------*- C++ -*-===//
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

struct Conv2dOptions {
  Conv2dOptions(int64_t in, int64_t out, int64_t kernel)
      : in_(in), out_(out), kernel_{kernel, kernel} {}
  DLC_OPTION(int64_t, in);
  DLC_OPTION(int64_t, out);
  DLC_OPTION(Pair, kernel);
  DLC_OPTION(Pair, stride) = {1, 1};
  DLC_OPTION(Pair, padding) = {0, 0};
  DLC_OPTION(bool, bias) = true;
  DLC_OPTION(Init, init) = Init::XavierUniform;
  auto &stride(int64_t s) { return stride(Pair{s, s}); }
  auto &padding(int64_t p) { return padding(Pair{p, p}); }
};

/// NCHW convolution, OIHW weight, per-channel bias.
class Conv2d : public Module {
public:
  Conv2d(Conv2dOptions o, std::source_location w = std::source_location::current());
  Tensor forward(const Tensor &x) override;
  Conv2dOptions options;
  Parameter *weight, *bias = nullptr;
};

} // namespace dlc::nn
