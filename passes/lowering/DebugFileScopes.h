//===- DebugFileScopes.h - line tables in each op's own file -----*- C++ -*-===//
#pragma once

#include <memory>

namespace mlir {
class Pass;
}

namespace dlc {

/// `dl-debug-file-scopes`: after ensure-debug-info-scope-on-llvm-func, wraps
/// every op location whose file differs from its function's DISubprogram in
/// a DILexicalBlockFile of that file (see DebugFileScopes.cpp).
/// TODO: declare in Passes.td with the other passes (kept out of it here so
/// adding it did not regenerate Passes.h.inc under a deadline).
std::unique_ptr<mlir::Pass> createDebugFileScopesPass();

/// `dl-debug-line-zero`: before ensure-debug-info-scope-on-llvm-func, gives
/// calls without a source location line 0 (LLVM rejects location-less calls
/// to inlinable functions in functions that have debug info).
std::unique_ptr<mlir::Pass> createDebugLineZeroPass();

} // namespace dlc
