//===- MathToLinalg.cpp - the Math family → linalg.generic ----------------===//
//
// Every op of the family is elementwise: one linalg.generic whose body is
// the scalar computation below. bf16 math is computed in f32 and rounded
// once, and f32 → bf16 rounding is spelled out in integer ops so it needs
// neither AVX512-BF16 nor a compiler-rt helper (__truncsfbf2) in the JIT.
//
//===----------------------------------------------------------------------===//
#include "passes/lowering/ElementwiseGeneric.h"
#include "passes/lowering/PopulatePatterns.h"

#include "ir/ops/MathOps.h"

#include "mlir/Dialect/Math/IR/Math.h"

#include <cmath>

using namespace mlir;

namespace dlc::lowering {
namespace {

Value constantLike(OpBuilder &b, Location loc, Value like, double v) {
  return floatLike(b, loc, like, v);
}
Value mulf(OpBuilder &b, Location loc, Value x, Value y) {
  return arith::MulFOp::create(b, loc, x, y);
}
Value addf(OpBuilder &b, Location loc, Value x, Value y) {
  return arith::AddFOp::create(b, loc, x, y);
}
Value scaled(OpBuilder &b, Location loc, Value x, double c) {
  return mulf(b, loc, x, constantLike(b, loc, x, c));
}

/// f32 → bf16, rounding to nearest even; a NaN stays a (quiet) NaN. The
/// same rounding as rt::BF16 and PyTorch's c10::BFloat16.
Value roundToBF16(OpBuilder &b, Location loc, Value x) {
  Type i32 = b.getI32Type(), i16 = b.getIntegerType(16);
  auto c = [&](int64_t v) { return arith::ConstantIntOp::create(b, loc, i32, v); };
  Value bits = arith::BitcastOp::create(b, loc, i32, x);
  Value lsb = arith::AndIOp::create(b, loc, arith::ShRUIOp::create(b, loc, bits, c(16)), c(1));
  Value rounded = arith::AddIOp::create(b, loc, bits,
                                        arith::AddIOp::create(b, loc, c(0x7FFF), lsb));
  Value nan = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNO, x, x);
  Value quiet = arith::OrIOp::create(b, loc, bits, c(0x400000));
  Value pick = arith::SelectOp::create(b, loc, nan, quiet, rounded);
  Value high = arith::TruncIOp::create(b, loc, i16,
                                       arith::ShRUIOp::create(b, loc, pick, c(16)));
  return arith::BitcastOp::create(b, loc, b.getBF16Type(), high);
}

/// Runs `fn` on f32 operands when they are bf16 (LLVM and the math
/// approximations have no bf16 transcendentals), rounding the result once.
template <typename Fn>
Value viaF32IfBF16(OpBuilder &b, Location loc, ValueRange a, Fn fn) {
  if (!a[0].getType().isBF16()) return fn(a);
  SmallVector<Value> wide;
  for (Value v : a) wide.push_back(arith::ExtFOp::create(b, loc, b.getF32Type(), v));
  return roundToBF16(b, loc, fn(ValueRange(wide)));
}

/// log(1 + u) accurate for tiny u (Kahan's trick: w = 1 + u rounds, and
/// log(w)·u/(w-1) cancels that rounding). math.log1p would do for f32
/// (dl-approximate-math), but convert-math-to-llvm turns an f64 log1p into
/// log(1 + u) before convert-math-to-libm sees it: softplus(-100) would be 0.
Value log1p(OpBuilder &b, Location loc, Value u) {
  Value w = addf(b, loc, constantLike(b, loc, u, 1.0), u);
  Value exact = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OEQ, w,
                                      constantLike(b, loc, u, 1.0));
  Value inf = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OEQ, w,
                                    constantLike(b, loc, u, INFINITY));
  Value ratio = arith::DivFOp::create(b, loc, u, arith::SubFOp::create(
                                                     b, loc, w, constantLike(b, loc, u, 1.0)));
  Value l = mulf(b, loc, math::LogOp::create(b, loc, w), ratio);
  return arith::SelectOp::create(b, loc, exact, u, arith::SelectOp::create(b, loc, inf, w, l));
}

} // namespace

