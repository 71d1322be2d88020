//===- DataMovement.cpp - verifiers and VJPs of the DataMovement family ---===//
#include "ir/ops/DataMovementOps.h"

#include "ir/OpFamilies.h"
#include "ir/ops/Common.h"
#include "ir/shape/DataMovement.h"

#define GET_OP_CLASSES
#include "ir/ops/DataMovementOps.cpp.inc"

using namespace mlir;

namespace dlc::dl {

void registerDataMovementOps(DLDialect &dialect) {
  dialect.addFamily<
#define GET_OP_LIST
#include "ir/ops/DataMovementOps.cpp.inc"
      >();
}

} // namespace dlc::dl
