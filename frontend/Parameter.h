//===- Parameter.h - a trained tensor and its name ----------------*- C++ -*-===//
//
// What the tracer (Graph) binds to a `parameter` argument. Defined apart from
// the layer library (frontend/nn/) so the tracer does not depend on it.
// A Buffer is a module's state that is saved but not trained (PyTorch's
// register_buffer: batch norm's running statistics).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "frontend/Error.h"
#include "runtime/core/HostTensor.h"

#include <cstdint>
#include <string>

namespace dlc::nn {

/// How a parameter is initialised.
enum class Init { Zeros, XavierUniform, KaimingUniform };

struct Parameter {
  std::string localName; ///< as registered, e.g. "weight"
  std::string name;      ///< full dotted name from the root module, e.g. "2.weight"
  rt::HostTensor value;
  Init init = Init::Zeros;
  int64_t fanIn = 1, fanOut = 1;
  Site site;          ///< where its module was constructed
};

/// Non-trained module state that checkpoints save and load with the
/// parameters (PyTorch's persistent buffers); any element type.
struct Buffer {
  std::string localName; ///< as registered, e.g. "running_mean"
  std::string name;      ///< full dotted name from the root module, e.g. "1.running_mean"
  rt::HostTensor value;
  Site site;             ///< where its module was constructed
};

} // namespace dlc::nn
