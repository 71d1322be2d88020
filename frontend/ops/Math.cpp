//===- Math.cpp - the DSL's elementwise math, comparisons and casts -------===//
#include "frontend/ops/Math.h"

#include "frontend/Ops.h"
#include "frontend/ops/OpSupport.h"
#include "ir/ops/MathOps.h"
#include "ir/shape/Math.h"

namespace dlc {
using namespace detail;
using namespace mlir;

namespace {

/// The element types a dl tensor holds (dl's DL_AnyTensor; not i8).
void requireDlType(const Tensor &t, const Site &site, const char *op) {
  if (t.dtype() == rt::DType::I8)
    site.fail(op, "expects f32, f64, bf16, i1, i32 or i64 tensors, got " + t.typeString());
}

void requireBool(const Tensor &t, const Site &site, const char *op) {
  if (t.dtype() != rt::DType::I1) site.fail(op, "expects i1 tensors, got " + t.typeString());
}

/// A float unary op with attributes.
template <typename OpTy, typename... Attrs>
Tensor unaryWith(const Tensor &x, const Site &site, const char *op, Attrs... attrs) {
  Graph &g = graphOf(x, site, op);
  requireFloat(x, site, op);
  return Tensor(&g, OpTy::create(g.builder(), g.location(site), x.value(), attrs...));
}

/// A broadcasting comparison or logical op → i1.
template <typename OpTy>
Tensor toBool(const Tensor &a, const Tensor &b, const Site &site, const char *op) {
  Graph &g = graphOf(a, site, op);
  graphOf(b, site, op);
  requireDlType(a, site, op);
  requireSameType(a, b, site, op);
  auto type = checked(shape::broadcast(a.shape(), b.shape()), site, op,
                      g.builder().getI1Type());
  return Tensor(&g, OpTy::create(g.builder(), g.location(site), type, a.value(), b.value()));
}

template <typename OpTy>
Tensor logical(const Tensor &a, const Tensor &b, const Site &site, const char *op) {
  graphOf(a, site, op);
  requireBool(a, site, op);
  requireBool(b, site, op);
  return toBool<OpTy>(a, b, site, op);
}

} // namespace

Tensor abs(const Tensor &x, Site s) { return unary<dl::AbsOp>(x, s, "abs"); }
Tensor sqrt(const Tensor &x, Site s) { return unary<dl::SqrtOp>(x, s, "sqrt"); }
Tensor rsqrt(const Tensor &x, Site s) { return unary<dl::RsqrtOp>(x, s, "rsqrt"); }
Tensor erf(const Tensor &x, Site s) { return unary<dl::ErfOp>(x, s, "erf"); }

Tensor softplus(const Tensor &x, double beta, double threshold, Site s) {
  if (std::string e = shape::checkSoftplusBeta(beta); !e.empty()) s.fail("softplus", e);
  Graph &g = graphOf(x, s, "softplus");
  OpBuilder &b = g.builder();
  return unaryWith<dl::SoftplusOp>(x, s, "softplus", b.getF64FloatAttr(beta),
                                   b.getF64FloatAttr(threshold));
}

Tensor leakyRelu(const Tensor &x, double negativeSlope, Site s) {
  Graph &g = graphOf(x, s, "leaky_relu");
  return unaryWith<dl::LeakyReluOp>(x, s, "leaky_relu",
                                    g.builder().getF64FloatAttr(negativeSlope));
}

Tensor gelu(const Tensor &x, GeluApproximate approximate, Site s) {
  Graph &g = graphOf(x, s, "gelu");
  const char *name = approximate == GeluApproximate::Tanh ? "tanh" : "none";
  return unaryWith<dl::GeluOp>(x, s, "gelu", g.builder().getStringAttr(name));
}

Tensor pow(const Tensor &base, const Tensor &exponent, Site s) {
  return binary<dl::PowOp>(base, exponent, s, "pow");
}

Tensor pow(const Tensor &x, double exponent, Site s) {
  Graph &g = graphOf(x, s, "pow");
  return unaryWith<dl::PowScalarOp>(x, s, "pow", g.builder().getF64FloatAttr(exponent));
}

Tensor maximum(const Tensor &a, const Tensor &b, Site s) {
  return binary<dl::MaximumOp>(a, b, s, "maximum");
}
Tensor minimum(const Tensor &a, const Tensor &b, Site s) {
  return binary<dl::MinimumOp>(a, b, s, "minimum");
}

Tensor clamp(const Tensor &x, std::optional<double> min, std::optional<double> max, Site s) {
  Graph &g = graphOf(x, s, "clamp");
  if (std::string e = shape::checkClampBounds(min.has_value(), max.has_value()); !e.empty())
    s.fail("clamp", e);
  OpBuilder &b = g.builder();
  FloatAttr lo = min ? b.getF64FloatAttr(*min) : FloatAttr();
  FloatAttr hi = max ? b.getF64FloatAttr(*max) : FloatAttr();
  return unaryWith<dl::ClampOp>(x, s, "clamp", lo, hi);
}

Tensor eq(const Tensor &a, const Tensor &b, Site s) { return toBool<dl::EqOp>(a, b, s, "eq"); }
Tensor ne(const Tensor &a, const Tensor &b, Site s) { return toBool<dl::NeOp>(a, b, s, "ne"); }
Tensor lt(const Tensor &a, const Tensor &b, Site s) { return toBool<dl::LtOp>(a, b, s, "lt"); }
Tensor le(const Tensor &a, const Tensor &b, Site s) { return toBool<dl::LeOp>(a, b, s, "le"); }
Tensor gt(const Tensor &a, const Tensor &b, Site s) { return toBool<dl::GtOp>(a, b, s, "gt"); }
Tensor ge(const Tensor &a, const Tensor &b, Site s) { return toBool<dl::GeOp>(a, b, s, "ge"); }

Tensor logicalAnd(const Tensor &a, const Tensor &b, Site s) {
  return logical<dl::LogicalAndOp>(a, b, s, "logical_and");
}
Tensor logicalOr(const Tensor &a, const Tensor &b, Site s) {
  return logical<dl::LogicalOrOp>(a, b, s, "logical_or");
}
Tensor logicalNot(const Tensor &x, Site s) {
  Graph &g = graphOf(x, s, "logical_not");
  requireBool(x, s, "logical_not");
  return Tensor(&g, dl::LogicalNotOp::create(g.builder(), g.location(s), x.value()));
}

Tensor where(const Tensor &condition, const Tensor &input, const Tensor &other, Site s) {
  Graph &g = graphOf(condition, s, "where");
  graphOf(input, s, "where");
  graphOf(other, s, "where");
  if (condition.dtype() != rt::DType::I1)
    s.fail("where", "condition must be i1, got " + condition.typeString());
  requireDlType(input, s, "where");
  requireSameType(input, other, s, "where");
  auto type = checked(shape::where(condition.shape(), input.shape(), other.shape()), s, "where",
                      elementOf(input));
  return Tensor(&g, dl::WhereOp::create(g.builder(), g.location(s), type, condition.value(),
                                        input.value(), other.value()));
}

Tensor cast(const Tensor &x, rt::DType dtype, Site s) {
  Graph &g = graphOf(x, s, "cast");
  requireDlType(x, s, "cast");
  if (dtype == rt::DType::I8)
    s.fail("cast", std::string("cannot cast to ") + rt::name(dtype) +
                       " (dl tensors are f32, f64, bf16, i1, i32 or i64)");
  MLIRContext *ctx = &g.context();
  Type element;
  switch (dtype) {
  case rt::DType::F32: element = Float32Type::get(ctx); break;
  case rt::DType::F64: element = Float64Type::get(ctx); break;
  case rt::DType::BF16: element = BFloat16Type::get(ctx); break;
  case rt::DType::I1: element = IntegerType::get(ctx, 1); break;
  case rt::DType::I32: element = IntegerType::get(ctx, 32); break;
  default: element = IntegerType::get(ctx, 64); break;
  }
  auto type = RankedTensorType::get(x.shape(), element);
  return Tensor(&g, dl::CastOp::create(g.builder(), g.location(s), type, x.value()));
}

} // namespace dlc
