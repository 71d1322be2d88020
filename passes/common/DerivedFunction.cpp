//===- DerivedFunction.cpp - clone a function and extend its ABI ----------===//
#include "passes/common/DerivedFunction.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/SymbolTable.h"

using namespace mlir;

namespace dlc {

FailureOr<func::FuncOp> cloneFunction(func::FuncOp source, StringRef name, StringRef pass) {
  if (source.isExternal() || !source.getBody().hasOneBlock())
    return source.emitError() << pass << ": expected @" << source.getSymName()
                              << " to have a single-block body";
  if (SymbolTable::lookupNearestSymbolFrom(source, StringAttr::get(source.getContext(), name)))
    return source.emitError() << pass << ": @" << name << " already exists";
  OpBuilder b(source);
  b.setInsertionPointAfter(source);
  auto clone = cast<func::FuncOp>(b.clone(*source));
  clone.setSymName(name);
  return clone;
}

BlockArgument appendArgument(func::FuncOp f, Type type, dl::Role role, StringRef name) {
  unsigned index = f.getNumArguments();
  (void)f.insertArgument(index, type, {}, f.getLoc());
  dl::setArgRole(f, index, role, name);
  return f.getArgument(index);
}

SmallVector<RoleValue> returnedValues(func::FuncOp f) {
  auto ret = cast<func::ReturnOp>(f.getBody().front().getTerminator());
  SmallVector<RoleValue> out;
  for (auto [i, v] : llvm::enumerate(ret.getOperands()))
    out.push_back({v, dl::resultRole(f, i).value_or(dl::Role::output),
                   dl::resultName(f, i).str()});
  return out;
}

void setResults(func::FuncOp f, ArrayRef<RoleValue> results) {
  auto ret = cast<func::ReturnOp>(f.getBody().front().getTerminator());
  OpBuilder b(ret);
  SmallVector<Value> values;
  SmallVector<Type> types;
  for (const RoleValue &r : results) {
    values.push_back(r.value);
    types.push_back(r.value.getType());
  }
  func::ReturnOp::create(b, ret.getLoc(), values);
  ret.erase();
  f.setFunctionType(FunctionType::get(f.getContext(), f.getArgumentTypes(), types));
  f.removeResAttrsAttr();
  for (auto [i, r] : llvm::enumerate(results)) dl::setResultRole(f, i, r.role, r.name);
}

} // namespace dlc
