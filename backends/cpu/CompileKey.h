//===- CompileKey.h - what makes two compilations the same -------*- C++ -*-===//
#pragma once

#include "backends/cpu/JitOptions.h"
#include "passes/PipelineOptions.h"

#include <string>

namespace mlir {
class ModuleOp;
}

namespace dlc::cpu {

/// A 32-hex-digit BLAKE3 digest of everything that decides the machine code
/// JitModule::compile produces:
///   - the module as printed after the grad stage (where the pipeline
///     options took effect), with locations when they reach the code
///     (debug info);
///   - the pipeline options and the code-affecting JIT options;
///   - `lowering`, the textual pipeline that takes it to LLVM;
///   - the host CPU name and features (the code uses AVX-512 when present);
///   - LLVM's version and this build of dlc (size and mtime of the running
///     executable), since a rebuilt dlc may lower the same IR differently.
/// Equal keys mean interchangeable object code, in one process or across
/// runs through the cache directory.
std::string compileKey(mlir::ModuleOp module, const PipelineOptions &pipeline,
                       const JitOptions &jit, const std::string &lowering);

} // namespace dlc::cpu
