//===- Sequence.cpp - verifiers and VJPs of the Sequence family ---===//
#include "ir/ops/SequenceOps.h"

#include "ir/OpFamilies.h"
#include "ir/ops/Common.h"
#include "ir/shape/Sequence.h"

#define GET_OP_CLASSES
#include "ir/ops/SequenceOps.cpp.inc"

using namespace mlir;

namespace dlc::dl {

void registerSequenceOps(DLDialect &dialect) {
  dialect.addFamily<
#define GET_OP_LIST
#include "ir/ops/SequenceOps.cpp.inc"
      >();
}

} // namespace dlc::dl
