//===- Tensor.h - a traced value ---------------------------------*- C++ -*-===//
#pragma once

#include "runtime/core/HostTensor.h"

#include "mlir/IR/Value.h"

#include <cstdint>
#include <string>
#include <vector>

namespace dlc {

class Graph;

/// A value in the function being traced. Cheap to copy.
class Tensor {
public:
  Tensor() = default;
  Tensor(Graph *graph, mlir::Value value) : graph_(graph), value_(value) {}

  std::vector<int64_t> shape() const;
  int64_t dim(int64_t i) const;
  int64_t rank() const;
  rt::DType dtype() const;
  /// "f32[256, 10]"
  std::string typeString() const;

  mlir::Value value() const { return value_; }
  Graph *graph() const { return graph_; }
  explicit operator bool() const { return static_cast<bool>(value_); }

private:
  Graph *graph_ = nullptr;
  mlir::Value value_;
};

} // namespace dlc
