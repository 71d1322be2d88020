//===- Graph.h - tracing C++ model code into dl IR ----------------*- C++ -*-===//
//
// A Graph owns an MLIRContext and a module. Between beginFunction() and
// finishFunction() it is the *current* graph: tensors, parameters and ops
// created on this thread are traced into the function being built. Inputs
// and parameters become function arguments, in the order they are first
// used, each with its role and name (`{dl.role = "parameter", dl.name =
// "0.weight"}`, ir/DLRoles.td): passes and the runtime bind them by role and
// name, never by position.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "frontend/Error.h"
#include "runtime/core/HostTensor.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace mlir {
class MLIRContext;
class ModuleOp;
class OpBuilder;
class Location;
template <typename OpTy> class OwningOpRef;
} // namespace mlir

namespace dlc {

namespace nn {
struct Parameter;
}
class Tensor;

/// What a traced function argument is bound to (its dl.role).
struct Binding {
  /// Buffer: state the model reads but does not train (batch norm's running
  /// statistics, dl.role = "buffer"); no gradient flows into it. Writing an
  /// updated buffer back after a step is the Trainer's job (not done yet).
  /// RngState: the [seed, step] key of random ops (dropout), fed by the
  /// runtime, which advances the step each training step.
  enum Kind { Input, Target, Param, Buffer, RngState } kind;
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
  /// A function input of the given shape and element type. `kind` is its
  /// role: Input (data), Target (labels), Param (differentiated and
  /// updated like a model parameter, e.g. by gradient tests), or Buffer
  /// (running statistics: read, not differentiated).
  Tensor input(const std::string &name, std::vector<int64_t> shape,
               rt::DType dtype = rt::DType::F32, Site site = {},
               Binding::Kind kind = Binding::Input);
  /// The argument bound to `p` (created on first use in this function).
  Tensor parameter(nn::Parameter &p);
  /// The function's random key: a tensor<2xi64> [seed, step] argument with
  /// dl.role = "rng_state" and name "rng", created on first use.
  Tensor rngState(Site site = {});
  /// A fresh op_id for a random op of the function being traced (0, 1, ...),
  /// so two dropouts sharing the key draw different masks.
  int64_t nextRandomOpId();
  /// What a traced result is (its dl.role).
  enum class ResultKind { Loss, Output };
  /// Ends the function as `@name` returning `results`; returns its bindings.
  /// `kinds` gives each result's role (default: the first is the loss when
  /// it is a scalar, the rest are outputs).
  const std::vector<Binding> &finishFunction(const std::string &name,
                                             const std::vector<Tensor> &results,
                                             std::vector<ResultKind> kinds = {});

  const std::vector<Binding> &bindings(const std::string &function) const;
  mlir::MLIRContext &context();
  mlir::ModuleOp module();
  /// Hands the module over (e.g. to the JIT); the Graph keeps the context.
  mlir::OwningOpRef<mlir::ModuleOp> takeModule();
  mlir::OpBuilder &builder();
  mlir::Location location(const Site &site);

private:
  /// The context, the module, the builder and the block being traced.
  struct State;
  std::unique_ptr<State> state_;
  std::vector<Binding> pending_;
  std::map<nn::Parameter *, unsigned> paramArgs_;
  int rngArg_ = -1;       ///< the rng_state argument, once created
  int64_t randomOps_ = 0; ///< op_ids handed out in this function
  std::map<std::string, std::vector<Binding>> functions_;
};

} // namespace dlc
