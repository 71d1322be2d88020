//===- RandomToLinalg.cpp - the Random family → linalg ---===//
#include "passes/lowering/LinalgBuilders.h"
#include "passes/lowering/PopulatePatterns.h"

#include "ir/ops/RandomOps.h"

using namespace mlir;

namespace dlc::lowering {

void populateRandomToLinalg(RewritePatternSet &patterns) {}

} // namespace dlc::lowering
