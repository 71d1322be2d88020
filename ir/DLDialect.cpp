//===- DLDialect.cpp - the dl dialect -------------------------------------===//
#include "ir/DLOps.h"
#include "ir/OpFamilies.h"
#include "ir/Roles.h"
#include "ir/ShapeFunctions.h"

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
  registerMathOps(*this);
  registerRandomOps(*this);
  registerCriterionOps(*this);
  registerLinearOps(*this);
  registerSequenceOps(*this);
  registerDataMovementOps(*this);
  registerNormalizationOps(*this);
  registerStatisticsOps(*this);
  registerRecurrentOps(*this);
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

namespace dlc::dl {

LogicalResult verifyBoundedTensorSizes(Operation *op) {
  auto check = [&](Type type, const char *kind, unsigned index) -> LogicalResult {
    auto tensor = dyn_cast<RankedTensorType>(type);
    if (!tensor || !tensor.hasStaticShape()) return success();
    Type element = tensor.getElementType();
    // Index is 64-bit on our targets; other element types count one byte.
    int64_t bits = isa<IndexType>(element)     ? 64
                   : element.isIntOrFloat() ? element.getIntOrFloatBitWidth()
                                            : 8;
    std::string error = shape::checkByteSize(tensor.getShape(), std::max<int64_t>(1, bits / 8));
    if (error.empty()) return success();
    return op->emitOpError() << kind << " #" << index << ": " << error;
  };
  for (auto [i, t] : llvm::enumerate(op->getOperandTypes()))
    if (failed(check(t, "operand", i))) return failure();
  for (auto [i, t] : llvm::enumerate(op->getResultTypes()))
    if (failed(check(t, "result", i))) return failure();
  return success();
}

} // namespace dlc::dl
