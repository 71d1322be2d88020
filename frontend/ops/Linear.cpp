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

} // namespace dlc
