//===- Elementwise.cpp - shape rules and VJPs of elementwise ops ----------===//
#include "ir/ops/Common.h"

using namespace mlir;

namespace dlc::dl {
using detail::inferred;
using detail::shapeOf;
using detail::tensorType;

//===----------------------------------------------------------------------===//
// Binary ops: numpy broadcasting; VJPs un-broadcast to each operand's shape.
//===----------------------------------------------------------------------===//

template <typename Adaptor>
static LogicalResult inferBroadcast(std::optional<Location> loc, Adaptor a,
                                    SmallVectorImpl<Type> &types) {
  return inferred(loc, shape::broadcast(shapeOf(a.getLhs()), shapeOf(a.getRhs())),
                  tensorType(a.getLhs()).getElementType(), types);
}

#define DL_BROADCAST_INFER(Op)                                                 \
  LogicalResult Op::inferReturnTypes(MLIRContext *, std::optional<Location> loc, \
                                     Adaptor a, SmallVectorImpl<Type> &types) { \
    return inferBroadcast(loc, a, types);                                      \
  }
DL_BROADCAST_INFER(AddOp)
DL_BROADCAST_INFER(SubOp)
DL_BROADCAST_INFER(MulOp)
DL_BROADCAST_INFER(DivOp)
#undef DL_BROADCAST_INFER

/// Appends the un-broadcast lhs and rhs cotangents.
static void pushBoth(OpBuilder &b, Location loc, Operation *op, Value dl, Value dr,
                     SmallVectorImpl<Value> &grads) {
  grads.push_back(dl ? unbroadcast(b, loc, dl, tensorType(op->getOperand(0))) : Value());
  grads.push_back(dr ? unbroadcast(b, loc, dr, tensorType(op->getOperand(1))) : Value());
}

// d(l + r) = (g, g)
LogicalResult AddOp::buildVJP(OpBuilder &b, ValueRange gs, SmallVectorImpl<Value> &grads) {
  pushBoth(b, getLoc(), *this, gs[0], gs[0], grads);
  return success();
}

// d(l - r) = (g, -g)
LogicalResult SubOp::buildVJP(OpBuilder &b, ValueRange gs, SmallVectorImpl<Value> &grads) {
  Value neg = NegOp::create(b, getLoc(), gs[0]);
  pushBoth(b, getLoc(), *this, gs[0], neg, grads);
  return success();
}

// d(l * r) = (g * r, g * l)
LogicalResult MulOp::buildVJP(OpBuilder &b, ValueRange gs, SmallVectorImpl<Value> &grads) {
  Location loc = getLoc();
  pushBoth(b, loc, *this, binary<MulOp>(b, loc, gs[0], getRhs()),
           binary<MulOp>(b, loc, gs[0], getLhs()), grads);
  return success();
}

// d(l / r) = (g / r, -g * y / r)
LogicalResult DivOp::buildVJP(OpBuilder &b, ValueRange gs, SmallVectorImpl<Value> &grads) {
  Location loc = getLoc();
  Value dl = binary<DivOp>(b, loc, gs[0], getRhs());
  Value dr = NegOp::create(b, loc, binary<MulOp>(b, loc, dl, getResult()));
  pushBoth(b, loc, *this, dl, dr, grads);
  return success();
}

//===----------------------------------------------------------------------===//
// Unary ops: same shape in and out.
//===----------------------------------------------------------------------===//

// d(-x) = -g
LogicalResult NegOp::buildVJP(OpBuilder &b, ValueRange gs, SmallVectorImpl<Value> &grads) {
  grads.push_back(NegOp::create(b, getLoc(), gs[0]));
  return success();
}

// d(e^x) = g * y
LogicalResult ExpOp::buildVJP(OpBuilder &b, ValueRange gs, SmallVectorImpl<Value> &grads) {
  grads.push_back(binary<MulOp>(b, getLoc(), gs[0], getResult()));
  return success();
}

// d(log x) = g / x
LogicalResult LogOp::buildVJP(OpBuilder &b, ValueRange gs, SmallVectorImpl<Value> &grads) {
  grads.push_back(binary<DivOp>(b, getLoc(), gs[0], getInput()));
  return success();
}

// d(tanh x) = g * (1 - y²)
LogicalResult TanhOp::buildVJP(OpBuilder &b, ValueRange gs, SmallVectorImpl<Value> &grads) {
  Location loc = getLoc();
  Value y2 = binary<MulOp>(b, loc, getResult(), getResult());
  Value d = binary<SubOp>(b, loc, scalarLike(b, loc, y2, 1.0), y2);
  grads.push_back(binary<MulOp>(b, loc, gs[0], d));
  return success();
}

// d(σ(x)) = g * y * (1 - y)
LogicalResult SigmoidOp::buildVJP(OpBuilder &b, ValueRange gs, SmallVectorImpl<Value> &grads) {
  Location loc = getLoc();
  Value oneMinusY = binary<SubOp>(b, loc, scalarLike(b, loc, getResult(), 1.0), getResult());
  Value d = binary<MulOp>(b, loc, getResult(), oneMinusY);
  grads.push_back(binary<MulOp>(b, loc, gs[0], d));
  return success();
}

// d(relu x) = g * sign(y): 1 where x > 0, else 0 (0 at x = 0, as PyTorch).
LogicalResult ReluOp::buildVJP(OpBuilder &b, ValueRange gs, SmallVectorImpl<Value> &grads) {
  Location loc = getLoc();
  grads.push_back(binary<MulOp>(b, loc, gs[0], SignOp::create(b, loc, getResult())));
  return success();
}

// sign is piecewise constant: no gradient flows through it.
LogicalResult SignOp::buildVJP(OpBuilder &, ValueRange, SmallVectorImpl<Value> &grads) {
  grads.push_back(Value());
  return success();
}

} // namespace dlc::dl
