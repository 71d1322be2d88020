//===- Creation.cpp - dl.constant -----------------------------------------===//
#include "ir/ops/Common.h"

using namespace mlir;

namespace dlc::dl {

void ConstantOp::build(OpBuilder &b, OperationState &state, ElementsAttr value) {
  build(b, state, value.getType(), value);
}

OpFoldResult ConstantOp::fold(FoldAdaptor) { return getValue(); }

} // namespace dlc::dl
