//===- InputChecks.h - cheap checks on textual input before parsing -*- C++ -*-===//
//
// Checks that protect MLIR's parser from input it cannot survive. Both `dlc`
// and `dlc-opt` run them on every .mlir buffer before parsing it.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "llvm/Support/LogicalResult.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

namespace dlc::tools {

/// Deepest bracket nesting accepted in a .mlir file. Real IR nests a few
/// dozen levels; MLIR's recursive-descent parser needs roughly 1 KB of stack
/// per level of attribute nesting, so this keeps far below the 8 MB default.
constexpr unsigned kMaxNestingDepth = 1000;

/// Fails, printing `file:line:col: error: nesting deeper than N levels` to
/// `errs`, when `(`, `[`, `{` or `<` nest deeper than `maxDepth` in `buffer`
/// (string literals and `//` comments are skipped).
llvm::LogicalResult checkNestingDepth(const llvm::MemoryBuffer &buffer,
                                      llvm::raw_ostream &errs = llvm::errs(),
                                      unsigned maxDepth = kMaxNestingDepth);

} // namespace dlc::tools
