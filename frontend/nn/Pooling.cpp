//===- Pooling.cpp - pooling layers ---------------------------------------===//
#include "frontend/nn/Pooling.h"

#include <string>

namespace dlc::nn {

static std::string pair(Pair p) {
  return p[0] == p[1] ? std::to_string(p[0])
                      : "(" + std::to_string(p[0]) + ", " + std::to_string(p[1]) + ")";
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

} // namespace dlc::nn
