//===- Criterion.cpp - verifiers and VJPs of the Criterion family ---===//
#include "ir/ops/CriterionOps.h"

#include "ir/OpFamilies.h"
#include "ir/ops/Common.h"
#include "ir/ops/ReduceBuilders.h"
#include "ir/shape/Criterion.h"

#include "mlir/IR/TypeUtilities.h"

#define GET_OP_CLASSES
#include "ir/ops/CriterionOps.cpp.inc"

using namespace mlir;

namespace dlc::dl {
using detail::inferred;
using detail::keptForm;
using detail::reduceKept;
using detail::shapeOf;
using detail::tensorType;

void registerCriterionOps(DLDialect &dialect) {
  dialect.addFamily<
#define GET_OP_LIST
#include "ir/ops/CriterionOps.cpp.inc"
      >();
}

namespace {

ArrayRef<int64_t> shapeOrEmpty(Value v) { return v ? shapeOf(v) : ArrayRef<int64_t>(); }

/// An optional float operand must have the input's element type.
LogicalResult checkElementType(Operation *op, Value operand, Value input, StringRef name,
                               StringRef inputName = "the input") {
  if (!operand || getElementTypeOrSelf(operand) == getElementTypeOrSelf(input))
    return success();
  return op->emitOpError() << name << " has element type " << getElementTypeOrSelf(operand)
                           << " but " << inputName << " has " << getElementTypeOrSelf(input);
}

/// Sum of every element of `x`, rank 0.
Value sumAll(OpBuilder &b, Location loc, Value x) {
  RankedTensorType t = tensorType(x);
  if (t.getRank() == 0) return x;
  SmallVector<int64_t> axes;
  for (int64_t a = 0; a < t.getRank(); ++a) axes.push_back(a);
  return ReduceSumOp::create(b, loc, RankedTensorType::get({}, t.getElementType()), x,
                             b.getDenseI64ArrayAttr(axes), /*keepdims=*/false);
}

/// The losses' `reduction` of per-element losses; `denominator` (rank 0) is
/// what "mean" divides by.
Value reduceLoss(OpBuilder &b, Location loc, Value perElement, StringRef reduction,
                 Value denominator) {
  if (reduction == "none") return perElement;
  Value total = sumAll(b, loc, perElement);
  if (reduction == "sum") return total;
  return binary<DivOp>(b, loc, total, denominator);
}

/// The cotangent of each per-element loss given the cotangent `g` of the
/// reduced loss: g itself for "none" and "sum" (a scalar broadcasts),
/// g / denominator for "mean".
Value perElementCotangent(OpBuilder &b, Location loc, Value g, StringRef reduction,
                          Value denominator) {
  if (reduction == "mean") return binary<DivOp>(b, loc, g, denominator);
  return g;
}

/// The denominator of an elementwise loss's "mean": the element count of
/// `x` as a rank-0 constant of its element type (null for other reductions).
Value countIfMean(OpBuilder &b, Location loc, Value x, StringRef reduction) {
  if (reduction != "mean") return Value();
  return scalarLike(b, loc, x, double(tensorType(x).getNumElements()));
}

/// target_weights of a class loss's target, with the loss's element type.
Value targetWeightsOf(OpBuilder &b, Location loc, Value input, Value target, Value weight,
                      int64_t ignoreIndex, double labelSmoothing) {
  RankedTensorType in = tensorType(input);
  auto type = RankedTensorType::get(in.getShape(), in.getElementType());
  return TargetWeightsOp::create(b, loc, type, target, weight,
                                 b.getI64IntegerAttr(in.getDimSize(shape::classAxis(in.getRank()))),
                                 b.getI64IntegerAttr(ignoreIndex),
                                 b.getF64FloatAttr(labelSmoothing));
}

/// The denominator of a class loss's "mean": the sum of the picked weights
/// w[target] over the targets not ignored (their count without weights).
/// Summed over the class axis first, a reduction whose batch axis stays
/// parallel, then over the N·d rows: a single reduction of all N·C·d
/// elements into a scalar would run as one serial loop.
Value pickedWeightSum(OpBuilder &b, Location loc, Value input, Value target, Value weight,
                      int64_t ignoreIndex) {
  Value t = targetWeightsOf(b, loc, input, target, weight, ignoreIndex, 0.0);
  RankedTensorType type = tensorType(t);
  int64_t axis = shape::classAxis(type.getRank());
  shape::ShapeOrError s = shape::reduce(type.getShape(), {axis}, /*keepdims=*/false);
  Value picked = ReduceSumOp::create(b, loc, RankedTensorType::get(s.shape, type.getElementType()),
                                     t, b.getDenseI64ArrayAttr({axis}), /*keepdims=*/false);
  return sumAll(b, loc, picked);
}

/// `-sum_c(t * x)` along the class axis, zero weights skipped: the
/// per-element class loss.
Value negClassSum(OpBuilder &b, Location loc, Value t, Value x) {
  return NegOp::create(b, loc, ClassWeightedSumOp::create(b, loc, t, x));
}

/// The cotangent of a class loss's per-element terms (cross_entropy,
/// nll_loss), in the input's rank with the class axis kept (size 1) so it
/// broadcasts over the classes: g / (sum of the picked weights) for "mean".
Value classLossCotangent(OpBuilder &b, Location loc, Value g, Value input, Value target,
                         Value weight, int64_t ignoreIndex, StringRef reduction) {
  Value denominator = reduction == "mean"
                          ? pickedWeightSum(b, loc, input, target, weight, ignoreIndex)
                          : Value();
  g = perElementCotangent(b, loc, g, reduction, denominator);
  RankedTensorType in = tensorType(input);
  if (reduction == "none") // (N, d...) → (N, 1, d...)
    g = keptForm(b, loc, g, in, {shape::classAxis(in.getRank())});
  return g;
}

} // namespace

//===----------------------------------------------------------------------===//
// cross_entropy
//===----------------------------------------------------------------------===//

LogicalResult CrossEntropyOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                               Adaptor a, SmallVectorImpl<Type> &types) {
  shape::ShapeOrError per = shape::classLoss(shapeOf(a.getInput()), shapeOf(a.getTarget()),
                                             bool(a.getWeight()), shapeOrEmpty(a.getWeight()));
  if (!per.ok()) return inferred(loc, per, {}, types);
  return inferred(loc, shape::lossResult(per.shape, a.getReduction()),
                  tensorType(a.getInput()).getElementType(), types);
}

