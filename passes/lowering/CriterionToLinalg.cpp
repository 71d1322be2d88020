//===- CriterionToLinalg.cpp - the Criterion family → linalg ---===//
#include "passes/lowering/LinalgBuilders.h"
#include "passes/lowering/PopulatePatterns.h"

#include "ir/ops/CriterionOps.h"

using namespace mlir;

namespace dlc::lowering {

void populateCriterionToLinalg(RewritePatternSet &patterns) {}

} // namespace dlc::lowering
