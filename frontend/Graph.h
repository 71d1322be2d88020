//===- Graph.h - tracing C++ model code into dl IR ----------------*- C++ -*-===//
//
// A Graph owns an MLIRContext and a module. Between beginFunction() and
// finishFunction() it is the *current* graph: tensors, parameters and ops
// created on this thread are traced into the function being built. Inputs
// and parameters become function arguments (parameters marked
// `dl.trainable` and named), in the order they are first used.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "frontend/Error.h"
#include "runtime/core/HostTensor.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/OwningOpRef.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace dlc {

namespace nn {
struct Parameter;
}
class Tensor;

/// What a traced function argument is bound to.
struct Binding {
  enum Kind { Input, Param } kind;
  std::string name;
  nn::Parameter *param = nullptr; // for Param
};

class Graph {
public:
  Graph();
  ~Graph();
  Graph(const Graph &) = delete;
  Graph &operator=(const Graph &) = delete;

  /// The graph being traced on this thread; throws if there is none.
  static Graph &current();

  /// Starts tracing a new function; this graph becomes current.
  void beginFunction();
  /// A function input of the given shape and element type.
  Tensor input(const std::string &name, std::vector<int64_t> shape,
               rt::DType dtype = rt::DType::F32, Site site = {});
  /// The argument bound to `p` (created on first use in this function).
  Tensor parameter(nn::Parameter &p);
  /// Ends the function as `@name` returning `results`; returns its bindings.
  const std::vector<Binding> &finishFunction(const std::string &name,
                                             const std::vector<Tensor> &results);

  const std::vector<Binding> &bindings(const std::string &function) const;
  mlir::MLIRContext &context() { return *context_; }
  mlir::ModuleOp module() { return *module_; }
  /// Hands the module over (e.g. to the JIT); the Graph keeps the context.
  mlir::OwningOpRef<mlir::ModuleOp> takeModule();
  mlir::OpBuilder &builder() { return builder_; }
  mlir::Location location(const Site &site);

private:
  std::unique_ptr<mlir::MLIRContext> context_;
  mlir::OwningOpRef<mlir::ModuleOp> module_;
  mlir::OpBuilder builder_;
  std::unique_ptr<mlir::Block> block_; // body of the function being traced
  std::vector<Binding> pending_;
  std::map<nn::Parameter *, unsigned> paramArgs_;
  std::map<std::string, std::vector<Binding>> functions_;
};

} // namespace dlc