LogicalResult CrossEntropyOp::verify() {
  double ls = getLabelSmoothing().convertToDouble();
  if (!(ls >= 0.0 && ls <= 1.0))
    return emitOpError() << "label_smoothing must be in [0, 1], got " << ls;
  return checkElementType(*this, getWeight(), getInput(), "weight");
}

// With t = target_weights (smoothed, weighted one-hot) and l = log_softmax:
// loss = -sum_c t l, and dl/dx = softmax, so dx = (p * sum_c t - t) * G.
LogicalResult CrossEntropyOp::buildVJP(OpBuilder &b, ValueRange gs,
                                       SmallVectorImpl<Value> &grads) {
  Location loc = getLoc();
  Value x = getInput();
  int64_t axis = shape::classAxis(tensorType(x).getRank());
  int64_t ignore = int64_t(getIgnoreIndex());
  Value g = classLossCotangent(b, loc, gs[0], x, getTarget(), getWeight(), ignore,
                               getReduction());
  Value t = targetWeightsOf(b, loc, x, getTarget(), getWeight(), ignore,
                            getLabelSmoothing().convertToDouble());
  Value p = SoftmaxOp::create(b, loc, x, b.getI64IntegerAttr(axis));
  Value pt = binary<MulOp>(b, loc, p, reduceKept<ReduceSumOp>(b, loc, t, {axis}));
  grads.push_back(binary<MulOp>(b, loc, binary<SubOp>(b, loc, pt, t), g));
  grads.push_back(Value()); // integer targets
  if (getWeight()) grads.push_back(Value()); // PyTorch does not differentiate weight
  return success();
}

