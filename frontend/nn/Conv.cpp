//===- Conv.cpp - convolution layers --------------------------------------===//
#include "frontend/nn/Conv.h"

#include <string>

namespace dlc::nn {

static std::string pair(Pair p) {
  return p[0] == p[1] ? std::to_string(p[0])
                      : "(" + std::to_string(p[0]) + ", " + std::to_string(p[1]) + ")";
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
  // PyTorch draws the bias too (U(±1/√fan_in)); dlc's other schemes start it at zero.
  Init biasInit = o.init_ == Init::TorchDefault ? Init::TorchDefault : Init::Zeros;
  if (o.bias_)
    bias = &registerParameter("bias", {o.out_}, biasInit, o.in_ * receptive, 1);
}

Tensor Conv2d::forward(const Tensor &x) {
  Site s = site();
  Tensor y = conv2d(x, param(*weight), options.stride_, options.padding_, s);
  if (!bias) return y;
  // Bias (C) broadcast over (N, C, H, W) as (C, 1, 1).
  return add(y, reshape(param(*bias), {options.out_, 1, 1}, s), s);
}

} // namespace dlc::nn
