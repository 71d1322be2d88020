//===- OpSupport.h - shared checks of the DSL's op functions ----*- C++ -*-===//
//
// Internal to frontend/: every op function (frontend/Ops.cpp and the
// per-family frontend/ops/<Family>.cpp) checks its operands with these, so a
// mistake is reported the same way everywhere: `site.fail(op, why)` throws
// dlc::Error naming the user's file:line and the op.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "frontend/Error.h"
#include "frontend/Graph.h"
#include "frontend/Tensor.h"
#include "ir/DLOps.h"
#include "ir/ShapeFunctions.h"

#include "mlir/IR/TypeUtilities.h"

namespace dlc::detail {

namespace shape = dl::shape;

/// The graph `t` belongs to, which must be the current one.
inline Graph &graphOf(const Tensor &t, const Site &site, const char *op) {
  if (!t) site.fail(op, "operand is an empty Tensor (not produced by tracing)");
  if (t.graph() != &Graph::current())
    site.fail(op, "operand belongs to another traced graph");
  return *t.graph();
}

inline bool isFloat(rt::DType d) {
  return d == rt::DType::F32 || d == rt::DType::F64 || d == rt::DType::BF16;
}
inline bool isInteger(rt::DType d) { return d == rt::DType::I32 || d == rt::DType::I64; }

/// Float operands (f32, f64, bf16): the op takes its element type from them.
inline void requireFloat(const Tensor &t, const Site &site, const char *op) {
  if (!isFloat(t.dtype()))
    site.fail(op, "expects float tensors (f32, f64 or bf16), got " + t.typeString());
}

inline void requireSameType(const Tensor &a, const Tensor &b, const Site &site, const char *op) {
  if (a.dtype() != b.dtype())
    site.fail(op, "mixes element types: " + a.typeString() + " and " + b.typeString());
}

inline mlir::Type elementOf(const Tensor &t) {
  return mlir::getElementTypeOrSelf(t.value().getType());
}

/// Shape-rule result → tensor type, or the user's error.
inline mlir::RankedTensorType checked(const shape::ShapeOrError &r, const Site &site,
                                      const char *op, mlir::Type element) {
  if (!r.ok()) site.fail(op, r.error);
  return mlir::RankedTensorType::get(r.shape, element);
}

/// An axis in [-rank, rank) made non-negative, or the user's error.
inline int64_t normalizedAxis(const Tensor &x, int64_t axis, const Site &site, const char *op) {
  if (axis < 0) axis += x.rank();
  if (std::string e = shape::checkAxis(x.rank(), axis); !e.empty()) site.fail(op, e);
  return axis;
}

/// A float reduction op over sorted `axes` whose result shape `rule` gives
/// (shape::reduce, shape::reduceMax, ...).
template <typename OpTy, typename Rule>
Tensor reduction(const Tensor &x, const std::vector<int64_t> &axes, bool keepdims,
                 const Site &site, const char *op, Rule rule) {
  Graph &g = graphOf(x, site, op);
  requireFloat(x, site, op);
  auto type = checked(rule(x.shape(), axes, keepdims), site, op, elementOf(x));
  return Tensor(&g, OpTy::create(g.builder(), g.location(site), type, x.value(),
                                 g.builder().getDenseI64ArrayAttr(axes), keepdims));
}

/// A float binary op with numpy broadcasting.
template <typename OpTy>
Tensor binary(const Tensor &a, const Tensor &b, const Site &site, const char *op) {
  Graph &g = graphOf(a, site, op);
  graphOf(b, site, op);
  requireFloat(a, site, op);
  requireFloat(b, site, op);
  requireSameType(a, b, site, op);
  auto type = checked(shape::broadcast(a.shape(), b.shape()), site, op, elementOf(a));
  return Tensor(&g, OpTy::create(g.builder(), g.location(site), type, a.value(), b.value()));
}

/// A float unary op, same type in and out.
template <typename OpTy>
Tensor unary(const Tensor &x, const Site &site, const char *op) {
  Graph &g = graphOf(x, site, op);
  requireFloat(x, site, op);
  return Tensor(&g, OpTy::create(g.builder(), g.location(site), x.value()));
}

} // namespace dlc::detail