// loss = -sum_c t (z - lse) with t = target_weights, z = x - max(x) and
// lse = log(sum(exp(z))) along the class axis, computed as
//   class_weighted_sum(sum_c t, lse) - class_weighted_sum(t, z)
// (the first over the kept size-1 class axis: a product that skips rows
// whose weights are all 0, e.g. an ignored row of -inf logits, whose lse is
// NaN). The log is taken once per row: log_softmax's (z - lse) would be
// fused into the (N, C) reduction and recompute the log for every class
// (measured at 4096x1000 on the shared 2-core machine: forward ~100 ms
// with log_softmax, ~18 ms so; softmax_cross_entropy takes ~1 ms).
// exp never sees a positive number, and zero weights skip -inf entries of z.
LogicalResult CrossEntropyOp::decompose(OpBuilder &b, SmallVectorImpl<Value> &results) {
  Location loc = getLoc();
  Value x = getInput();
  int64_t axis = shape::classAxis(tensorType(x).getRank());
  int64_t ignore = int64_t(getIgnoreIndex());
  Value t = targetWeightsOf(b, loc, x, getTarget(), getWeight(), ignore,
                            getLabelSmoothing().convertToDouble());
  Value z = binary<SubOp>(b, loc, x, reduceKept<ReduceMaxOp>(b, loc, x, {axis}));
  Value sumExp = reduceKept<ReduceSumOp>(b, loc, ExpOp::create(b, loc, z), {axis});
  Value lse = LogOp::create(b, loc, sumExp);
  Value tLse = ClassWeightedSumOp::create(b, loc, reduceKept<ReduceSumOp>(b, loc, t, {axis}), lse);
  Value per = binary<SubOp>(b, loc, tLse, ClassWeightedSumOp::create(b, loc, t, z));
  Value denominator = getReduction() == "mean"
                          ? pickedWeightSum(b, loc, x, getTarget(), getWeight(), ignore)
                          : Value();
  results.push_back(reduceLoss(b, loc, per, getReduction(), denominator));
  return success();
}

//===----------------------------------------------------------------------===//
// nll_loss
//===----------------------------------------------------------------------===//

LogicalResult NllLossOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc, Adaptor a,
                                          SmallVectorImpl<Type> &types) {
  shape::ShapeOrError per = shape::classLoss(shapeOf(a.getInput()), shapeOf(a.getTarget()),
                                             bool(a.getWeight()), shapeOrEmpty(a.getWeight()));
  if (!per.ok()) return inferred(loc, per, {}, types);
  return inferred(loc, shape::lossResult(per.shape, a.getReduction()),
                  tensorType(a.getInput()).getElementType(), types);
}

LogicalResult NllLossOp::verify() {
  return checkElementType(*this, getWeight(), getInput(), "weight");
}

// loss = -sum_c(t * x) with t the weighted one-hot: dx = -t * G.
LogicalResult NllLossOp::buildVJP(OpBuilder &b, ValueRange gs, SmallVectorImpl<Value> &grads) {
  Location loc = getLoc();
  Value x = getInput();
  int64_t axis = shape::classAxis(tensorType(x).getRank());
  int64_t ignore = int64_t(getIgnoreIndex());
  Value g = classLossCotangent(b, loc, gs[0], x, getTarget(), getWeight(), ignore,
                               getReduction());
  Value t = targetWeightsOf(b, loc, x, getTarget(), getWeight(), ignore, 0.0);
  grads.push_back(binary<MulOp>(b, loc, NegOp::create(b, loc, t), g));
  grads.push_back(Value());
  if (getWeight()) grads.push_back(Value());
  return success();
}

LogicalResult NllLossOp::decompose(OpBuilder &b, SmallVectorImpl<Value> &results) {
  Location loc = getLoc();
  Value x = getInput();
  int64_t ignore = int64_t(getIgnoreIndex());
  Value t = targetWeightsOf(b, loc, x, getTarget(), getWeight(), ignore, 0.0);
  Value denominator = getReduction() == "mean"
                          ? pickedWeightSum(b, loc, x, getTarget(), getWeight(), ignore)
                          : Value();
  results.push_back(reduceLoss(b, loc, negClassSum(b, loc, t, x), getReduction(), denominator));
  return success();
}

//===----------------------------------------------------------------------===//
// target_weights
//===----------------------------------------------------------------------===//

LogicalResult TargetWeightsOp::verify() {
  shape::ShapeOrError s = shape::targetWeights(shapeOf(getTarget()), int64_t(getClasses()),
                                               bool(getWeight()), shapeOrEmpty(getWeight()));
  if (!s.ok()) return emitOpError(s.error);
  if (tensorType(getResult()).getShape() != ArrayRef<int64_t>(s.shape))
    return emitOpError() << "result shape " << shape::str(shapeOf(getResult()))
                         << " should be " << shape::str(s.shape)
                         << " (the target's with the class dimension 1 inserted)";
  double ls = getLabelSmoothing().convertToDouble();
  if (!(ls >= 0.0 && ls <= 1.0))
    return emitOpError() << "label_smoothing must be in [0, 1], got " << ls;
  return checkElementType(*this, getWeight(), getResult(), "weight", "the result");
}

// Depends on integer targets and on a weight PyTorch does not differentiate.
LogicalResult TargetWeightsOp::buildVJP(OpBuilder &, ValueRange, SmallVectorImpl<Value> &grads) {
  grads.append(getNumOperands(), Value());
  return success();
}

