//===- Normalization.cpp - the DSL's layer_norm and batch_norm ---===//
#include "frontend/ops/Normalization.h"

#include "frontend/Ops.h"
#include "frontend/ops/OpSupport.h"
#include "ir/ops/NormalizationOps.h"
#include "ir/shape/Normalization.h"

using namespace mlir;

namespace dlc {
using namespace detail;

namespace {
/// An optional per-element / per-channel operand: traced in this graph, of
/// x's element type. Returns its shape for the shape rule.
std::optional<std::vector<int64_t>> checkedParam(const std::optional<Tensor> &p, const Tensor &x,
                                                 const Site &s, const char *op) {
  if (!p) return std::nullopt;
  graphOf(*p, s, op);
  requireSameType(x, *p, s, op);
  return p->shape();
}

std::optional<ArrayRef<int64_t>> view(const std::optional<std::vector<int64_t>> &shape) {
  if (!shape) return std::nullopt;
  return ArrayRef<int64_t>(*shape);
}

Value valueOf(const std::optional<Tensor> &p) { return p ? p->value() : Value(); }
} // namespace

Tensor layerNorm(const Tensor &x, std::vector<int64_t> normalizedShape,
                 std::optional<Tensor> weight, std::optional<Tensor> bias, double eps, Site s) {
  const char *op = "layer_norm";
  Graph &g = graphOf(x, s, op);
  requireFloat(x, s, op);
  auto w = checkedParam(weight, x, s, op), bb = checkedParam(bias, x, s, op);
  auto stats = checked(shape::layerNorm(x.shape(), normalizedShape, view(w), view(bb)), s, op,
                       elementOf(x));
  OpBuilder &b = g.builder();
  auto ln = dl::LayerNormOp::create(b, g.location(s),
                                    TypeRange{x.value().getType(), stats, stats}, x.value(),
                                    valueOf(weight), valueOf(bias),
                                    b.getDenseI64ArrayAttr(normalizedShape),
                                    b.getF64FloatAttr(eps));
  return Tensor(&g, ln.getResult());
}

BatchNormResult batchNorm(const Tensor &x, const Tensor &runningMean, const Tensor &runningVar,
                          std::optional<Tensor> weight, std::optional<Tensor> bias,
                          BatchNormOptions o, Site s) {
  const char *op = "batch_norm";
  Graph &g = graphOf(x, s, op);
  requireFloat(x, s, op);
  auto rm = checkedParam(runningMean, x, s, op), rv = checkedParam(runningVar, x, s, op);
  auto w = checkedParam(weight, x, s, op), bb = checkedParam(bias, x, s, op);
  auto channels = checked(shape::batchNorm(x.shape(), *rm, *rv, view(w), view(bb), o.training),
                          s, op, elementOf(x));
  OpBuilder &b = g.builder();
  auto bn = dl::BatchNormOp::create(
      b, g.location(s), TypeRange{x.value().getType(), channels, channels, channels, channels},
      x.value(), runningMean.value(), runningVar.value(), valueOf(weight), valueOf(bias),
      o.training ? b.getUnitAttr() : UnitAttr(), b.getF64FloatAttr(o.momentum),
      b.getF64FloatAttr(o.eps));
  return {Tensor(&g, bn.getResult()), Tensor(&g, bn.getNewRunningMean()),
          Tensor(&g, bn.getNewRunningVar())};
}

} // namespace dlc
