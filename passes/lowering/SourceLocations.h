//===- SourceLocations.h - the user's file:line inside a location -*- C++ -*-===//
//
// The DSL wraps each op's FileLineColLoc in NameLoc("Linear(400, 120)") and
// FusedLoc; debug-info passes look through the wrappers for the file:line.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "mlir/IR/Location.h"

namespace dlc {

/// The first file:line:col inside `loc`, looking through the wrappers; null
/// when there is none.
inline mlir::FileLineColLoc fileLocOf(mlir::Location loc) {
  if (auto f = llvm::dyn_cast<mlir::FileLineColLoc>(loc)) return f;
  if (auto n = llvm::dyn_cast<mlir::NameLoc>(loc)) return fileLocOf(n.getChildLoc());
  if (auto c = llvm::dyn_cast<mlir::CallSiteLoc>(loc)) return fileLocOf(c.getCallee());
  if (auto o = llvm::dyn_cast<mlir::OpaqueLoc>(loc)) return fileLocOf(o.getFallbackLocation());
  if (auto fused = llvm::dyn_cast<mlir::FusedLoc>(loc))
    for (mlir::Location l : fused.getLocations())
      if (mlir::FileLineColLoc f = fileLocOf(l)) return f;
  return {};
}

} // namespace dlc
