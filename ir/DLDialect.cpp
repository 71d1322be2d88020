//===- DLDialect.cpp - the dl dialect -------------------------------------===//
#include "ir/DLOps.h"
#include "ir/Roles.h"

#include "ir/DLOpsDialect.cpp.inc"
#include "ir/DLInterfaces.cpp.inc"

#define GET_OP_CLASSES
#include "ir/DLOps.cpp.inc"

using namespace mlir;

namespace dlc::dl {

void DLDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "ir/DLOps.cpp.inc"
      >();
}

Operation *DLDialect::materializeConstant(OpBuilder &b, Attribute value, Type type,
                                          Location loc) {
  auto elements = dyn_cast<ElementsAttr>(value);
  if (!elements || elements.getType() != type) return nullptr;
  return ConstantOp::create(b, loc, elements);
}

} // namespace dlc::dl

namespace dlc::dl {

LogicalResult DLDialect::verifyRegionArgAttribute(Operation *op, unsigned, unsigned argIndex,
                                                  NamedAttribute attr) {
  return verifyRoleAttribute(op, attr, ("argument #" + llvm::Twine(argIndex)).str());
}

LogicalResult DLDialect::verifyRegionResultAttribute(Operation *op, unsigned,
                                                     unsigned resultIndex, NamedAttribute attr) {
  return verifyRoleAttribute(op, attr, ("result #" + llvm::Twine(resultIndex)).str());
}

} // namespace dlc::dl
