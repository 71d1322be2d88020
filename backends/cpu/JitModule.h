//===- JitModule.h - compile a dl module and call its functions --*- C++ -*-===//
//
// Lowers a module through the named pipeline (passes/Pipelines.cpp), JITs it
// with MLIR's ExecutionEngine once, and calls its functions with HostTensors.
// Every public function's C interface takes its inputs and then its results
// as out-parameters (buffer-results-to-out-params): the caller owns all
// memory, compiled code writes results in place.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "passes/Passes.h"
#include "runtime/core/HostTensor.h"

#include "mlir/IR/BuiltinOps.h"

#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace mlir {
class ExecutionEngine;
}

namespace dlc::cpu {

/// A compile or call failure; the message names the function and the problem.
class JitError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

/// What a function takes and returns, recorded before lowering.
struct TensorSpec {
  std::vector<int64_t> shape;
  rt::DType dtype;
  /// The argument's or result's `dl.name` ("" when it has none).
  std::string name;
  /// "f32[2, 3]".
  std::string str() const;
  /// `#2 "0.weight"` (or `#2`): how errors name this argument or result.
  std::string label(size_t index) const;
};
struct Signature {
  std::vector<TensorSpec> inputs, results;
};

class JitModule {
public:
  /// Lowers `module` (dl dialect; consumed) and compiles it. Throws JitError
  /// with the pipeline's diagnostics on failure.
  static std::unique_ptr<JitModule> compile(mlir::ModuleOp module,
                                            const PipelineOptions &options);
  ~JitModule();

  /// Calls @name: shapes and types are checked against its signature, then
  /// results are written into `results` (allocated by the caller).
  void call(const std::string &name, const std::vector<const rt::HostTensor *> &inputs,
            const std::vector<rt::HostTensor *> &results);

  const Signature &signature(const std::string &name) const;
  /// Allocates result tensors matching @name's signature.
  std::vector<rt::HostTensor> allocateResults(const std::string &name) const;

private:
  JitModule() = default;
  std::unique_ptr<mlir::ExecutionEngine> engine_;
  std::map<std::string, Signature> signatures_;
};

} // namespace dlc::cpu
