//===- DataMovement.cpp - verifiers and VJPs of the DataMovement family ---===//
#include "ir/ops/DataMovementOps.h"

#include "ir/OpFamilies.h"
#include "ir/ops/Common.h"
#include "ir/shape/DataMovement.h"

#include "llvm/ADT/Sequence.h"
#include "mlir/IR/TypeUtilities.h" // the generated AllElementTypesMatch checks

#define GET_OP_CLASSES
#include "ir/ops/DataMovementOps.cpp.inc"

using namespace mlir;

namespace dlc::dl {
using detail::inferred;
using detail::shapeOf;
using detail::tensorType;

void registerDataMovementOps(DLDialect &dialect) {
  dialect.addFamily<
#define GET_OP_LIST
#include "ir/ops/DataMovementOps.cpp.inc"
      >();
}

namespace {

bool isFloatTensor(Value v) { return isa<FloatType>(tensorType(v).getElementType()); }

/// Integer tensors get no cotangent.
LogicalResult noGradient(SmallVectorImpl<Value> &grads) {
  grads.push_back(Value());
  return success();
}

Value zerosLike(OpBuilder &b, Location loc, RankedTensorType type) {
  return ConstantOp::create(b, loc, cast<ElementsAttr>(b.getZeroAttr(type)));
}

/// `v[start:stop]` along `dim`, everything in the other dims.
Value sliceDim(OpBuilder &b, Location loc, Value v, int64_t dim, int64_t start, int64_t stop) {
  ArrayRef<int64_t> shape = shapeOf(v);
  SmallVector<int64_t> starts(shape.size(), 0), stops(shape), steps(shape.size(), 1);
  starts[dim] = start;
  stops[dim] = stop;
  return SliceOp::create(b, loc, v, b.getDenseI64ArrayAttr(starts), b.getDenseI64ArrayAttr(stops),
                         b.getDenseI64ArrayAttr(steps));
}

/// Zero padding, `lo` before and `hi` after each dim (dim order, not F.pad's).
Value zeroPad(OpBuilder &b, Location loc, Value v, ArrayRef<int64_t> lo, ArrayRef<int64_t> hi) {
  int64_t rank = lo.size();
  SmallVector<int64_t> pad(2 * rank);
  for (int64_t d = 0; d < rank; ++d) {
    pad[2 * (rank - 1 - d)] = lo[d];
    pad[2 * (rank - 1 - d) + 1] = hi[d];
  }
  // F.pad's list may stop before the leading dims: drop their (0, 0) pairs.
  while (!pad.empty() && pad.back() == 0 && pad[pad.size() - 2] == 0) pad.resize(pad.size() - 2);
  if (pad.empty()) return v;
  return PadOp::create(b, loc, v, b.getDenseI64ArrayAttr(pad), b.getF64FloatAttr(0.0));
}

Value reshaped(OpBuilder &b, Location loc, Value v, ArrayRef<int64_t> shape) {
  return ReshapeOp::create(b, loc, RankedTensorType::get(shape, tensorType(v).getElementType()),
                           v);
}

/// Puts `step - 1` zeros after each element along `dim`: (.., m, ..) →
/// (.., m*step, ..) as reshape to (.., m, 1, ..), pad to (.., m, step, ..),
/// reshape back.
Value interleaveZeros(OpBuilder &b, Location loc, Value v, int64_t dim, int64_t step) {
  SmallVector<int64_t> shape(shapeOf(v));
  SmallVector<int64_t> split(shape);
  split.insert(split.begin() + dim + 1, 1);
  SmallVector<int64_t> lo(split.size(), 0), hi(split.size(), 0);
  hi[dim + 1] = step - 1;
  Value spread = zeroPad(b, loc, reshaped(b, loc, v, split), lo, hi);
  shape[dim] *= step;
  return reshaped(b, loc, spread, shape);
}

} // namespace

//===----------------------------------------------------------------------===//
// permute
//===----------------------------------------------------------------------===//

LogicalResult PermuteOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                          Adaptor a, SmallVectorImpl<Type> &types) {
  return inferred(loc, shape::permute(shapeOf(a.getInput()), a.getDims()),
                  tensorType(a.getInput()).getElementType(), types);
}

// The identity permutation is x; permute(permute(x, a), b) = permute(x, a∘b)
// (result dim i is x's dim a[b[i]]).
OpFoldResult PermuteOp::fold(FoldAdaptor) {
  ArrayRef<int64_t> dims = getDims();
  if (llvm::equal(dims, llvm::seq<int64_t>(0, dims.size()))) return getInput();
  if (auto inner = getInput().getDefiningOp<PermuteOp>()) {
    SmallVector<int64_t> composed;
    for (int64_t d : dims) composed.push_back(inner.getDims()[d]);
    getInputMutable().assign(inner.getInput());
    setDims(composed);
    return getResult();
  }
  return {};
}

// y = permute(x, dims): dx = permute(g, dims⁻¹).
LogicalResult PermuteOp::buildVJP(OpBuilder &b, ValueRange gs, SmallVectorImpl<Value> &grads) {
  if (!isFloatTensor(getInput())) return noGradient(grads);
  shape::Shape inverse = shape::inversePermutation(getDims());
  grads.push_back(PermuteOp::create(b, getLoc(), gs[0], b.getDenseI64ArrayAttr(inverse)));
  return success();
}

//===----------------------------------------------------------------------===//
// cat
//===----------------------------------------------------------------------===//

