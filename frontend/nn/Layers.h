//===- Layers.h - the built-in layers ----------------------------*- C++ -*-===//
//
// Options structs with chained setters, as in PyTorch's C++ frontend:
//   Conv2d(Conv2dOptions(1, 6, 5).padding(2))
// Layers are compositions of DSL ops and need no gradient code.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "frontend/Ops.h"
#include "frontend/nn/Module.h"

namespace dlc::nn {

#define DLC_OPTION(Type, name)                                                 \
  auto &name(Type v) {                                                         \
    name##_ = v;                                                               \
    return *this;                                                              \
  }                                                                            \
  Type name##_

struct LinearOptions {
  LinearOptions(int64_t in, int64_t out) : in_(in), out_(out) {}
  DLC_OPTION(int64_t, in);
  DLC_OPTION(int64_t, out);
  DLC_OPTION(bool, bias) = true;
  DLC_OPTION(Init, init) = Init::XavierUniform;
};

/// y = x·Wᵀ + b, W is (out, in).
class Linear : public Module {
public:
  Linear(int64_t in, int64_t out, std::source_location w = std::source_location::current())
      : Linear(LinearOptions(in, out), w) {}
  Linear(LinearOptions o, std::source_location w = std::source_location::current());
  Tensor forward(const Tensor &x) override;
  LinearOptions options;
  Parameter *weight, *bias = nullptr;
};

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

#undef DLC_OPTION

/// Elementwise activations.
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
