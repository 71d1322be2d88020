//===- Builders.cpp - small builders shared by VJP rules ------------------===//
#include "ir/Builders.h"

#include "ir/ShapeFunctions.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/TypeUtilities.h"

using namespace mlir;

namespace dlc::dl {

Value scalarConstant(OpBuilder &b, Location loc, Type elementType, double value) {
  auto type = RankedTensorType::get({}, elementType);
  return ConstantOp::create(b, loc,
                            DenseElementsAttr::get(type, b.getFloatAttr(elementType, value)));
}

Value scalarLike(OpBuilder &b, Location loc, Value like, double value) {
  return scalarConstant(b, loc, getElementTypeOrSelf(like.getType()), value);
}

Value unbroadcast(OpBuilder &b, Location loc, Value grad, RankedTensorType target) {
  auto from = cast<RankedTensorType>(grad.getType());
  if (from == target) return grad;
  ArrayRef<int64_t> g = from.getShape(), t = target.getShape();
  size_t lead = g.size() - t.size();
  SmallVector<int64_t> axes;
  for (size_t i = 0; i < g.size(); ++i)
    if (i < lead || (t[i - lead] == 1 && g[i] != 1)) axes.push_back(i);
  Value summed = grad;
  if (!axes.empty()) {
    shape::ShapeOrError r = shape::reduce(g, axes, /*keepdims=*/true);
    summed = ReduceSumOp::create(b, loc, RankedTensorType::get(r.shape, from.getElementType()),
                                 grad, b.getDenseI64ArrayAttr(axes), /*keepdims=*/true);
  }
  if (summed.getType() == target) return summed;
  return ReshapeOp::create(b, loc, target, summed);
}

template <typename OpTy>
Value binary(OpBuilder &b, Location loc, Value lhs, Value rhs) {
  auto l = cast<RankedTensorType>(lhs.getType());
  auto r = cast<RankedTensorType>(rhs.getType());
  shape::ShapeOrError s = shape::broadcast(l.getShape(), r.getShape());
  return OpTy::create(b, loc, RankedTensorType::get(s.shape, l.getElementType()), lhs, rhs);
}

template Value binary<AddOp>(OpBuilder &, Location, Value, Value);
template Value binary<SubOp>(OpBuilder &, Location, Value, Value);
template Value binary<MulOp>(OpBuilder &, Location, Value, Value);
template Value binary<DivOp>(OpBuilder &, Location, Value, Value);

} // namespace dlc::dl
