//===- DataMovementToLinalg.cpp - the DataMovement family → linalg ---===//
#include "passes/lowering/LinalgBuilders.h"
#include "passes/lowering/PopulatePatterns.h"

#include "ir/ops/DataMovementOps.h"

using namespace mlir;

namespace dlc::lowering {

void populateDataMovementToLinalg(RewritePatternSet &patterns) {}

} // namespace dlc::lowering
