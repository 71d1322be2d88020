//===- Options.h - chained-setter options of layers -------------*- C++ -*-===//
//
// `Conv2d(Conv2dOptions(1, 6, 5).padding(2))`, as in PyTorch's C++ frontend.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <array>
#include <cstdint>

namespace dlc::nn {

#define DLC_OPTION(Type, name)                                                 \
  auto &name(Type v) {                                                         \
    name##_ = v;                                                               \
    return *this;                                                              \
  }                                                                            \
  Type name##_

} // namespace dlc::nn