template <> Value scalar<dl::AbsOp>(OpBuilder &b, Location loc, ValueRange a) {
  return math::AbsFOp::create(b, loc, a[0]);
}

template <> Value scalar<dl::SqrtOp>(OpBuilder &b, Location loc, ValueRange a) {
  return viaF32IfBF16(b, loc, a, [&](ValueRange v) -> Value {
    return math::SqrtOp::create(b, loc, v[0]);
  });
}

// 1 / sqrt(x), correctly rounded twice as PyTorch's CPU kernel (not the
// approximate rsqrt instruction).
template <> Value scalar<dl::RsqrtOp>(OpBuilder &b, Location loc, ValueRange a) {
  return viaF32IfBF16(b, loc, a, [&](ValueRange v) -> Value {
    return arith::DivFOp::create(b, loc, constantLike(b, loc, v[0], 1.0),
                                 math::SqrtOp::create(b, loc, v[0]));
  });
}

template <> Value scalar<dl::ErfOp>(OpBuilder &b, Location loc, ValueRange a) {
  return viaF32IfBF16(b, loc, a, [&](ValueRange v) -> Value {
    return math::ErfOp::create(b, loc, v[0]);
  });
}

// βx > threshold ? x : log1p(exp(βx)) / β
template <>
Value scalarOf<dl::SoftplusOp>(dl::SoftplusOp op, OpBuilder &b, Location loc, ValueRange a) {
  double beta = op.getBeta().convertToDouble(), threshold = op.getThreshold().convertToDouble();
  return viaF32IfBF16(b, loc, a, [&](ValueRange v) -> Value {
    Value x = v[0], bx = scaled(b, loc, x, beta);
    Value linear = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OGT, bx,
                                         constantLike(b, loc, x, threshold));
    Value smooth = arith::DivFOp::create(b, loc, log1p(b, loc, math::ExpOp::create(b, loc, bx)),
                                         constantLike(b, loc, x, beta));
    return arith::SelectOp::create(b, loc, linear, x, smooth);
  });
}

// x > 0 ? x : slope · x
template <>
Value scalarOf<dl::LeakyReluOp>(dl::LeakyReluOp op, OpBuilder &b, Location loc, ValueRange a) {
  double slope = op.getNegativeSlope().convertToDouble();
  return viaF32IfBF16(b, loc, a, [&](ValueRange v) -> Value {
    Value x = v[0];
    Value positive = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OGT, x,
                                           constantLike(b, loc, x, 0.0));
    return arith::SelectOp::create(b, loc, positive, x, scaled(b, loc, x, slope));
  });
}

// x/2 · (1 + erf(x/√2)), or x/2 · (1 + tanh u) with u = √(2/π)(x + 0.044715 x³),
// computed as x / (1 + exp(-2u)): the same function without the cancellation
// in 1 + tanh u, which made gelu(-5) exactly 0 instead of -5e-7.
template <> Value scalarOf<dl::GeluOp>(dl::GeluOp op, OpBuilder &b, Location loc, ValueRange a) {
  bool tanhForm = op.getApproximate() == "tanh";
  return viaF32IfBF16(b, loc, a, [&](ValueRange v) -> Value {
    Value x = v[0], one = constantLike(b, loc, x, 1.0);
    if (tanhForm) {
      Value x3 = mulf(b, loc, x, mulf(b, loc, x, x));
      Value minus2u = scaled(b, loc, addf(b, loc, x, scaled(b, loc, x3, 0.044715)),
                             -2.0 * std::sqrt(2.0 / M_PI));
      return arith::DivFOp::create(b, loc, x,
                                   addf(b, loc, one, math::ExpOp::create(b, loc, minus2u)));
    }
    Value e = math::ErfOp::create(b, loc, scaled(b, loc, x, M_SQRT1_2));
    return mulf(b, loc, scaled(b, loc, x, 0.5), addf(b, loc, one, e));
  });
}

template <> Value scalar<dl::PowOp>(OpBuilder &b, Location loc, ValueRange a) {
  return viaF32IfBF16(b, loc, a, [&](ValueRange v) -> Value {
    return math::PowFOp::create(b, loc, v[0], v[1]);
  });
}

