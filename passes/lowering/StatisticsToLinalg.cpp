//===- StatisticsToLinalg.cpp - the Statistics family → linalg ---===//
#include "passes/lowering/LinalgBuilders.h"
#include "passes/lowering/PopulatePatterns.h"

#include "ir/ops/StatisticsOps.h"

using namespace mlir;

namespace dlc::lowering {

void populateStatisticsToLinalg(RewritePatternSet &patterns) {}

} // namespace dlc::lowering
