//===- Linear.cpp - fully connected layer ---------------------------------===//
#include "frontend/nn/Linear.h"

#include <string>

namespace dlc::nn {

Linear::Linear(LinearOptions o, std::source_location w)
    : Module("Linear(" + std::to_string(o.in_) + ", " + std::to_string(o.out_) + ")", w),
      options(o) {
  if (o.in_ <= 0 || o.out_ <= 0)
    site().fail("Linear", "feature counts must be positive");
  weight = &registerParameter("weight", {o.out_, o.in_}, o.init_, o.in_, o.out_);
  // PyTorch draws the bias too; dlc's other schemes start it at zero.
  Init biasInit = o.init_ == Init::TorchDefault ? Init::TorchDefault : Init::Zeros;
  if (o.bias_) bias = &registerParameter("bias", {o.out_}, biasInit, o.in_, o.out_);
}

Tensor Linear::forward(const Tensor &x) {
  Site s = site();
  if (x && (x.rank() == 0 || x.dim(x.rank() - 1) != options.in_))
    s.fail("Linear", "expected input with " + std::to_string(options.in_) +
                         " features, got " + x.typeString());
  // (..., in): PyTorch's F.linear over the last dimension (a sequence of
  // vectors, an RNN language model's (T, B, H) states).
  if (x && x.rank() != 2)
    return linear(x, param(*weight), bias ? std::optional<Tensor>(param(*bias)) : std::nullopt,
                  s);
  Tensor y = matmul(x, param(*weight), false, /*transposeB=*/true, s);
  return bias ? add(y, param(*bias), s) : y;
}

} // namespace dlc::nn
