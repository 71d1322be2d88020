//===- LinearToLinalg.cpp - the Linear family → linalg ---===//
#include "passes/lowering/LinalgBuilders.h"
#include "passes/lowering/PopulatePatterns.h"

#include "ir/ops/LinearOps.h"

using namespace mlir;

namespace dlc::lowering {

void populateLinearToLinalg(RewritePatternSet &patterns) {}

} // namespace dlc::lowering
