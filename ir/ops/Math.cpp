//===- Math.cpp - shape rules and VJPs of the Math family -----------------===//
#include "ir/ops/MathOps.h"

#include "ir/OpFamilies.h"
#include "ir/ops/Common.h"
#include "ir/shape/Math.h"

#include "mlir/IR/TypeUtilities.h"

#include <cmath>

#define GET_OP_CLASSES
#include "ir/ops/MathOps.cpp.inc"

using namespace mlir;

namespace dlc::dl {
using detail::inferred;
using detail::shapeOf;
using detail::tensorType;

void registerMathOps(DLDialect &dialect) {
  dialect.addFamily<
#define GET_OP_LIST
#include "ir/ops/MathOps.cpp.inc"
      >();
}

static bool isFloatTensor(Value v) { return isa<FloatType>(getElementTypeOrSelf(v.getType())); }

//===----------------------------------------------------------------------===//
// Small builders for the VJPs below: the comparisons and `where` infer their
// result types, so they are created without one.
//===----------------------------------------------------------------------===//

static Value mul(OpBuilder &b, Location loc, Value x, Value y) {
  return binary<MulOp>(b, loc, x, y);
}
static Value add(OpBuilder &b, Location loc, Value x, Value y) {
  return binary<AddOp>(b, loc, x, y);
}
/// x * c for a constant c of x's element type.
static Value scaled(OpBuilder &b, Location loc, Value x, double c) {
  return mul(b, loc, x, scalarLike(b, loc, x, c));
}
/// cond ? a : b, broadcasting all three.
static Value select(OpBuilder &b, Location loc, Value cond, Value x, Value y) {
  return WhereOp::create(b, loc, cond, x, y);
}
/// cond ? 0 : x
static Value zeroWhere(OpBuilder &b, Location loc, Value cond, Value x) {
  return select(b, loc, cond, scalarLike(b, loc, x, 0.0), x);
}
/// x <cmp> c for a constant c of x's element type.
template <typename CmpOp>
static Value compareWith(OpBuilder &b, Location loc, Value x, double c) {
  return CmpOp::create(b, loc, x, scalarLike(b, loc, x, c));
}

//===----------------------------------------------------------------------===//
// Unary float functions
//===----------------------------------------------------------------------===//

// d|x| = g * sign(x)
LogicalResult AbsOp::buildVJP(OpBuilder &b, ValueRange gs, SmallVectorImpl<Value> &grads) {
  Location loc = getLoc();
  grads.push_back(binary<MulOp>(b, loc, gs[0], SignOp::create(b, loc, getInput())));
  return success();
}

// d sqrt(x) = g / (2y): +inf at x = 0, as PyTorch's.
LogicalResult SqrtOp::buildVJP(OpBuilder &b, ValueRange gs, SmallVectorImpl<Value> &grads) {
  Location loc = getLoc();
  grads.push_back(binary<DivOp>(b, loc, gs[0], scaled(b, loc, getResult(), 2.0)));
  return success();
}

// d x^(-1/2) = -x^(-3/2) / 2 = -y³ / 2
LogicalResult RsqrtOp::buildVJP(OpBuilder &b, ValueRange gs, SmallVectorImpl<Value> &grads) {
  Location loc = getLoc();
  Value y = getResult();
  Value y3 = mul(b, loc, y, mul(b, loc, y, y));
  grads.push_back(mul(b, loc, gs[0], scaled(b, loc, y3, -0.5)));
  return success();
}

// d erf(x) = 2/√π · exp(-x²)
LogicalResult ErfOp::buildVJP(OpBuilder &b, ValueRange gs, SmallVectorImpl<Value> &grads) {
  Location loc = getLoc();
  Value x = getInput();
  Value e = ExpOp::create(b, loc, NegOp::create(b, loc, mul(b, loc, x, x)));
  grads.push_back(mul(b, loc, gs[0], scaled(b, loc, e, 2.0 / std::sqrt(M_PI))));
  return success();
}

LogicalResult SoftplusOp::verify() {
  return detail::check(*this, shape::checkSoftplusBeta(getBeta().convertToDouble()));
}

// d softplus = sigmoid(βx), and exactly 1 where βx > threshold (where the
// forward is x itself), as PyTorch's softplus_backward.
LogicalResult SoftplusOp::buildVJP(OpBuilder &b, ValueRange gs, SmallVectorImpl<Value> &grads) {
  Location loc = getLoc();
  Value bx = scaled(b, loc, getInput(), getBeta().convertToDouble());
  Value linear = compareWith<GtOp>(b, loc, bx, getThreshold().convertToDouble());
  Value smooth = mul(b, loc, gs[0], SigmoidOp::create(b, loc, bx));
  grads.push_back(select(b, loc, linear, gs[0], smooth));
  return success();
}

// d leaky_relu = 1 for x > 0, else the slope (at 0 too, as PyTorch's).
LogicalResult LeakyReluOp::buildVJP(OpBuilder &b, ValueRange gs, SmallVectorImpl<Value> &grads) {
  Location loc = getLoc();
  Value positive = compareWith<GtOp>(b, loc, getInput(), 0.0);
  Value sloped = scaled(b, loc, gs[0], getNegativeSlope().convertToDouble());
  grads.push_back(select(b, loc, positive, gs[0], sloped));
  return success();
}

LogicalResult GeluOp::verify() {
  return detail::check(*this, shape::checkGeluApproximate(getApproximate()));
}

// "none": d[x Φ(x)] = Φ(x) + x φ(x), Φ(x) = (1 + erf(x/√2))/2, φ(x) = e^(-x²/2)/√(2π).
// "tanh": with u = k(x + c x³), x/2 (1 + tanh u) = x s for s = σ(2u), so
//   d = s + 2k x s (1 - s)(1 + 3c x²)
// (PyTorch's formula, without the cancellation in 1 + tanh u for x << 0).
LogicalResult GeluOp::buildVJP(OpBuilder &b, ValueRange gs, SmallVectorImpl<Value> &grads) {
  Location loc = getLoc();
  Value x = getInput();
  Value x2 = mul(b, loc, x, x);
  Value one = scalarLike(b, loc, x, 1.0);
  Value d;
  if (getApproximate() == "tanh") {
    const double k = std::sqrt(2.0 / M_PI), c = 0.044715;
    Value inner = add(b, loc, x, scaled(b, loc, mul(b, loc, x2, x), c));
    Value s = SigmoidOp::create(b, loc, scaled(b, loc, inner, 2.0 * k));
    Value ds = mul(b, loc, s, binary<SubOp>(b, loc, one, s));
    Value slope = add(b, loc, one, scaled(b, loc, x2, 3.0 * c));
    d = add(b, loc, s, mul(b, loc, scaled(b, loc, x, 2.0 * k), mul(b, loc, ds, slope)));
  } else {
    Value cdf = scaled(b, loc, add(b, loc, one, ErfOp::create(b, loc, scaled(b, loc, x, M_SQRT1_2))),
                       0.5);
    Value pdf = scaled(b, loc, ExpOp::create(b, loc, scaled(b, loc, x2, -0.5)),
                       1.0 / std::sqrt(2.0 * M_PI));
    d = add(b, loc, cdf, mul(b, loc, x, pdf));
  }
  grads.push_back(mul(b, loc, gs[0], d));
  return success();
}

//===----------------------------------------------------------------------===//
// Powers, extrema, clamping
//===----------------------------------------------------------------------===//

#define DL_BROADCAST_INFER(Op, element)                                        \
  LogicalResult Op::inferReturnTypes(MLIRContext *ctx, std::optional<Location> loc, \
                                     Adaptor a, SmallVectorImpl<Type> &types) { \
    (void)ctx;                                                                 \
    return inferred(loc, shape::broadcast(shapeOf(a.getLhs()), shapeOf(a.getRhs())), \
                    element, types);                                           \
  }
DL_BROADCAST_INFER(PowOp, tensorType(a.getLhs()).getElementType())
DL_BROADCAST_INFER(MaximumOp, tensorType(a.getLhs()).getElementType())
DL_BROADCAST_INFER(MinimumOp, tensorType(a.getLhs()).getElementType())
DL_BROADCAST_INFER(EqOp, IntegerType::get(ctx, 1))
DL_BROADCAST_INFER(NeOp, IntegerType::get(ctx, 1))
DL_BROADCAST_INFER(LtOp, IntegerType::get(ctx, 1))
DL_BROADCAST_INFER(LeOp, IntegerType::get(ctx, 1))
DL_BROADCAST_INFER(GtOp, IntegerType::get(ctx, 1))
DL_BROADCAST_INFER(GeOp, IntegerType::get(ctx, 1))
DL_BROADCAST_INFER(LogicalAndOp, IntegerType::get(ctx, 1))
DL_BROADCAST_INFER(LogicalOrOp, IntegerType::get(ctx, 1))
#undef DL_BROADCAST_INFER

/// Appends the un-broadcast cotangents of a binary op's two operands.
static void pushBoth(OpBuilder &b, Location loc, Operation *op, Value dl, Value dr,
                     SmallVectorImpl<Value> &grads) {
  grads.push_back(dl ? unbroadcast(b, loc, dl, tensorType(op->getOperand(0))) : Value());
  grads.push_back(dr ? unbroadcast(b, loc, dr, tensorType(op->getOperand(1))) : Value());
}

// y = b^e. PyTorch's pow_backward_self / pow_backward_exponent:
//   db = e == 0 ? 0 : g e b^(e-1)   (no 0 · inf at b = 0)
//   de = (b == 0 && e >= 0) ? 0 : g y log(b)   (no 0 · -inf at b = 0)
LogicalResult PowOp::buildVJP(OpBuilder &b, ValueRange gs, SmallVectorImpl<Value> &grads) {
  Location loc = getLoc();
  Value base = getLhs(), e = getRhs(), g = gs[0];
  Value eMinus1 = binary<SubOp>(b, loc, e, scalarLike(b, loc, e, 1.0));
  Value db = mul(b, loc, g, mul(b, loc, e, PowOp::create(b, loc, base, eMinus1)));
  db = zeroWhere(b, loc, compareWith<EqOp>(b, loc, e, 0.0), db);
  Value de = mul(b, loc, g, mul(b, loc, getResult(), LogOp::create(b, loc, base)));
  Value zeroBase = LogicalAndOp::create(b, loc, compareWith<EqOp>(b, loc, base, 0.0),
                                        compareWith<GeOp>(b, loc, e, 0.0));
  de = zeroWhere(b, loc, zeroBase, de);
  pushBoth(b, loc, *this, db, de, grads);
  return success();
}

// d x^e = e x^(e-1); nothing flows for e = 0 (x^0 is constant), as PyTorch.
LogicalResult PowScalarOp::buildVJP(OpBuilder &b, ValueRange gs, SmallVectorImpl<Value> &grads) {
  Location loc = getLoc();
  double e = getExponent().convertToDouble();
  if (e == 0.0) {
    grads.push_back(Value());
    return success();
  }
  Value power = e == 2.0 ? getInput()
                         : Value(PowScalarOp::create(b, loc, getInput(), b.getF64FloatAttr(e - 1)));
  grads.push_back(mul(b, loc, gs[0], scaled(b, loc, power, e)));
  return success();
}

/// The cotangents of max/min(l, r) as PyTorch's: all to the operand the
/// result came from, half each on a tie (`lhsLoses`: l < r for maximum).
static void extremumVJP(OpBuilder &b, Location loc, Operation *op, Value g, Value lhsLoses,
                        Value rhsLoses, SmallVectorImpl<Value> &grads) {
  Value l = op->getOperand(0), r = op->getOperand(1);
  Value split = select(b, loc, EqOp::create(b, loc, l, r), scaled(b, loc, g, 0.5), g);
  pushBoth(b, loc, op, zeroWhere(b, loc, lhsLoses, split), zeroWhere(b, loc, rhsLoses, split),
           grads);
}

LogicalResult MaximumOp::buildVJP(OpBuilder &b, ValueRange gs, SmallVectorImpl<Value> &grads) {
  Location loc = getLoc();
  extremumVJP(b, loc, *this, gs[0], LtOp::create(b, loc, getLhs(), getRhs()),
              LtOp::create(b, loc, getRhs(), getLhs()), grads);
  return success();
}

LogicalResult MinimumOp::buildVJP(OpBuilder &b, ValueRange gs, SmallVectorImpl<Value> &grads) {
  Location loc = getLoc();
  extremumVJP(b, loc, *this, gs[0], GtOp::create(b, loc, getLhs(), getRhs()),
              GtOp::create(b, loc, getRhs(), getLhs()), grads);
  return success();
}

LogicalResult ClampOp::verify() {
  return detail::check(*this, shape::checkClampBounds(getMin().has_value(), getMax().has_value()));
}

// g where min <= x <= max (inclusive), else 0, as PyTorch's clamp_backward.
LogicalResult ClampOp::buildVJP(OpBuilder &b, ValueRange gs, SmallVectorImpl<Value> &grads) {
  Location loc = getLoc();
  Value x = getInput(), inside;
  if (std::optional<APFloat> lo = getMin())
    inside = compareWith<GeOp>(b, loc, x, lo->convertToDouble());
  if (std::optional<APFloat> hi = getMax()) {
    Value below = compareWith<LeOp>(b, loc, x, hi->convertToDouble());
    inside = inside ? Value(LogicalAndOp::create(b, loc, inside, below)) : below;
  }
  grads.push_back(select(b, loc, inside, gs[0], scalarLike(b, loc, gs[0], 0.0)));
  return success();
}

//===----------------------------------------------------------------------===//
// Selection and conversion
//===----------------------------------------------------------------------===//

LogicalResult WhereOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc, Adaptor a,
                                        SmallVectorImpl<Type> &types) {
  return inferred(loc,
                  shape::where(shapeOf(a.getCondition()), shapeOf(a.getInput()),
                               shapeOf(a.getOther())),
                  tensorType(a.getInput()).getElementType(), types);
}

