//===- JitEngine.h - ORC LLJIT holding one compiled dl module ----*- C++ -*-===//
//
// dlc builds its own LLJIT instead of MLIR's ExecutionEngine because it needs
// what the engine does not offer: an llvm::ObjectCache of its own (the disk
// cache), loading a cached object without any IR, JIT event listeners chosen
// by the caller (the perf listener is on by default in ExecutionEngine and
// leaves a dump per run), and lookups done once at creation, so that calls
// from several threads on one shared engine only read a table.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"

#include <memory>
#include <string>
#include <vector>

namespace llvm {
class LLVMContext;
class MemoryBuffer;
class Module;
class ObjectCache;
namespace orc {
class LLJIT;
}
} // namespace llvm

namespace dlc::cpu {

class JitEngine {
public:
  struct Options {
    /// Register LLVM's perf listener (jitdump for `perf inject`).
    bool perfMap = false;
    /// Consulted before and told after LLVM compiles an IR module (keyed by
    /// the module's identifier); the engine keeps it alive.
    std::shared_ptr<llvm::ObjectCache> cache;
  };

  /// Optimizes (O3, host CPU) and compiles the LLVM dialect translation of a
  /// module now, so compile errors and the cache write happen here. Every
  /// function in `entryPoints` (C interface names, `_mlir_ciface_<f>`) gets
  /// a packed wrapper and is resolved before returning.
  static llvm::Expected<std::unique_ptr<JitEngine>>
  compile(std::unique_ptr<llvm::Module> module, std::unique_ptr<llvm::LLVMContext> context,
          const std::vector<std::string> &entryPoints, const Options &options);

  /// Links an object produced by compile() (read back from a cache).
  static llvm::Expected<std::unique_ptr<JitEngine>>
  load(std::unique_ptr<llvm::MemoryBuffer> object, const std::vector<std::string> &entryPoints,
       const Options &options);

  ~JitEngine();

  /// Calls entry point `name` with type-erased arguments: args[i] points to
  /// the i-th argument (MLIR's packed calling convention).
  llvm::Error invokePacked(llvm::StringRef name, llvm::MutableArrayRef<void *> args) const;

private:
  JitEngine() = default;
  static llvm::Expected<std::unique_ptr<JitEngine>> create(const Options &options);
  llvm::Error resolve(const std::vector<std::string> &entryPoints);

  std::shared_ptr<llvm::ObjectCache> cache_; ///< outlives jit_'s compiler
  std::unique_ptr<llvm::orc::LLJIT> jit_;
  llvm::StringMap<void (*)(void **)> packed_;
};

} // namespace dlc::cpu
