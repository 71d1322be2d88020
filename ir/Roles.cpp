//===- Roles.cpp - roles and names of function arguments and results ------===//
#include "ir/Roles.h"

#include "ir/DLRoles.cpp.inc"

using namespace mlir;

namespace dlc::dl {

static std::optional<Role> roleOf(Attribute a) {
  auto s = dyn_cast_or_null<StringAttr>(a);
  if (!s) return std::nullopt;
  return symbolizeRole(s.getValue());
}
static StringRef nameOf(Attribute a) {
  auto s = dyn_cast_or_null<StringAttr>(a);
  return s ? s.getValue() : StringRef();
}

std::optional<Role> argRole(func::FuncOp f, unsigned i) {
  return roleOf(f.getArgAttr(i, kRoleAttr));
}
std::optional<Role> resultRole(func::FuncOp f, unsigned i) {
  return roleOf(f.getResultAttr(i, kRoleAttr));
}
StringRef argName(func::FuncOp f, unsigned i) { return nameOf(f.getArgAttr(i, kNameAttr)); }
StringRef resultName(func::FuncOp f, unsigned i) {
  return nameOf(f.getResultAttr(i, kNameAttr));
}

void setArgRole(func::FuncOp f, unsigned i, Role role, StringRef name) {
  MLIRContext *ctx = f.getContext();
  f.setArgAttr(i, kRoleAttr, StringAttr::get(ctx, stringifyRole(role)));
  if (!name.empty()) f.setArgAttr(i, kNameAttr, StringAttr::get(ctx, name));
}
void setResultRole(func::FuncOp f, unsigned i, Role role, StringRef name) {
  MLIRContext *ctx = f.getContext();
  f.setResultAttr(i, kRoleAttr, StringAttr::get(ctx, stringifyRole(role)));
  if (!name.empty()) f.setResultAttr(i, kNameAttr, StringAttr::get(ctx, name));
}

SmallVector<unsigned> argsWithRole(func::FuncOp f, Role role) {
  SmallVector<unsigned> out;
  for (unsigned i = 0, e = f.getNumArguments(); i < e; ++i)
    if (argRole(f, i) == role) out.push_back(i);
  return out;
}

std::optional<unsigned> findArg(func::FuncOp f, Role role, StringRef name) {
  for (unsigned i = 0, e = f.getNumArguments(); i < e; ++i)
    if (argRole(f, i) == role && argName(f, i) == name) return i;
  return std::nullopt;
}

LogicalResult verifyRoleAttribute(Operation *op, NamedAttribute attr, StringRef what) {
  if (attr.getName() == kNameAttr) {
    if (!isa<StringAttr>(attr.getValue()))
      return op->emitOpError() << what << ": '" << kNameAttr << "' must be a string, got "
                               << attr.getValue();
    return success();
  }
  if (attr.getName() == kRoleAttr) {
    if (!roleOf(attr.getValue())) {
      auto diag = op->emitOpError() << what << ": '" << kRoleAttr << "' must be one of";
      for (uint32_t r = 0; r <= getMaxEnumValForRole(); ++r)
        diag << (r ? ", \"" : " \"") << stringifyRole(static_cast<Role>(r)) << "\"";
      diag << "; got " << attr.getValue();
      return diag;
    }
    return success();
  }
  if (attr.getName() == "dl.trainable")
    return op->emitOpError() << what << ": 'dl.trainable' is replaced by dl.role = \"parameter\"";
  return op->emitOpError() << what << ": unknown dl attribute '" << attr.getName().getValue()
                           << "' (expected '" << kRoleAttr << "' or '" << kNameAttr << "')";
}

} // namespace dlc::dl
