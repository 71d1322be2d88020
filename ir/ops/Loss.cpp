//===- Loss.cpp - dl.one_hot, dl.softmax_cross_entropy ---------------------===//
#include "ir/ops/Common.h"
#include "ir/ops/ReduceBuilders.h"

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

// With x the (N, C) logits, along C (keepdims, so every term is (N, 1)):
//   m = max x,  lse = m + log(sum(exp(x - m))),  picked = sum(one_hot(t) * x)
//   loss = sum_n (lse - picked) / N
// The logsumexp never exponentiates a positive number, so large logits do
// not overflow; a label outside [0, C) picks 0, as the old fused loop did.
LogicalResult SoftmaxCrossEntropyOp::decompose(OpBuilder &b, SmallVectorImpl<Value> &results) {
  using detail::reduceKept;
  Location loc = getLoc();
  Value x = getLogits();
  RankedTensorType logits = tensorType(x);
  SmallVector<int64_t> classAxis{1};
  Value m = reduceKept<ReduceMaxOp>(b, loc, x, classAxis);
  Value e = ExpOp::create(b, loc, binary<SubOp>(b, loc, x, m));
  Value sum = reduceKept<ReduceSumOp>(b, loc, e, classAxis);
  Value lse = binary<AddOp>(b, loc, LogOp::create(b, loc, sum), m);
  Value t = OneHotOp::create(b, loc, logits, getLabels(),
                             b.getI64IntegerAttr(logits.getDimSize(1)));
  Value picked = reduceKept<ReduceSumOp>(b, loc, binary<MulOp>(b, loc, t, x), classAxis);
  Value total = ReduceSumOp::create(b, loc, getType(), binary<SubOp>(b, loc, lse, picked),
                                    b.getDenseI64ArrayAttr({0, 1}), /*keepdims=*/false);
  Value n = scalarLike(b, loc, total, double(logits.getDimSize(0)));
  results.push_back(binary<DivOp>(b, loc, total, n));
  return success();
}

} // namespace dlc::dl