// The exponents PyTorch's CPU kernel special-cases (so results agree
// bit for bit there), else powf.
template <>
Value scalarOf<dl::PowScalarOp>(dl::PowScalarOp op, OpBuilder &b, Location loc, ValueRange a) {
  double e = op.getExponent().convertToDouble();
  return viaF32IfBF16(b, loc, a, [&](ValueRange v) -> Value {
    Value x = v[0];
    auto recip = [&](Value y) -> Value {
      return arith::DivFOp::create(b, loc, constantLike(b, loc, y, 1.0), y);
    };
    if (e == 1.0) return x;
    if (e == 2.0) return mulf(b, loc, x, x);
    if (e == 3.0) return mulf(b, loc, mulf(b, loc, x, x), x);
    if (e == 0.5) return math::SqrtOp::create(b, loc, x);
    if (e == -0.5) return recip(math::SqrtOp::create(b, loc, x));
    if (e == -1.0) return recip(x);
    if (e == -2.0) return recip(mulf(b, loc, x, x));
    return math::PowFOp::create(b, loc, x, constantLike(b, loc, x, e));
  });
}

// NaN-propagating, as PyTorch's maximum/minimum.
template <> Value scalar<dl::MaximumOp>(OpBuilder &b, Location loc, ValueRange a) {
  return arith::MaximumFOp::create(b, loc, a[0], a[1]);
}
template <> Value scalar<dl::MinimumOp>(OpBuilder &b, Location loc, ValueRange a) {
  return arith::MinimumFOp::create(b, loc, a[0], a[1]);
}

// min(max(x, lo), hi); a NaN stays NaN.
template <> Value scalarOf<dl::ClampOp>(dl::ClampOp op, OpBuilder &b, Location loc, ValueRange a) {
  Value y = a[0];
  if (std::optional<APFloat> lo = op.getMin())
    y = arith::MaximumFOp::create(b, loc, y, constantLike(b, loc, y, lo->convertToDouble()));
  if (std::optional<APFloat> hi = op.getMax())
    y = arith::MinimumFOp::create(b, loc, y, constantLike(b, loc, y, hi->convertToDouble()));
  return y;
}

namespace {
/// A comparison: IEEE ordered predicates for floats (unordered for `ne`, so
/// NaN != NaN), signed for integers, unsigned for i1 (false < true).
Value compare(OpBuilder &b, Location loc, ValueRange a, arith::CmpFPredicate f,
              arith::CmpIPredicate s, arith::CmpIPredicate u) {
  if (isa<FloatType>(a[0].getType())) return arith::CmpFOp::create(b, loc, f, a[0], a[1]);
  bool i1 = a[0].getType().isInteger(1);
  return arith::CmpIOp::create(b, loc, i1 ? u : s, a[0], a[1]);
}
} // namespace

#define DL_COMPARE(Op, F, S, U)                                                 \
  template <> Value scalar<dl::Op>(OpBuilder &b, Location loc, ValueRange a) {  \
    return compare(b, loc, a, arith::CmpFPredicate::F, arith::CmpIPredicate::S, \
                   arith::CmpIPredicate::U);                                    \
  }
DL_COMPARE(EqOp, OEQ, eq, eq)
DL_COMPARE(NeOp, UNE, ne, ne)
DL_COMPARE(LtOp, OLT, slt, ult)
DL_COMPARE(LeOp, OLE, sle, ule)
DL_COMPARE(GtOp, OGT, sgt, ugt)
DL_COMPARE(GeOp, OGE, sge, uge)
#undef DL_COMPARE

template <> Value scalar<dl::LogicalAndOp>(OpBuilder &b, Location loc, ValueRange a) {
  return arith::AndIOp::create(b, loc, a[0], a[1]);
}
template <> Value scalar<dl::LogicalOrOp>(OpBuilder &b, Location loc, ValueRange a) {
  return arith::OrIOp::create(b, loc, a[0], a[1]);
}
template <> Value scalar<dl::LogicalNotOp>(OpBuilder &b, Location loc, ValueRange a) {
  Value t = arith::ConstantIntOp::create(b, loc, b.getI1Type(), 1);
  return arith::XOrIOp::create(b, loc, a[0], t);
}