LogicalResult CatOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc, Adaptor a,
                                      SmallVectorImpl<Type> &types) {
  if (a.getInputs().empty()) return emitOptionalError(loc, "cat expects at least one input");
  SmallVector<shape::Shape> shapes;
  for (Value v : a.getInputs()) shapes.emplace_back(shapeOf(v));
  return inferred(loc, shape::cat(shapes, a.getDim()),
                  tensorType(a.getInputs()[0]).getElementType(), types);
}

OpFoldResult CatOp::fold(FoldAdaptor) {
  if (getInputs().size() == 1) return getInputs()[0];
  return {};
}

// Each input's cotangent is its slice of g along dim.
LogicalResult CatOp::buildVJP(OpBuilder &b, ValueRange gs, SmallVectorImpl<Value> &grads) {
  int64_t dim = getDim(), offset = 0;
  for (Value x : getInputs()) {
    int64_t size = shapeOf(x)[dim];
    grads.push_back(isFloatTensor(x) ? sliceDim(b, getLoc(), gs[0], dim, offset, offset + size)
                                     : Value());
    offset += size;
  }
  return success();
}

//===----------------------------------------------------------------------===//
// slice
//===----------------------------------------------------------------------===//

LogicalResult SliceOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                        Adaptor a, SmallVectorImpl<Type> &types) {
  return inferred(loc,
                  shape::slice(shapeOf(a.getInput()), a.getStart(), a.getStop(), a.getStep()),
                  tensorType(a.getInput()).getElementType(), types);
}

// A slice as large as x is x: a dim of size n >= 2 keeps all n elements
// only with step 1 from 0, and one of size 1 only from 0.
OpFoldResult SliceOp::fold(FoldAdaptor) {
  if (getInput().getType() == getType()) return getInput();
  return {};
}

// dx is g scattered into zeros: in each dim, g's m elements go to
// start, start + step, ..., start + (m-1)*step. Strides come from
// interleaving step - 1 zeros (cut after the last element, so a step larger
// than the dim builds nothing big), offsets from one zero pad.
LogicalResult SliceOp::buildVJP(OpBuilder &b, ValueRange gs, SmallVectorImpl<Value> &grads) {
  Location loc = getLoc();
  RankedTensorType in = tensorType(getInput());
  if (!isFloatTensor(getInput())) return noGradient(grads);
  Value g = gs[0];
  if (tensorType(g).getNumElements() == 0) {
    grads.push_back(zerosLike(b, loc, in));
    return success();
  }
  int64_t rank = in.getRank();
  SmallVector<int64_t> lo(rank), hi(rank);
  for (int64_t d = 0; d < rank; ++d) {
    int64_t m = shapeOf(g)[d], step = getStep()[d];
    // m >= 2 means (m-1)*step < size, so m*step stays small.
    if (step > 1 && m > 1)
      g = sliceDim(b, loc, interleaveZeros(b, loc, g, d, step), d, 0, (m - 1) * step + 1);
    lo[d] = getStart()[d];
    hi[d] = in.getShape()[d] - lo[d] - shapeOf(g)[d];
  }
  grads.push_back(zeroPad(b, loc, g, lo, hi));
  return success();
}

//===----------------------------------------------------------------------===//
// pad
//===----------------------------------------------------------------------===//

LogicalResult PadOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc, Adaptor a,
                                      SmallVectorImpl<Type> &types) {
  return inferred(loc, shape::pad(shapeOf(a.getInput()), a.getPad()),
                  tensorType(a.getInput()).getElementType(), types);
}

// An integer tensor is padded with an integer it can hold.
LogicalResult PadOp::verify() {
  auto integer = dyn_cast<IntegerType>(tensorType(getInput()).getElementType());
  if (!integer) return success();
  return detail::check(*this, shape::checkIntegerPadValue(getValue().convertToDouble(),
                                                          integer.getWidth()));
}

// Padding nothing is x.
OpFoldResult PadOp::fold(FoldAdaptor) {
  if (getInput().getType() == getType()) return getInput();
  return {};
}

// dx is g without the padding.
LogicalResult PadOp::buildVJP(OpBuilder &b, ValueRange gs, SmallVectorImpl<Value> &grads) {
  if (!isFloatTensor(getInput())) return noGradient(grads);
  ArrayRef<int64_t> shape = shapeOf(getInput());
  int64_t rank = shape.size();
  SmallVector<int64_t> starts, stops, steps(rank, 1);
  for (int64_t d = 0; d < rank; ++d) {
    int64_t lo = shape::padOf(getPad(), rank, d).first;
    starts.push_back(lo);
    stops.push_back(lo + shape[d]);
  }
  grads.push_back(SliceOp::create(b, getLoc(), gs[0], b.getDenseI64ArrayAttr(starts),
                                  b.getDenseI64ArrayAttr(stops), b.getDenseI64ArrayAttr(steps)));
  return success();
}

//===----------------------------------------------------------------------===//
// flip
//===----------------------------------------------------------------------===//

LogicalResult FlipOp::verify() {
  return detail::check(*this, shape::flip(shapeOf(getInput()), getDims()).error);
}

// No dims is x; flip(flip(x, d), d) = x.
OpFoldResult FlipOp::fold(FoldAdaptor) {
  if (getDims().empty()) return getInput();
  if (auto inner = getInput().getDefiningOp<FlipOp>())
    if (inner.getDims() == getDims()) return inner.getInput();
  return {};
}

// Flipping is its own inverse: dx = flip(g).
LogicalResult FlipOp::buildVJP(OpBuilder &b, ValueRange gs, SmallVectorImpl<Value> &grads) {
  if (!isFloatTensor(getInput())) return noGradient(grads);
  grads.push_back(FlipOp::create(b, getLoc(), gs[0], getDimsAttr()));
  return success();
}

} // namespace dlc::dl
