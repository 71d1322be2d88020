//===- Criterion.cpp - the DSL's losses and masked softmax ---===//
#include "frontend/ops/Criterion.h"

#include "frontend/Ops.h"
#include "frontend/ops/OpSupport.h"
#include "ir/ops/CriterionOps.h"
#include "ir/shape/Criterion.h"

using namespace mlir;

namespace dlc {
using namespace detail;

namespace {

const char *reductionName(Reduction r) {
  switch (r) {
  case Reduction::None: return "none";
  case Reduction::Mean: return "mean";
  case Reduction::Sum: return "sum";
  }
  return "mean";
}

void requireLabels(const Tensor &t, const Site &s, const char *op, const char *what) {
  if (!isInteger(t.dtype()))
    s.fail(op, std::string(what) + " must be i32 or i64, got " + t.typeString());
}

/// An optional float operand: same graph and element type as the input.
Value optionalOperand(const std::optional<Tensor> &t, const Tensor &input, const Site &s,
                      const char *op) {
  if (!t) return Value();
  graphOf(*t, s, op);
  requireFloat(*t, s, op);
  requireSameType(input, *t, s, op);
  return t->value();
}

std::vector<int64_t> shapeOr(const std::optional<Tensor> &t) {
  return t ? t->shape() : std::vector<int64_t>();
}

/// The result type of a loss with per-element shape `perElement`.
RankedTensorType lossType(const shape::ShapeOrError &perElement, Reduction r, const Site &s,
                          const char *op, Type element) {
  checked(perElement, s, op, element);
  return checked(shape::lossResult(perElement.shape, reductionName(r)), s, op, element);
}

} // namespace

Tensor crossEntropy(const Tensor &input, const Tensor &target, const CrossEntropyOptions &o,
                    Site s) {
  const char *op = "cross_entropy";
  Graph &g = graphOf(input, s, op);
  graphOf(target, s, op);
  requireFloat(input, s, op);
  requireLabels(target, s, op, "target (class indices)");
  Value weight = optionalOperand(o.weight, input, s, op);
  if (!(o.labelSmoothing >= 0.0 && o.labelSmoothing <= 1.0))
    s.fail(op, "label_smoothing must be in [0, 1], got " + std::to_string(o.labelSmoothing));
  auto type = lossType(shape::classLoss(input.shape(), target.shape(), bool(o.weight),
                                        shapeOr(o.weight)),
                       o.reduction, s, op, elementOf(input));
  OpBuilder &b = g.builder();
  return Tensor(&g, dl::CrossEntropyOp::create(
                        b, g.location(s), type, input.value(), target.value(), weight,
                        b.getI64IntegerAttr(o.ignoreIndex), b.getF64FloatAttr(o.labelSmoothing),
                        b.getStringAttr(reductionName(o.reduction))));
}

Tensor nllLoss(const Tensor &input, const Tensor &target, const NllLossOptions &o, Site s) {
  const char *op = "nll_loss";
  Graph &g = graphOf(input, s, op);
  graphOf(target, s, op);
  requireFloat(input, s, op);
  requireLabels(target, s, op, "target (class indices)");
  Value weight = optionalOperand(o.weight, input, s, op);
  auto type = lossType(shape::classLoss(input.shape(), target.shape(), bool(o.weight),
                                        shapeOr(o.weight)),
                       o.reduction, s, op, elementOf(input));
  OpBuilder &b = g.builder();
  return Tensor(&g, dl::NllLossOp::create(b, g.location(s), type, input.value(), target.value(),
                                          weight, b.getI64IntegerAttr(o.ignoreIndex),
                                          b.getStringAttr(reductionName(o.reduction))));
}

Tensor mseLoss(const Tensor &input, const Tensor &target, Reduction r, Site s) {
  const char *op = "mse_loss";
  Graph &g = graphOf(input, s, op);
  graphOf(target, s, op);
  requireFloat(input, s, op);
  requireFloat(target, s, op);
  requireSameType(input, target, s, op);
  auto type = lossType(shape::sameShapeLoss(input.shape(), target.shape()), r, s, op,
                       elementOf(input));
  OpBuilder &b = g.builder();
  return Tensor(&g, dl::MseLossOp::create(b, g.location(s), type, input.value(), target.value(),
                                          b.getStringAttr(reductionName(r))));
}

Tensor binaryCrossEntropyWithLogits(const Tensor &input, const Tensor &target,
                                    const BCEWithLogitsOptions &o, Site s) {
  const char *op = "binary_cross_entropy_with_logits";
  Graph &g = graphOf(input, s, op);
  graphOf(target, s, op);
  requireFloat(input, s, op);
  requireFloat(target, s, op);
  requireSameType(input, target, s, op);
  Value weight = optionalOperand(o.weight, input, s, op);
  Value posWeight = optionalOperand(o.posWeight, input, s, op);
  auto type = lossType(shape::bceWithLogits(input.shape(), target.shape(), bool(o.weight),
                                            shapeOr(o.weight), bool(o.posWeight),
                                            shapeOr(o.posWeight)),
                       o.reduction, s, op, elementOf(input));
  OpBuilder &b = g.builder();
  return Tensor(&g, dl::BinaryCrossEntropyWithLogitsOp::create(
                        b, g.location(s), type, input.value(), target.value(), weight, posWeight,
                        b.getStringAttr(reductionName(o.reduction))));
}

Tensor maskedSoftmax(const Tensor &scores, const std::optional<Tensor> &validLens, Site s) {
  const char *op = "masked_softmax";
  Graph &g = graphOf(scores, s, op);
  requireFloat(scores, s, op);
  Value lens;
  if (validLens) {
    graphOf(*validLens, s, op);
    requireLabels(*validLens, s, op, "valid_lens");
    lens = validLens->value();
  }
  checked(shape::validLengths(scores.shape(), bool(validLens), shapeOr(validLens)), s, op,
          elementOf(scores));
  return Tensor(&g, dl::MaskedSoftmaxOp::create(g.builder(), g.location(s), scores.value(), lens));
}

} // namespace dlc
