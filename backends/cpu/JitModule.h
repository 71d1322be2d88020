//===- JitModule.h - compile a dl module and call its functions --*- C++ -*-===//
//
// Lowers a module through the named pipeline (passes/Pipelines.cpp), JITs it
// once (backends/cpu/JitEngine) and calls its functions with HostTensors.
// Equal modules share one compiled engine per process, and with a cache
// directory their object code is reused across runs (docs/jit.md).
// Every public function's C interface takes its inputs and then its results
// as out-parameters (buffer-results-to-out-params): the caller owns all
// memory, compiled code writes results in place.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "backends/cpu/JitOptions.h"
#include "passes/PipelineOptions.h"
#include "runtime/core/HostTensor.h"

#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

// Users include this header: it names MLIR only through declarations, so
// a model compiles without MLIR's dialect headers.
namespace mlir {
class ModuleOp;
}

namespace dlc::cpu {

class JitEngine;

/// A compile or call failure; the message names the function and the problem.
class JitError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

/// What a function takes and returns, recorded before lowering.
struct TensorSpec {
  std::vector<int64_t> shape;
  rt::DType dtype;
  /// dl.role and dl.name of the argument or result ("" when absent): the
  /// runtime binds buffers by these, never by position (ir/DLRoles.td).
  std::string role, name;
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
  /// with the pipeline's diagnostics on failure. A module equal to one
  /// compiled before in this process (same compileKey) shares its engine;
  /// with `jit.cacheDir`, object code is also looked up on disk first.
  static std::unique_ptr<JitModule> compile(mlir::ModuleOp module, const PipelineOptions &options,
                                            const JitOptions &jit);
  /// The same with defaultJitOptions().
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
  std::shared_ptr<const JitEngine> engine_; ///< possibly shared with equal modules
  std::map<std::string, Signature> signatures_;
};

} // namespace dlc::cpu
