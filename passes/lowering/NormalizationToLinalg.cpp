//===- NormalizationToLinalg.cpp - the Normalization family → linalg ---===//
#include "passes/lowering/LinalgBuilders.h"
#include "passes/lowering/PopulatePatterns.h"

#include "ir/ops/NormalizationOps.h"

using namespace mlir;

namespace dlc::lowering {

void populateNormalizationToLinalg(RewritePatternSet &patterns) {}

} // namespace dlc::lowering
