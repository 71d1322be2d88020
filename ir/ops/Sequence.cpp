//===- Sequence.cpp - verifiers and VJPs of the Sequence family ---===//
#include "ir/ops/SequenceOps.h"

#include "ir/OpFamilies.h"
#include "ir/ops/Common.h"
#include "ir/shape/Sequence.h"

#include "mlir/IR/TypeUtilities.h"

#include <cstdio>

// The generated verifiers call mlir:: helpers unqualified.
using namespace mlir;

#define GET_OP_CLASSES
#include "ir/ops/SequenceOps.cpp.inc"

namespace dlc::dl {
using detail::inferred;
using detail::shapeOf;
using detail::tensorType;

void registerSequenceOps(DLDialect &dialect) {
  dialect.addFamily<
#define GET_OP_LIST
#include "ir/ops/SequenceOps.cpp.inc"
      >();
}

namespace {
std::optional<int64_t> optional(std::optional<uint64_t> v) {
  if (!v) return std::nullopt;
  return static_cast<int64_t>(*v);
}

bool isFloatTensor(Value v) { return isa<FloatType>(tensorType(v).getElementType()); }

/// A tensor of zeros of `type` (float).
Value zerosOf(OpBuilder &b, Location loc, RankedTensorType type) {
  return ConstantOp::create(
      b, loc, DenseElementsAttr::get(type, b.getFloatAttr(type.getElementType(), 0.0)));
}
} // namespace

//===- embedding ----------------------------------------------------------===//

LogicalResult EmbeddingOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                            Adaptor a, SmallVectorImpl<Type> &types) {
  return inferred(loc,
                  shape::embedding(shapeOf(a.getInput()), shapeOf(a.getWeight()),
                                   optional(a.getPaddingIdx())),
                  tensorType(a.getWeight()).getElementType(), types);
}

// The weight's gradient adds the cotangents of repeated ids (a scatter-add);
// ids are integers and get none.
LogicalResult EmbeddingOp::buildVJP(OpBuilder &b, ValueRange gs, SmallVectorImpl<Value> &grads) {
  int64_t rows = tensorType(getWeight()).getDimSize(0);
  grads.push_back(Value());
  grads.push_back(EmbeddingDenseBackwardOp::create(b, getLoc(), gs[0], getInput(),
                                                   b.getI64IntegerAttr(rows),
                                                   getPaddingIdxAttr()));
  return success();
}

LogicalResult EmbeddingDenseBackwardOp::inferReturnTypes(MLIRContext *,
                                                         std::optional<Location> loc, Adaptor a,
                                                         SmallVectorImpl<Type> &types) {
  return inferred(loc,
                  shape::embeddingDenseBackward(shapeOf(a.getGradOutput()),
                                                shapeOf(a.getIndices()), a.getNumWeights(),
                                                optional(a.getPaddingIdx())),
                  tensorType(a.getGradOutput()).getElementType(), types);
}

//===- index_select, index_add --------------------------------------------===//

LogicalResult IndexSelectOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                              Adaptor a, SmallVectorImpl<Type> &types) {
  return inferred(loc, shape::indexSelect(shapeOf(a.getInput()), shapeOf(a.getIndex()), a.getDim()),
                  tensorType(a.getInput()).getElementType(), types);
}

// d input = index_add(0, dim, index, g): the transpose of a gather is a
// scatter-add, so an index picked twice receives both cotangents.
LogicalResult IndexSelectOp::buildVJP(OpBuilder &b, ValueRange gs,
                                      SmallVectorImpl<Value> &grads) {
  if (!isFloatTensor(getInput())) {
    grads.append({Value(), Value()});
    return success();
  }
  Location loc = getLoc();
  grads.push_back(IndexAddOp::create(b, loc, zerosOf(b, loc, tensorType(getInput())), getIndex(),
                                     gs[0], getDimAttr()));
  grads.push_back(Value());
  return success();
}

LogicalResult IndexAddOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                           Adaptor a, SmallVectorImpl<Type> &types) {
  return inferred(loc,
                  shape::indexAdd(shapeOf(a.getInput()), shapeOf(a.getIndex()),
                                  shapeOf(a.getSource()), a.getDim()),
                  tensorType(a.getInput()).getElementType(), types);
}

// d input = g; d source = index_select(g, dim, index).
LogicalResult IndexAddOp::buildVJP(OpBuilder &b, ValueRange gs, SmallVectorImpl<Value> &grads) {
  grads.push_back(gs[0]);
  grads.push_back(Value());
  grads.push_back(IndexSelectOp::create(b, getLoc(), gs[0], getIndex(), getDimAttr()));
  return success();
}

//===- repeat_interleave --------------------------------------------------===//

LogicalResult RepeatInterleaveOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                                   Adaptor a, SmallVectorImpl<Type> &types) {
  return inferred(loc, shape::repeatInterleave(shapeOf(a.getInput()), a.getRepeats(), a.getDim()),
                  tensorType(a.getInput()).getElementType(), types);
}

// Result entry j along dim copies input entry j / repeats: the cotangent,
// viewed as (..., n, repeats, ...), summed over the repeats.
LogicalResult RepeatInterleaveOp::buildVJP(OpBuilder &b, ValueRange gs,
                                           SmallVectorImpl<Value> &grads) {
  if (!isFloatTensor(getInput())) {
    grads.push_back(Value());
    return success();
  }
  Location loc = getLoc();
  RankedTensorType in = tensorType(getInput());
  int64_t dim = getDim();
  SmallVector<int64_t> grouped(in.getShape());
  grouped.insert(grouped.begin() + dim + 1, static_cast<int64_t>(getRepeats()));
  Value g = ReshapeOp::create(b, loc, RankedTensorType::get(grouped, in.getElementType()), gs[0]);
  grads.push_back(ReduceSumOp::create(b, loc, in, g, b.getDenseI64ArrayAttr({dim + 1}),
                                      /*keepdims=*/false));
  return success();
}

//===- arange -------------------------------------------------------------===//

LogicalResult ArangeOp::verify() {
  auto type = cast<RankedTensorType>(getType());
  shape::ShapeOrError r =
      shape::arange(getStart().convertToDouble(), getEnd().convertToDouble(),
                    getStep().convertToDouble(), isa<IntegerType>(type.getElementType()));
  if (!r.ok()) return emitOpError(r.error);
  if (type.getShape() != ArrayRef<int64_t>(r.shape)) {
    char range[96];
    std::snprintf(range, sizeof range, "arange(%g, %g, %g)", getStart().convertToDouble(),
                  getEnd().convertToDouble(), getStep().convertToDouble());
    return emitOpError("result has ")
           << type.getDimSize(0) << " elements but " << range << " has " << r.shape[0];
  }
  return success();
}

//===- sequence_mask -----------------------------------------------------===//

LogicalResult SequenceMaskOp::inferReturnTypes(MLIRContext *ctx, std::optional<Location> loc,
                                               Adaptor a, SmallVectorImpl<Type> &types) {
  return inferred(loc, shape::sequenceMask(shapeOf(a.getValidLen()), a.getMaxlen()),
                  IntegerType::get(ctx, 1), types);
}

} // namespace dlc::dl
