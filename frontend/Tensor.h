//===- Tensor.h - a traced value ---------------------------------*- C++ -*-===//
//
// A public header: it includes no MLIR. The traced mlir::Value is held as its
// opaque pointer (mlir::Value::getAsOpaquePointer); value() and the
// constructor from an mlir::Value are defined in Tensor.cpp, so code that
// builds IR (frontend/ops/*.cpp, which include MLIR anyway) uses them as
// before while a user's model file never parses an MLIR header.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "runtime/core/HostTensor.h"

#include <cstdint>
#include <string>
#include <vector>

namespace mlir {
class Value;
}

namespace dlc {

class Graph;

/// A value in the function being traced. Cheap to copy.
class Tensor {
public:
  Tensor() = default;
  Tensor(Graph *graph, mlir::Value value);

  std::vector<int64_t> shape() const;
  int64_t dim(int64_t i) const;
  int64_t rank() const;
  rt::DType dtype() const;
  /// "f32[256, 10]"
  std::string typeString() const;

  /// The traced value (a null mlir::Value for a default-constructed Tensor).
  mlir::Value value() const;
  Graph *graph() const { return graph_; }
  explicit operator bool() const { return value_ != nullptr; }

private:
  Graph *graph_ = nullptr;
  const void *value_ = nullptr; ///< mlir::Value::getAsOpaquePointer()
};

} // namespace dlc
