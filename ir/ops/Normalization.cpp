//===- Normalization.cpp - verifiers and VJPs of the Normalization family ---===//
#include "ir/ops/NormalizationOps.h"

#include "ir/OpFamilies.h"
#include "ir/ops/Common.h"
#include "ir/shape/Normalization.h"

#define GET_OP_CLASSES
#include "ir/ops/NormalizationOps.cpp.inc"

using namespace mlir;

namespace dlc::dl {

void registerNormalizationOps(DLDialect &dialect) {
  dialect.addFamily<
#define GET_OP_LIST
#include "ir/ops/NormalizationOps.cpp.inc"
      >();
}

} // namespace dlc::dl
