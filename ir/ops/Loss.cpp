//===- Loss.cpp - dl.one_hot, dl.softmax_cross_entropy ---------------------===//
#include "ir/ops/Common.h"

using namespace mlir;

namespace dlc::dl {
using detail::inferred;
using detail::shapeOf;
using detail::tensorType;

LogicalResult OneHotOp::inferReturnTypes(MLIRContext *ctx, std::optional<Location> loc,
                                         Adaptor a, SmallVectorImpl<Type> &types) {
  return inferred(loc, shape::oneHot(shapeOf(a.getLabels()), a.getClasses()),
                  Float32Type::get(ctx), types);
}

LogicalResult SoftmaxCrossEntropyOp::inferReturnTypes(MLIRContext *ctx,
                                                      std::optional<Location> loc, Adaptor a,
                                                      SmallVectorImpl<Type> &types) {
  return inferred(loc, shape::crossEntropy(shapeOf(a.getLogits()), shapeOf(a.getLabels())),
                  tensorType(a.getLogits()).getElementType(), types);
}

bool OneHotOp::isCompatibleReturnTypes(TypeRange inferred, TypeRange actual) {
  if (inferred.size() != 1 || actual.size() != 1) return false;
  auto i = dyn_cast<RankedTensorType>(inferred[0]), a = dyn_cast<RankedTensorType>(actual[0]);
  return i && a && i.getShape() == a.getShape() && isa<FloatType>(a.getElementType());
}

// loss = mean_n(lse(x_n) - x_n[t_n]): dx = (softmax(x) - one_hot(t)) * g / N.
LogicalResult SoftmaxCrossEntropyOp::buildVJP(OpBuilder &b, ValueRange gs,
                                              SmallVectorImpl<Value> &grads) {
  Location loc = getLoc();
  RankedTensorType logits = tensorType(getLogits());
  Value p = SoftmaxOp::create(b, loc, getLogits(), b.getI64IntegerAttr(1));
  Value t = OneHotOp::create(b, loc, logits, getLabels(), b.getI64IntegerAttr(logits.getDimSize(1)));
  Value scale = binary<DivOp>(b, loc, gs[0],
                              scalarLike(b, loc, gs[0], double(logits.getDimSize(0))));
  grads.push_back(binary<MulOp>(b, loc, binary<SubOp>(b, loc, p, t), scale));
  grads.push_back(Value()); // labels are integers
  return success();
}

} // namespace dlc::dl