//===----------------------------------------------------------------------===//
// class_weighted_sum
//===----------------------------------------------------------------------===//

LogicalResult ClassWeightedSumOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                                   Adaptor a, SmallVectorImpl<Type> &types) {
  return inferred(loc, shape::classWeightedSum(shapeOf(a.getWeights()), shapeOf(a.getInput())),
                  tensorType(a.getInput()).getElementType(), types);
}

// s = sum_c w x: dx = w g, dw = x g (g broadcast back over the class axis).
LogicalResult ClassWeightedSumOp::buildVJP(OpBuilder &b, ValueRange gs,
                                           SmallVectorImpl<Value> &grads) {
  Location loc = getLoc();
  RankedTensorType in = tensorType(getInput());
  Value g = keptForm(b, loc, gs[0], in, {shape::classAxis(in.getRank())});
  grads.push_back(binary<MulOp>(b, loc, getInput(), g));
  grads.push_back(binary<MulOp>(b, loc, getWeights(), g));
  return success();
}

//===----------------------------------------------------------------------===//
// mse_loss
//===----------------------------------------------------------------------===//

LogicalResult MseLossOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc, Adaptor a,
                                          SmallVectorImpl<Type> &types) {
  shape::ShapeOrError per = shape::sameShapeLoss(shapeOf(a.getInput()), shapeOf(a.getTarget()));
  if (!per.ok()) return inferred(loc, per, {}, types);
  return inferred(loc, shape::lossResult(per.shape, a.getReduction()),
                  tensorType(a.getInput()).getElementType(), types);
}

// loss = (x - y)^2: dx = 2 (x - y) G, dy = -dx.
LogicalResult MseLossOp::buildVJP(OpBuilder &b, ValueRange gs, SmallVectorImpl<Value> &grads) {
  Location loc = getLoc();
  Value d = binary<SubOp>(b, loc, getInput(), getTarget());
  Value g = perElementCotangent(b, loc, gs[0], getReduction(),
                                countIfMean(b, loc, d, getReduction()));
  Value dx = binary<MulOp>(b, loc, binary<MulOp>(b, loc, d, scalarLike(b, loc, d, 2.0)), g);
  grads.push_back(dx);
  grads.push_back(NegOp::create(b, loc, dx));
  return success();
}

LogicalResult MseLossOp::decompose(OpBuilder &b, SmallVectorImpl<Value> &results) {
  Location loc = getLoc();
  Value d = binary<SubOp>(b, loc, getInput(), getTarget());
  results.push_back(reduceLoss(b, loc, binary<MulOp>(b, loc, d, d), getReduction(),
                               countIfMean(b, loc, d, getReduction())));
  return success();
}

//===----------------------------------------------------------------------===//
// binary_cross_entropy_with_logits
//===----------------------------------------------------------------------===//

LogicalResult BinaryCrossEntropyWithLogitsOp::inferReturnTypes(MLIRContext *,
                                                               std::optional<Location> loc,
                                                               Adaptor a,
                                                               SmallVectorImpl<Type> &types) {
  shape::ShapeOrError per = shape::bceWithLogits(
      shapeOf(a.getInput()), shapeOf(a.getTarget()), bool(a.getWeight()),
      shapeOrEmpty(a.getWeight()), bool(a.getPosWeight()), shapeOrEmpty(a.getPosWeight()));
  if (!per.ok()) return inferred(loc, per, {}, types);
  return inferred(loc, shape::lossResult(per.shape, a.getReduction()),
                  tensorType(a.getInput()).getElementType(), types);
}

LogicalResult BinaryCrossEntropyWithLogitsOp::verify() {
  if (failed(checkElementType(*this, getWeight(), getInput(), "weight"))) return failure();
  return checkElementType(*this, getPosWeight(), getInput(), "pos_weight");
}