// d input = cond ? g : 0, d other = cond ? 0 : g, each un-broadcast; the
// condition gets none (nor do integer values).
LogicalResult WhereOp::buildVJP(OpBuilder &b, ValueRange gs, SmallVectorImpl<Value> &grads) {
  Location loc = getLoc();
  grads.push_back(Value());
  if (!isFloatTensor(getInput())) {
    grads.append({Value(), Value()});
    return success();
  }
  Value g = gs[0], zero = scalarLike(b, loc, g, 0.0);
  grads.push_back(unbroadcast(b, loc, select(b, loc, getCondition(), g, zero),
                              tensorType(getInput())));
  grads.push_back(unbroadcast(b, loc, select(b, loc, getCondition(), zero, g),
                              tensorType(getOther())));
  return success();
}

OpFoldResult CastOp::fold(FoldAdaptor) {
  if (getInput().getType() == getType()) return getInput();
  return {};
}

// Between float types the cotangent is cast back; to or from an integer
// type nothing flows (the result is piecewise constant or not a real).
LogicalResult CastOp::buildVJP(OpBuilder &b, ValueRange gs, SmallVectorImpl<Value> &grads) {
  if (!isFloatTensor(getInput()) || !isFloatTensor(getResult()) || !gs[0]) {
    grads.push_back(Value());
    return success();
  }
  grads.push_back(CastOp::create(b, getLoc(), getInput().getType(), gs[0]));
  return success();
}

} // namespace dlc::dl
