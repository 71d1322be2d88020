//===- Random.cpp - verifiers and VJPs of the Random family ---===//
#include "ir/ops/RandomOps.h"

#include "ir/OpFamilies.h"
#include "ir/ops/Common.h"
#include "ir/shape/Random.h"

#define GET_OP_CLASSES
#include "ir/ops/RandomOps.cpp.inc"

using namespace mlir;

namespace dlc::dl {

void registerRandomOps(DLDialect &dialect) {
  dialect.addFamily<
#define GET_OP_LIST
#include "ir/ops/RandomOps.cpp.inc"
      >();
}

} // namespace dlc::dl