// With lw = 1 + (p - 1) t and log_sigmoid(x) = -softplus(-x):
//   loss = w ((1 - t) x - lw log_sigmoid(x))
//   dx   = w ((1 - t) - lw sigmoid(-x)) G      (= w (sigmoid(x) - t) G without p)
//   dt   = w (-x - (p - 1) log_sigmoid(x)) G   (= -w x G without p)
// log_sigmoid(x) is -bce(x, 1) (no weights, reduction none), which keeps
// the log1p form of the forward.
LogicalResult BinaryCrossEntropyWithLogitsOp::buildVJP(OpBuilder &b, ValueRange gs,
                                                       SmallVectorImpl<Value> &grads) {
  Location loc = getLoc();
  Value x = getInput(), t = getTarget(), p = getPosWeight(), w = getWeight();
  RankedTensorType in = tensorType(x);
  Value one = scalarLike(b, loc, x, 1.0);
  Value dx, dt = NegOp::create(b, loc, x);
  if (!p) {
    dx = binary<SubOp>(b, loc, SigmoidOp::create(b, loc, x), t);
  } else {
    Value pm1 = binary<SubOp>(b, loc, p, one);
    Value lw = binary<AddOp>(b, loc, binary<MulOp>(b, loc, pm1, t), one);
    Value sigNeg = SigmoidOp::create(b, loc, NegOp::create(b, loc, x));
    dx = binary<SubOp>(b, loc, binary<SubOp>(b, loc, one, t), binary<MulOp>(b, loc, lw, sigNeg));
    Value ones = BroadcastToOp::create(b, loc, in, one);
    Value softplusNegX = BinaryCrossEntropyWithLogitsOp::create(
        b, loc, in, x, ones, Value(), Value(), b.getStringAttr("none"));
    dt = binary<AddOp>(b, loc, dt, binary<MulOp>(b, loc, pm1, softplusNegX));
  }
  Value g = perElementCotangent(b, loc, gs[0], getReduction(),
                                countIfMean(b, loc, x, getReduction()));
  if (w) g = binary<MulOp>(b, loc, g, w);
  // weight broadcasts to the input's shape, so dx and dt keep that shape.
  grads.push_back(binary<MulOp>(b, loc, dx, g));
  grads.push_back(binary<MulOp>(b, loc, dt, g));
  if (w) grads.push_back(Value());
  if (p) grads.push_back(Value());
  return success();
}

//===----------------------------------------------------------------------===//
// masked_softmax
//===----------------------------------------------------------------------===//

LogicalResult MaskedSoftmaxOp::verify() {
  return detail::check(*this, shape::validLengths(shapeOf(getInput()), bool(getValidLens()),
                                                  shapeOrEmpty(getValidLens()))
                                  .error);
}

// y = softmax(fill(x)): dz = y (g - sum(g y)); the filled positions were
// overwritten, so their cotangent is 0 (this matters for an all-masked row,
// which is uniform: softmax's VJP alone would give it a gradient).
LogicalResult MaskedSoftmaxOp::buildVJP(OpBuilder &b, ValueRange gs,
                                        SmallVectorImpl<Value> &grads) {
  Location loc = getLoc();
  Value y = getResult();
  int64_t axis = tensorType(y).getRank() - 1;
  Value gy = binary<MulOp>(b, loc, gs[0], y);
  Value s = reduceKept<ReduceSumOp>(b, loc, gy, {axis});
  Value dz = binary<MulOp>(b, loc, y, binary<SubOp>(b, loc, gs[0], s));
  if (Value lens = getValidLens())
    dz = SequenceFillOp::create(b, loc, dz, lens, b.getF64FloatAttr(0.0));
  grads.push_back(dz);
  if (getValidLens()) grads.push_back(Value());
  return success();
}

// d2l's value for masked scores: exp(-1e6 - max) underflows to 0 in f32 and
// f64 unless the row's real scores are themselves near -1e6, and a fully
// masked row is uniform.
static constexpr double kMaskedScore = -1e6;

LogicalResult MaskedSoftmaxOp::decompose(OpBuilder &b, SmallVectorImpl<Value> &results) {
  Location loc = getLoc();
  Value x = getInput();
  if (Value lens = getValidLens())
    x = SequenceFillOp::create(b, loc, x, lens, b.getF64FloatAttr(kMaskedScore));
  results.push_back(
      SoftmaxOp::create(b, loc, x, b.getI64IntegerAttr(tensorType(x).getRank() - 1)));
  return success();
}

//===----------------------------------------------------------------------===//
// sequence_fill
//===----------------------------------------------------------------------===//

LogicalResult SequenceFillOp::verify() {
  return detail::check(
      *this, shape::validLengths(shapeOf(getInput()), true, shapeOf(getValidLens())).error);
}

// Filled positions are constants: their cotangent is 0.
LogicalResult SequenceFillOp::buildVJP(OpBuilder &b, ValueRange gs,
                                       SmallVectorImpl<Value> &grads) {
  grads.push_back(SequenceFillOp::create(b, getLoc(), gs[0], getValidLens(),
                                         b.getF64FloatAttr(0.0)));
  grads.push_back(Value());
  return success();
}

} // namespace dlc::dl
