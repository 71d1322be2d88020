//===- DerivedFunction.h - clone a function and extend its ABI ---*- C++ -*-===//
//
// Passes that derive a function from another (dl-autodiff: @loss →
// @loss_grad; optimizers: @loss_grad → @train_step) all clone the source,
// append arguments with a role and a name, and replace the return with more
// results, each with a role and a name (ir/Roles.h). This is the one place
// that keeps the function type, the block arguments and the argument/result
// attributes consistent while doing so.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "ir/Roles.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"

namespace dlc {

/// A result of a derived function: its value, role and name.
struct RoleValue {
  mlir::Value value;
  dl::Role role;
  std::string name;
};

/// Clones `source` as `@name` right after it. Fails (with an error on
/// `source`, naming `pass`) if `@name` exists or `source` is not a single-block
/// definition.
mlir::FailureOr<mlir::func::FuncOp> cloneFunction(mlir::func::FuncOp source,
                                                  llvm::StringRef name, llvm::StringRef pass);

/// Appends an argument of `type` with `role` and `name`; returns it.
mlir::BlockArgument appendArgument(mlir::func::FuncOp f, mlir::Type type, dl::Role role,
                                   llvm::StringRef name);

/// The returned values with their roles and names (results without a role
/// count as outputs).
llvm::SmallVector<RoleValue> returnedValues(mlir::func::FuncOp f);

/// Replaces the function's return by one of `results` and updates the
/// function type and result attributes.
void setResults(mlir::func::FuncOp f, llvm::ArrayRef<RoleValue> results);

} // namespace dlc
