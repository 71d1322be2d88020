//===- SequenceToLinalg.cpp - the Sequence family → linalg ---===//
#include "passes/lowering/LinalgBuilders.h"
#include "passes/lowering/PopulatePatterns.h"

#include "ir/ops/SequenceOps.h"

using namespace mlir;

namespace dlc::lowering {

void populateSequenceToLinalg(RewritePatternSet &patterns) {}

} // namespace dlc::lowering
