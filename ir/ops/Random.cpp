//===- Random.cpp - verifiers and VJPs of the Random family ---===//
#include "ir/ops/RandomOps.h"

#include "ir/OpFamilies.h"
#include "ir/ops/Common.h"
#include "ir/shape/Random.h"

#define GET_OP_CLASSES
#include "ir/ops/RandomOps.cpp.inc"

using namespace mlir;

namespace dlc::dl {
using namespace detail;

void registerRandomOps(DLDialect &dialect) {
  dialect.addFamily<
#define GET_OP_LIST
#include "ir/ops/RandomOps.cpp.inc"
      >();
}

// -- dl.dropout ---------------------------------------------------------------

LogicalResult DropoutOp::verify() {
  return check(*this, shape::dropout(shapeOf(getInput()), shapeOf(getRngState()),
                                     getP().convertToDouble(),
                                     static_cast<int64_t>(getOpId()))
                          .error);
}

// Nothing is dropped at p = 0 and the scale is 1: the input itself.
OpFoldResult DropoutOp::fold(FoldAdaptor) {
  if (getP().isZero()) return getInput();
  return {};
}

// y = mask(key) * x / (1 - p): dx = mask(key) * g / (1 - p), the same op on
// the cotangent with the same key, so the mask is regenerated, not stored.
LogicalResult DropoutOp::buildVJP(OpBuilder &b, ValueRange gs, SmallVectorImpl<Value> &grads) {
  grads.push_back(DropoutOp::create(b, getLoc(), gs[0].getType(), gs[0], getRngState(),
                                    getPAttr(), getOpIdAttr()));
  grads.push_back(Value()); // the key is an integer tensor
  return success();
}

} // namespace dlc::dl
