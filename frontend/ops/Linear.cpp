//===- Linear.cpp - the DSL's batched matmul and linear ---===//
#include "frontend/ops/Linear.h"

#include "frontend/Ops.h"
#include "frontend/ops/OpSupport.h"
#include "ir/ops/LinearOps.h"
#include "ir/shape/Linear.h"

using namespace mlir;

namespace dlc {
using namespace detail;

Tensor batchMatmul(const Tensor &a, const Tensor &b, bool ta, bool tb, Site s) {
  const char *op = "batch_matmul";
  Graph &g = graphOf(a, s, op);
  graphOf(b, s, op);
  requireFloat(a, s, op);
  requireFloat(b, s, op);
  requireSameType(a, b, s, op);
  auto type = checked(shape::batchMatmul(a.shape(), b.shape(), ta, tb), s, op, elementOf(a));
  return Tensor(&g, dl::BatchMatmulOp::create(g.builder(), g.location(s), type, a.value(),
                                              b.value(), ta, tb));
}

Tensor linear(const Tensor &x, const Tensor &weight, const std::optional<Tensor> &bias,
              Site s) {
  const char *op = "linear";
  Graph &g = graphOf(x, s, op);
  graphOf(weight, s, op);
  requireFloat(x, s, op);
  requireSameType(x, weight, s, op);
  std::optional<std::vector<int64_t>> biasShape;
  Value biasValue;
  if (bias) {
    graphOf(*bias, s, op);
    requireSameType(x, *bias, s, op);
    biasShape = bias->shape();
    biasValue = bias->value();
  }
  std::optional<ArrayRef<int64_t>> biasDims;
  if (biasShape) biasDims = ArrayRef<int64_t>(*biasShape);
  auto type = checked(shape::linear(x.shape(), weight.shape(), biasDims), s, op, elementOf(x));
  return Tensor(&g, dl::LinearOp::create(g.builder(), g.location(s), type, x.value(),
                                         weight.value(), biasValue));
}

//===----------------------------------------------------------------------===//
// vision
//===----------------------------------------------------------------------===//

Tensor conv2d(const Tensor &x, const Tensor &w, const Conv2dFuncOptions &o, Site s) {
  const char *op = "conv2d";
  Graph &g = graphOf(x, s, op);
  graphOf(w, s, op);
  requireFloat(x, s, op);
  requireSameType(x, w, s, op);
  auto type = checked(shape::conv2d(x.shape(), w.shape(), o.stride, o.padding, o.dilation,
                                    o.groups),
                      s, op, elementOf(x));
  OpBuilder &b = g.builder();
  return Tensor(&g, dl::Conv2dOp::create(b, g.location(s), type, x.value(), w.value(),
                                         b.getDenseI64ArrayAttr(o.stride),
                                         b.getDenseI64ArrayAttr(o.padding),
                                         b.getDenseI64ArrayAttr(o.dilation),
                                         b.getI64IntegerAttr(o.groups)));
}

/// The shape checks and result type every pooling shares.
static RankedTensorType poolType(const Tensor &x, std::array<int64_t, 2> kernel,
                                 std::array<int64_t, 2> stride, std::array<int64_t, 2> padding,
                                 bool ceilMode, const Site &s, const char *op) {
  requireFloat(x, s, op);
  return checked(shape::pool2d(x.shape(), kernel, stride, padding, ceilMode), s, op,
                 elementOf(x));
}

Tensor avgPool2d(const Tensor &x, const AvgPool2dFuncOptions &o, Site s) {
  const char *op = "avg_pool2d";
  Graph &g = graphOf(x, s, op);
  auto stride = o.stride.value_or(o.kernel);
  auto type = poolType(x, o.kernel, stride, o.padding, o.ceilMode, s, op);
  return Tensor(&g, dl::AvgPool2dOp::create(g.builder(), g.location(s), type, x.value(),
                                            ArrayRef<int64_t>(o.kernel), ArrayRef<int64_t>(stride),
                                            ArrayRef<int64_t>(o.padding), o.ceilMode,
                                            o.countIncludePad));
}

Tensor maxPool2d(const Tensor &x, const MaxPool2dFuncOptions &o, Site s) {
  const char *op = "max_pool2d";
  Graph &g = graphOf(x, s, op);
  auto stride = o.stride.value_or(o.kernel);
  auto type = poolType(x, o.kernel, stride, o.padding, o.ceilMode, s, op);
  return Tensor(&g, dl::MaxPool2dOp::create(g.builder(), g.location(s), type, x.value(),
                                            ArrayRef<int64_t>(o.kernel), ArrayRef<int64_t>(stride),
                                            ArrayRef<int64_t>(o.padding), o.ceilMode));
}

Tensor adaptiveAvgPool2d(const Tensor &x, std::array<int64_t, 2> outputSize, Site s) {
  const char *op = "adaptive_avg_pool2d";
  Graph &g = graphOf(x, s, op);
  requireFloat(x, s, op);
  auto type = checked(shape::adaptivePool2d(x.shape(), outputSize), s, op, elementOf(x));
  OpBuilder &b = g.builder();
  return Tensor(&g, dl::AdaptiveAvgPool2dOp::create(b, g.location(s), type, x.value(),
                                                    b.getDenseI64ArrayAttr(outputSize)));
}

} // namespace dlc
