//===- Ops.cpp - tensor operations of the C++ DSL -------------------------===//
#include "frontend/Ops.h"

#include "frontend/ops/Linear.h"
#include "frontend/ops/OpSupport.h"
#include "ir/ops/StatisticsOps.h"

using namespace mlir;

namespace dlc {
using namespace detail;

Tensor add(const Tensor &a, const Tensor &b, Site s) { return binary<dl::AddOp>(a, b, s, "add"); }
Tensor sub(const Tensor &a, const Tensor &b, Site s) { return binary<dl::SubOp>(a, b, s, "sub"); }
Tensor mul(const Tensor &a, const Tensor &b, Site s) { return binary<dl::MulOp>(a, b, s, "mul"); }
Tensor div(const Tensor &a, const Tensor &b, Site s) { return binary<dl::DivOp>(a, b, s, "div"); }
Tensor neg(const Tensor &x, Site s) { return unary<dl::NegOp>(x, s, "neg"); }
Tensor exp(const Tensor &x, Site s) { return unary<dl::ExpOp>(x, s, "exp"); }
Tensor log(const Tensor &x, Site s) { return unary<dl::LogOp>(x, s, "log"); }
Tensor tanh(const Tensor &x, Site s) { return unary<dl::TanhOp>(x, s, "tanh"); }
Tensor sigmoid(const Tensor &x, Site s) { return unary<dl::SigmoidOp>(x, s, "sigmoid"); }
Tensor relu(const Tensor &x, Site s) { return unary<dl::ReluOp>(x, s, "relu"); }

Tensor scalar(float value, Site s) {
  Graph &g = Graph::current();
  auto type = RankedTensorType::get({}, Float32Type::get(&g.context()));
  return Tensor(&g, dl::ConstantOp::create(g.builder(), g.location(s),
                                           DenseElementsAttr::get(type, value)));
}

Tensor constant(const std::vector<float> &values, std::vector<int64_t> shape, rt::DType dtype,
                Site s) {
  Graph &g = Graph::current();
  int64_t n = 1;
  for (int64_t d : shape) n *= d;
  if (n != static_cast<int64_t>(values.size()))
    s.fail("constant", std::to_string(values.size()) + " values for shape " +
                           shape::str(shape));
  if (!isFloat(dtype)) s.fail("constant", "expects a float dtype (f32, f64 or bf16)");
  auto f32 = RankedTensorType::get(shape, Float32Type::get(&g.context()));
  Type element = dtype == rt::DType::F64    ? Type(Float64Type::get(&g.context()))
                 : dtype == rt::DType::BF16 ? Type(BFloat16Type::get(&g.context()))
                                            : Type(Float32Type::get(&g.context()));
  auto attr = DenseElementsAttr::get(f32, ArrayRef<float>(values));
  if (element != f32.getElementType())
    attr = attr.mapValues(element, [&](const APFloat &v) {
      APFloat c = v;
      bool lost;
      c.convert(cast<FloatType>(element).getFloatSemantics(), APFloat::rmNearestTiesToEven,
                &lost);
      return c.bitcastToAPInt();
    });
  return Tensor(&g, dl::ConstantOp::create(g.builder(), g.location(s), attr));
}

Tensor matmul(const Tensor &a, const Tensor &b, bool ta, bool tb, Site s) {
  // torch.matmul: stacks of matrices are a batched product.
  if (a && b && (a.rank() >= 3 || b.rank() >= 3)) return batchMatmul(a, b, ta, tb, s);
  Graph &g = graphOf(a, s, "matmul");
  graphOf(b, s, "matmul");
  requireFloat(a, s, "matmul");
  requireFloat(b, s, "matmul");
  requireSameType(a, b, s, "matmul");
  auto type = checked(shape::matmul(a.shape(), b.shape(), ta, tb), s, "matmul", elementOf(a));
  return Tensor(&g, dl::MatmulOp::create(g.builder(), g.location(s), type, a.value(), b.value(),
                                         ta, tb));
}

Tensor sum(const Tensor &x, std::vector<int64_t> axes, bool keepdims, Site s) {
  return reduction<dl::ReduceSumOp>(x, axes, keepdims, s, "sum", shape::reduce);
}

Tensor mean(const Tensor &x, std::vector<int64_t> axes, bool keepdims, Site s) {
  return reduction<dl::MeanOp>(x, axes, keepdims, s, "mean", shape::reduce);
}

Tensor amax(const Tensor &x, std::vector<int64_t> axes, bool keepdims, Site s) {
  return reduction<dl::ReduceMaxOp>(x, axes, keepdims, s, "amax", shape::reduceMax);
}

Tensor softmax(const Tensor &x, int64_t axis, Site s) {
  Graph &g = graphOf(x, s, "softmax");
  requireFloat(x, s, "softmax");
  if (axis < 0) axis += x.rank();
  if (std::string e = shape::checkAxis(x.rank(), axis); !e.empty()) s.fail("softmax", e);
  return Tensor(&g, dl::SoftmaxOp::create(g.builder(), g.location(s), x.value(),
                                          g.builder().getI64IntegerAttr(axis)));
}

Tensor logSoftmax(const Tensor &x, int64_t axis, Site s) {
  Graph &g = graphOf(x, s, "log_softmax");
  requireFloat(x, s, "log_softmax");
  if (axis < 0) axis += x.rank();
  if (std::string e = shape::checkAxis(x.rank(), axis); !e.empty()) s.fail("log_softmax", e);
  return Tensor(&g, dl::LogSoftmaxOp::create(g.builder(), g.location(s), x.value(),
                                             g.builder().getI64IntegerAttr(axis)));
}

Tensor reshape(const Tensor &x, std::vector<int64_t> to, Site s) {
  Graph &g = graphOf(x, s, "reshape");
  requireFloat(x, s, "reshape");
  int64_t known = 1, numel = 1, inferred = -1;
  for (int64_t d : x.shape()) numel *= d;
  for (size_t i = 0; i < to.size(); ++i) {
    if (to[i] == -1 && inferred < 0) inferred = i;
    else if (to[i] <= 0) s.fail("reshape", "dimensions must be positive or a single -1");
    else known *= to[i];
  }
  if (inferred >= 0) {
    if (numel % known) s.fail("reshape", "cannot infer -1 for " + shape::str(to) +
                                              " from " + x.typeString());
    to[inferred] = numel / known;
  }
  if (std::string e = shape::checkReshape(x.shape(), to); !e.empty()) s.fail("reshape", e);
  auto type = RankedTensorType::get(to, elementOf(x));
  return Tensor(&g, dl::ReshapeOp::create(g.builder(), g.location(s), type, x.value()));
}

Tensor flatten(const Tensor &x, Site s) {
  if (x && x.rank() < 1) s.fail("flatten", "expects at least rank 1, got " + x.typeString());
  return reshape(x, {x.dim(0), -1}, s);
}

Tensor broadcastTo(const Tensor &x, std::vector<int64_t> to, Site s) {
  Graph &g = graphOf(x, s, "broadcast_to");
  requireFloat(x, s, "broadcast_to");
  if (std::string e = shape::checkBroadcastTo(x.shape(), to); !e.empty())
    s.fail("broadcast_to", e);
  auto type = RankedTensorType::get(to, elementOf(x));
  return Tensor(&g, dl::BroadcastToOp::create(g.builder(), g.location(s), type, x.value()));
}

Tensor conv2d(const Tensor &x, const Tensor &w, Pair stride, Pair padding, Site s) {
  return conv2d(x, w, Conv2dFuncOptions{.stride = stride, .padding = padding}, s);
}

Tensor avgPool2d(const Tensor &x, Pair k, Pair st, Pair p, Site s) {
  return avgPool2d(x, AvgPool2dFuncOptions{.kernel = k, .stride = st, .padding = p}, s);
}
Tensor maxPool2d(const Tensor &x, Pair k, Pair st, Pair p, Site s) {
  return maxPool2d(x, MaxPool2dFuncOptions{.kernel = k, .stride = st, .padding = p}, s);
}

Tensor crossEntropy(const Tensor &logits, const Tensor &labels, Site s) {
  const char *op = "cross_entropy";
  Graph &g = graphOf(logits, s, op);
  graphOf(labels, s, op);
  requireFloat(logits, s, op);
  if (labels.dtype() != rt::DType::I32 && labels.dtype() != rt::DType::I64)
    s.fail(op, "labels must be i32 or i64 class indices, got " + labels.typeString());
  auto type = checked(shape::crossEntropy(logits.shape(), labels.shape()), s, op,
                      elementOf(logits));
  return Tensor(&g, dl::SoftmaxCrossEntropyOp::create(g.builder(), g.location(s), type,
                                                      logits.value(), labels.value()));
}

} // namespace dlc
