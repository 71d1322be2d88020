//===- Layers.cpp - the built-in layers -----------------------------------===//
#include "frontend/nn/Layers.h"

#include <string>

namespace dlc::nn {

static std::string pair(Pair p) {
  return p[0] == p[1] ? std::to_string(p[0])
                      : "(" + std::to_string(p[0]) + ", " + std::to_string(p[1]) + ")";
}

Linear::Linear(LinearOptions o, std::source_location w)
    : Module("Linear(" + std::to_string(o.in_) + ", " + std::to_string(o.out_) + ")", w),
      options(o) {
  if (o.in_ <= 0 || o.out_ <= 0)
    site().fail("Linear", "feature counts must be positive");
  weight = &registerParameter("weight", {o.out_, o.in_}, o.init_, o.in_, o.out_);
  if (o.bias_) bias = &registerParameter("bias", {o.out_}, Init::Zeros, o.in_, o.out_);
}

Tensor Linear::forward(const Tensor &x) {
  Site s = site();
  if (x && x.rank() == 2 && x.dim(1) != options.in_)
    s.fail("Linear", "expected input with " + std::to_string(options.in_) +
                         " features, got " + x.typeString());
  Tensor y = matmul(x, param(*weight), false, /*transposeB=*/true, s);
  return bias ? add(y, param(*bias), s) : y;
}

Conv2d::Conv2d(Conv2dOptions o, std::source_location w)
    : Module("Conv2d(" + std::to_string(o.in_) + ", " + std::to_string(o.out_) +
                 ", kernel_size=" + pair(o.kernel_) + ", stride=" + pair(o.stride_) +
                 ", padding=" + pair(o.padding_) + ")",
             w),
      options(o) {
  if (o.in_ <= 0 || o.out_ <= 0 || o.kernel_[0] <= 0 || o.kernel_[1] <= 0)
    site().fail("Conv2d", "channels and kernel size must be positive");
  int64_t receptive = o.kernel_[0] * o.kernel_[1];
  weight = &registerParameter("weight", {o.out_, o.in_, o.kernel_[0], o.kernel_[1]}, o.init_,
                              o.in_ * receptive, o.out_ * receptive);
  if (o.bias_) bias = &registerParameter("bias", {o.out_}, Init::Zeros, o.in_ * receptive, 1);
}

Tensor Conv2d::forward(const Tensor &x) {
  Site s = site();
  Tensor y = conv2d(x, param(*weight), options.stride_, options.padding_, s);
  if (!bias) return y;
  // Bias (C) broadcast over (N, C, H, W) as (C, 1, 1).
  return add(y, reshape(param(*bias), {options.out_, 1, 1}, s), s);
}

AvgPool2d::AvgPool2d(Pool2dOptions o, std::source_location w)
    : Module("AvgPool2d(kernel_size=" + pair(o.kernel_) + ", stride=" + pair(o.stride_) + ")", w),
      options(o) {}
Tensor AvgPool2d::forward(const Tensor &x) {
  return avgPool2d(x, options.kernel_, options.stride_, options.padding_, site());
}

MaxPool2d::MaxPool2d(Pool2dOptions o, std::source_location w)
    : Module("MaxPool2d(kernel_size=" + pair(o.kernel_) + ", stride=" + pair(o.stride_) + ")", w),
      options(o) {}
Tensor MaxPool2d::forward(const Tensor &x) {
  return maxPool2d(x, options.kernel_, options.stride_, options.padding_, site());
}

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
