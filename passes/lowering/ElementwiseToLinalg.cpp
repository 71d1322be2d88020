//===- ElementwiseToLinalg.cpp - elementwise dl ops → linalg.generic ------===//
#include "passes/lowering/ElementwiseGeneric.h"
#include "passes/lowering/LinalgBuilders.h"
#include "passes/lowering/PopulatePatterns.h"

#include "ir/DLOps.h"

#include "mlir/Dialect/Math/IR/Math.h"

using namespace mlir;

namespace dlc::lowering {

template <> Value scalar<dl::AddOp>(OpBuilder &b, Location loc, ValueRange a) {
  return arith::AddFOp::create(b, loc, a[0], a[1]);
}
template <> Value scalar<dl::SubOp>(OpBuilder &b, Location loc, ValueRange a) {
  return arith::SubFOp::create(b, loc, a[0], a[1]);
}
template <> Value scalar<dl::MulOp>(OpBuilder &b, Location loc, ValueRange a) {
  return arith::MulFOp::create(b, loc, a[0], a[1]);
}
template <> Value scalar<dl::DivOp>(OpBuilder &b, Location loc, ValueRange a) {
  return arith::DivFOp::create(b, loc, a[0], a[1]);
}
template <> Value scalar<dl::NegOp>(OpBuilder &b, Location loc, ValueRange a) {
  return arith::NegFOp::create(b, loc, a[0]);
}
template <> Value scalar<dl::ExpOp>(OpBuilder &b, Location loc, ValueRange a) {
  return math::ExpOp::create(b, loc, a[0]);
}
template <> Value scalar<dl::LogOp>(OpBuilder &b, Location loc, ValueRange a) {
  return math::LogOp::create(b, loc, a[0]);
}
template <> Value scalar<dl::TanhOp>(OpBuilder &b, Location loc, ValueRange a) {
  return math::TanhOp::create(b, loc, a[0]);
}
// σ(x) = 1 / (1 + e^-x)
template <> Value scalar<dl::SigmoidOp>(OpBuilder &b, Location loc, ValueRange a) {
  Value one = floatLike(b, loc, a[0], 1.0);
  Value e = math::ExpOp::create(b, loc, arith::NegFOp::create(b, loc, a[0]));
  return arith::DivFOp::create(b, loc, one, arith::AddFOp::create(b, loc, one, e));
}
template <> Value scalar<dl::ReluOp>(OpBuilder &b, Location loc, ValueRange a) {
  return arith::MaxNumFOp::create(b, loc, a[0], floatLike(b, loc, a[0], 0.0));
}
// sign(x) = (x > 0) - (x < 0): 0 at 0.
template <> Value scalar<dl::SignOp>(OpBuilder &b, Location loc, ValueRange a) {
  Value zero = floatLike(b, loc, a[0], 0.0);
  Value pos = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OGT, a[0], zero);
  Value neg = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLT, a[0], zero);
  Value p = arith::UIToFPOp::create(b, loc, a[0].getType(), pos);
  Value n = arith::UIToFPOp::create(b, loc, a[0].getType(), neg);
  return arith::SubFOp::create(b, loc, p, n);
}

void populateElementwiseToLinalg(RewritePatternSet &patterns) {
  patterns.add<ElementwiseToGeneric<dl::AddOp>, ElementwiseToGeneric<dl::SubOp>,
               ElementwiseToGeneric<dl::MulOp>, ElementwiseToGeneric<dl::DivOp>,
               ElementwiseToGeneric<dl::NegOp>, ElementwiseToGeneric<dl::ExpOp>,
               ElementwiseToGeneric<dl::LogOp>, ElementwiseToGeneric<dl::TanhOp>,
               ElementwiseToGeneric<dl::SigmoidOp>, ElementwiseToGeneric<dl::ReluOp>,
               ElementwiseToGeneric<dl::SignOp>>(patterns.getContext());
}

} // namespace dlc::lowering
