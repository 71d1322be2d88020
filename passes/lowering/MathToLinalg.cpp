//===- MathToLinalg.cpp - the Math family → linalg.generic ----------------===//
#include "passes/lowering/ElementwiseGeneric.h"
#include "passes/lowering/PopulatePatterns.h"

#include "ir/ops/MathOps.h"

#include "mlir/Dialect/Math/IR/Math.h"

using namespace mlir;

namespace dlc::lowering {

template <> Value scalar<dl::AbsOp>(OpBuilder &b, Location loc, ValueRange a) {
  return math::AbsFOp::create(b, loc, a[0]);
}

void populateMathToLinalg(RewritePatternSet &patterns) {
  patterns.add<ElementwiseToGeneric<dl::AbsOp>>(patterns.getContext());
}

} // namespace dlc::lowering
