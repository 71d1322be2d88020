//===- Math.cpp - shape rules and VJPs of the Math family -----------------===//
#include "ir/ops/MathOps.h"

#include "ir/OpFamilies.h"
#include "ir/ops/Common.h"
#include "ir/shape/Math.h"

#define GET_OP_CLASSES
#include "ir/ops/MathOps.cpp.inc"

using namespace mlir;

namespace dlc::dl {

void registerMathOps(DLDialect &dialect) {
  dialect.addFamily<
#define GET_OP_LIST
#include "ir/ops/MathOps.cpp.inc"
      >();
}

// d|x| = g * sign(x)
LogicalResult AbsOp::buildVJP(OpBuilder &b, ValueRange gs, SmallVectorImpl<Value> &grads) {
  Location loc = getLoc();
  grads.push_back(binary<MulOp>(b, loc, gs[0], SignOp::create(b, loc, getInput())));
  return success();
}

} // namespace dlc::dl
