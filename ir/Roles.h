//===- Roles.h - roles and names of function arguments and results -*- C++ -*-===//
//
// The function ABI contract (ir/DLRoles.td): arguments and results carry
//   {dl.role = "parameter", dl.name = "conv1.weight"}
// Helpers here are the only code that spells the attribute names.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/DialectImplementation.h"

#include <cstdint>
#include <optional>

#include "ir/DLRoles.h.inc"

namespace dlc::dl {

inline constexpr llvm::StringLiteral kRoleAttr = "dl.role";
inline constexpr llvm::StringLiteral kNameAttr = "dl.name";

/// Role of argument / result `i`, if it has one.
std::optional<Role> argRole(mlir::func::FuncOp f, unsigned i);
std::optional<Role> resultRole(mlir::func::FuncOp f, unsigned i);
/// Name of argument / result `i` ("" when unnamed).
llvm::StringRef argName(mlir::func::FuncOp f, unsigned i);
llvm::StringRef resultName(mlir::func::FuncOp f, unsigned i);

void setArgRole(mlir::func::FuncOp f, unsigned i, Role role, llvm::StringRef name);
void setResultRole(mlir::func::FuncOp f, unsigned i, Role role, llvm::StringRef name);

/// Indices of the arguments with `role`, in argument order.
llvm::SmallVector<unsigned> argsWithRole(mlir::func::FuncOp f, Role role);
/// Index of the argument with `role` and `name`, if any.
std::optional<unsigned> findArg(mlir::func::FuncOp f, Role role, llvm::StringRef name);

/// Checks a `dl.role` / `dl.name` attribute found on an argument or result;
/// the dialect's region-argument/result verifiers call it.
mlir::LogicalResult verifyRoleAttribute(mlir::Operation *op, mlir::NamedAttribute attr,
                                        llvm::StringRef what);

} // namespace dlc::dl
