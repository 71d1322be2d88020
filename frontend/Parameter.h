//===- Parameter.h - a trained tensor and its name ----------------*- C++ -*-===//
//
// What the tracer (Graph) binds to a `parameter` argument. Defined apart from
// the layer library (frontend/nn/) so the tracer does not depend on it.
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

} // namespace dlc::nn
