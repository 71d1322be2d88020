//===- Criterion.cpp - verifiers and VJPs of the Criterion family ---===//
#include "ir/ops/CriterionOps.h"

#include "ir/OpFamilies.h"
#include "ir/ops/Common.h"
#include "ir/shape/Criterion.h"

#define GET_OP_CLASSES
#include "ir/ops/CriterionOps.cpp.inc"

using namespace mlir;

namespace dlc::dl {

void registerCriterionOps(DLDialect &dialect) {
  dialect.addFamily<
#define GET_OP_LIST
#include "ir/ops/CriterionOps.cpp.inc"
      >();
}

} // namespace dlc::dl