template <> Value scalar<dl::WhereOp>(OpBuilder &b, Location loc, ValueRange a) {
  return arith::SelectOp::create(b, loc, a[0], a[1], a[2]);
}

// PyTorch's conversions (see dl.cast). bf16 goes through f32 both ways.
template <> Value scalarOf<dl::CastOp>(dl::CastOp op, OpBuilder &b, Location loc, ValueRange a) {
  Value x = a[0];
  Type to = op.getResult().getType().getElementType();
  if (x.getType() == to) return x;
  if (x.getType().isBF16()) x = arith::ExtFOp::create(b, loc, b.getF32Type(), x);
  Type from = x.getType();
  if (to.isBF16()) {
    Value f32 = x;
    if (from.isF64()) f32 = arith::TruncFOp::create(b, loc, b.getF32Type(), x);
    else if (from.isInteger(1)) f32 = arith::UIToFPOp::create(b, loc, b.getF32Type(), x);
    else if (isa<IntegerType>(from)) f32 = arith::SIToFPOp::create(b, loc, b.getF32Type(), x);
    return roundToBF16(b, loc, f32);
  }
  if (from == to) return x; // bf16 → f32
  auto fromFloat = dyn_cast<FloatType>(from);
  auto toFloat = dyn_cast<FloatType>(to);
  if (to.isInteger(1)) {
    if (fromFloat)
      return arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNE, x,
                                   constantLike(b, loc, x, 0.0));
    Value zero = arith::ConstantIntOp::create(b, loc, from, 0);
    return arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne, x, zero);
  }
  if (fromFloat && toFloat) {
    if (fromFloat.getWidth() < toFloat.getWidth()) return arith::ExtFOp::create(b, loc, to, x);
    return arith::TruncFOp::create(b, loc, to, x);
  }
  if (fromFloat) return arith::FPToSIOp::create(b, loc, to, x); // toward zero
  if (from.isInteger(1)) {
    if (toFloat) return arith::UIToFPOp::create(b, loc, to, x);
    return arith::ExtUIOp::create(b, loc, to, x);
  }
  if (toFloat) return arith::SIToFPOp::create(b, loc, to, x);
  if (from.getIntOrFloatBitWidth() < to.getIntOrFloatBitWidth())
    return arith::ExtSIOp::create(b, loc, to, x);
  return arith::TruncIOp::create(b, loc, to, x);
}

void populateMathToLinalg(RewritePatternSet &patterns) {
  patterns.add<ElementwiseToGeneric<dl::AbsOp>, ElementwiseToGeneric<dl::SqrtOp>,
               ElementwiseToGeneric<dl::RsqrtOp>, ElementwiseToGeneric<dl::ErfOp>,
               ElementwiseToGeneric<dl::SoftplusOp>, ElementwiseToGeneric<dl::LeakyReluOp>,
               ElementwiseToGeneric<dl::GeluOp>, ElementwiseToGeneric<dl::PowOp>,
               ElementwiseToGeneric<dl::PowScalarOp>, ElementwiseToGeneric<dl::MaximumOp>,
               ElementwiseToGeneric<dl::MinimumOp>, ElementwiseToGeneric<dl::ClampOp>,
               ElementwiseToGeneric<dl::EqOp>, ElementwiseToGeneric<dl::NeOp>,
               ElementwiseToGeneric<dl::LtOp>, ElementwiseToGeneric<dl::LeOp>,
               ElementwiseToGeneric<dl::GtOp>, ElementwiseToGeneric<dl::GeOp>,
               ElementwiseToGeneric<dl::LogicalAndOp>, ElementwiseToGeneric<dl::LogicalOrOp>,
               ElementwiseToGeneric<dl::LogicalNotOp>, ElementwiseToGeneric<dl::WhereOp>,
               ElementwiseToGeneric<dl::CastOp>>(patterns.getContext());
}

} // namespace dlc::lowering
