//===- Linear.cpp - verifiers and VJPs of the Linear family ---===//
#include "ir/ops/LinearOps.h"

#include "ir/OpFamilies.h"
#include "ir/ops/Common.h"
#include "ir/shape/Linear.h"

#define GET_OP_CLASSES
#include "ir/ops/LinearOps.cpp.inc"

using namespace mlir;

namespace dlc::dl {

void registerLinearOps(DLDialect &dialect) {
  dialect.addFamily<
#define GET_OP_LIST
#include "ir/ops/LinearOps.cpp.inc"
      >();
}

} // namespace dlc::dl
