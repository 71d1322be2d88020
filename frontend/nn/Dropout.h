//===- Dropout.h - the dropout layer ----------------------------*- C++ -*-===//
//
// Part of the built-in layers (frontend/nn/Layers.h includes them all).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "frontend/nn/Module.h"
#include "frontend/ops/Random.h"

#include <sstream>

namespace dlc::nn {

/// PyTorch `nn.Dropout(p)`: dropout(x, p) in training mode, the identity
/// after eval() (nothing is traced). p outside [0, 1] is an error naming
/// the construction line.
class Dropout : public Module {
public:
  explicit Dropout(double p = 0.5, std::source_location w = std::source_location::current())
      : Module("Dropout(p=" + str(p) + ")", w), p_(p) {
    if (!(p >= 0 && p <= 1))
      site().fail("Dropout", "dropout probability has to be between 0 and 1, but got " + str(p));
  }
  Tensor forward(const Tensor &x) override { return dropout(x, p_, isTraining(), site()); }
  double p() const { return p_; }

private:
  static std::string str(double p) {
    std::ostringstream os;
    os << p;
    return os.str();
  }
  double p_;
};

} // namespace dlc::nn
