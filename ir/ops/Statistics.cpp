//===- Statistics.cpp - verifiers and VJPs of the Statistics family ---===//
#include "ir/ops/StatisticsOps.h"

#include "ir/OpFamilies.h"
#include "ir/ops/Common.h"
#include "ir/shape/Statistics.h"

#define GET_OP_CLASSES
#include "ir/ops/StatisticsOps.cpp.inc"

using namespace mlir;

namespace dlc::dl {

void registerStatisticsOps(DLDialect &dialect) {
  dialect.addFamily<
#define GET_OP_LIST
#include "ir/ops/StatisticsOps.cpp.inc"
      >();
}

} // namespace dlc::dl
