//===- DataMovementToLinalg.cpp - the DataMovement family → linalg ---===//
//
// Every op becomes one linalg.generic over its result, never
// tensor.insert_slice / extract_slice: those bufferize to memref.copy
// between strided views, which finalize-memref-to-llvm lowers to a call to
// `memrefCopy` (libmlir_c_runner_utils, not in dlc's JIT) and which runs
// serially. A generic becomes an OpenMP-parallel loop nest like every other
// op, and permute, slice and flip (plain index maps) fuse with elementwise
// neighbours: slice(exp(x)) computes exp only for the sliced elements.
//
// cat and pad pick each result element from one of several places, which no
// index map says, so their body computes indices (linalg.index) and reads
// with tensor.extract at an index clamped into range, then selects; cat reads
// every input per element (select, no branches), cheap for the few inputs a
// cat has.
//
//===----------------------------------------------------------------------===//
#include "passes/lowering/LinalgBuilders.h"
#include "passes/lowering/PopulatePatterns.h"

#include "ir/ops/DataMovementOps.h"
#include "ir/shape/DataMovement.h"

using namespace mlir;

namespace dlc::lowering {
namespace {

/// A generic over `out` reading `input` at `map`(result index).
Value gather(PatternRewriter &rw, Location loc, RankedTensorType out, Value input,
             AffineMap map) {
  SmallVector<AffineMap> maps{map, rw.getMultiDimIdentityMap(out.getRank())};
  auto generic = linalg::GenericOp::create(
      rw, loc, out, ValueRange{input}, ValueRange{empty(rw, loc, out)}, maps,
      iterators(out.getRank()), [](OpBuilder &b, Location l, ValueRange a) {
        linalg::YieldOp::create(b, l, ValueRange{a[0]});
      });
  return generic.getResult(0);
}

/// A generic over `out` whose body `element` computes each element from
/// the result index (linalg.index of every dim).
Value computed(PatternRewriter &rw, Location loc, RankedTensorType out,
               function_ref<Value(OpBuilder &, Location, ArrayRef<Value>)> element) {
  auto generic = linalg::GenericOp::create(
      rw, loc, out, ValueRange{}, ValueRange{empty(rw, loc, out)},
      SmallVector<AffineMap>{rw.getMultiDimIdentityMap(out.getRank())},
      iterators(out.getRank()), [&](OpBuilder &b, Location l, ValueRange) {
        SmallVector<Value> index;
        for (int64_t d = 0; d < out.getRank(); ++d)
          index.push_back(linalg::IndexOp::create(b, l, d));
        linalg::YieldOp::create(b, l, ValueRange{element(b, l, index)});
      });
  return generic.getResult(0);
}

Value indexConst(OpBuilder &b, Location loc, int64_t v) {
  return arith::ConstantIndexOp::create(b, loc, v);
}

/// min(max(i, 0), n - 1): an index into a dim of size n >= 1.
Value clampIndex(OpBuilder &b, Location loc, Value i, int64_t n) {
  Value low = arith::MaxSIOp::create(b, loc, i, indexConst(b, loc, 0));
  return arith::MinSIOp::create(b, loc, low, indexConst(b, loc, n - 1));
}

/// A scalar of `type` (float or integer; the verifier checked integers).
Value scalarOf(OpBuilder &b, Location loc, Type type, double value) {
  if (isa<FloatType>(type)) return floatConst(b, loc, type, value);
  return arith::ConstantOp::create(b, loc, b.getIntegerAttr(type, static_cast<int64_t>(value)));
}

bool isEmpty(RankedTensorType t) { return t.getNumElements() == 0; }

LogicalResult replaceWith(PatternRewriter &rw, Operation *op, Value v) {
  rw.replaceOp(op, v);
  return success();
}

struct PermuteToGeneric : OpRewritePattern<dl::PermuteOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(dl::PermuteOp op, PatternRewriter &rw) const override {
    auto out = cast<RankedTensorType>(op.getType());
    if (isEmpty(out)) return replaceWith(rw, op, empty(rw, op.getLoc(), out));
    // Input dim j is result dim inverse[j].
    SmallVector<unsigned> inverse(out.getRank());
    for (auto [i, d] : llvm::enumerate(op.getDims())) inverse[d] = i;
    rw.replaceOp(op, gather(rw, op.getLoc(), out, op.getInput(),
                            AffineMap::getPermutationMap(inverse, rw.getContext())));
    return success();
  }
};

struct FlipToGeneric : OpRewritePattern<dl::FlipOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(dl::FlipOp op, PatternRewriter &rw) const override {
    auto out = cast<RankedTensorType>(op.getType());
    if (isEmpty(out)) return replaceWith(rw, op, empty(rw, op.getLoc(), out));
    SmallVector<AffineExpr> exprs;
    for (int64_t d = 0; d < out.getRank(); ++d) {
      AffineExpr i = rw.getAffineDimExpr(d);
      exprs.push_back(llvm::is_contained(op.getDims(), d) ? (out.getDimSize(d) - 1) - i : i);
    }
    AffineMap map = AffineMap::get(out.getRank(), 0, exprs, rw.getContext());
    rw.replaceOp(op, gather(rw, op.getLoc(), out, op.getInput(), map));
    return success();
  }
};

struct SliceToGeneric : OpRewritePattern<dl::SliceOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(dl::SliceOp op, PatternRewriter &rw) const override {
    auto out = cast<RankedTensorType>(op.getType());
    if (isEmpty(out)) return replaceWith(rw, op, empty(rw, op.getLoc(), out));
    auto in = cast<RankedTensorType>(op.getInput().getType());
    SmallVector<AffineExpr> exprs;
    for (int64_t d = 0; d < out.getRank(); ++d) {
      AffineExpr i = rw.getAffineDimExpr(d);
      int64_t start = op.getStart()[d], step = op.getStep()[d];
      // Linalg takes a loop's range from the first operand indexing it with
      // a plain dim, here the input: a prefix x[:stop] must not read as
      // `i` (range: the input's size) but as the equal `i mod size`.
      if (start == 0 && step == 1 && in.getDimSize(d) != out.getDimSize(d))
        exprs.push_back(i % in.getDimSize(d));
      else
        exprs.push_back(start + step * i);
    }
    AffineMap map = AffineMap::get(out.getRank(), 0, exprs, rw.getContext());
    rw.replaceOp(op, gather(rw, op.getLoc(), out, op.getInput(), map));
    return success();
  }
};

// y[i] = x[i - lo] where every dim's i - lo is in [0, n), else value.
struct PadToGeneric : OpRewritePattern<dl::PadOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(dl::PadOp op, PatternRewriter &rw) const override {
    Location loc = op.getLoc();
    auto out = cast<RankedTensorType>(op.getType());
    auto in = cast<RankedTensorType>(op.getInput().getType());
    double value = op.getValue().convertToDouble();
    if (isEmpty(out)) return replaceWith(rw, op, empty(rw, loc, out));
    if (in == out) return replaceWith(rw, op, op.getInput());
    if (isEmpty(in)) { // nothing to read: all padding
      Value v = scalarOf(rw, loc, out.getElementType(), value);
      rw.replaceOp(op, linalg::FillOp::create(rw, loc, ValueRange{v},
                                              ValueRange{empty(rw, loc, out)})
                           .getResult(0));
      return success();
    }
    int64_t rank = in.getRank();
    rw.replaceOp(op, computed(rw, loc, out, [&](OpBuilder &b, Location l, ArrayRef<Value> i) {
      Value inside;
      SmallVector<Value> at;
      for (int64_t d = 0; d < rank; ++d) {
        int64_t lo = dl::shape::padOf(op.getPad(), rank, d).first, n = in.getDimSize(d);
        if (out.getDimSize(d) == n) { // this dim is not padded
          at.push_back(i[d]);
          continue;
        }
        Value j = arith::SubIOp::create(b, l, i[d], indexConst(b, l, lo));
        // 0 <= j < n in one unsigned compare (a negative j is huge).
        Value ok = arith::CmpIOp::create(b, l, arith::CmpIPredicate::ult, j, indexConst(b, l, n));
        inside = inside ? arith::AndIOp::create(b, l, inside, ok) : ok;
        at.push_back(clampIndex(b, l, j, n));
      }
      Value x = tensor::ExtractOp::create(b, l, op.getInput(), at);
      return arith::SelectOp::create(b, l, inside, x,
                                     scalarOf(b, l, out.getElementType(), value));
    }));
    return success();
  }
};

// y[.., i, ..] = x_k[.., i - offset_k, ..] for the input k whose range
// along dim holds i: a chain of selects, last input first.
struct CatToGeneric : OpRewritePattern<dl::CatOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(dl::CatOp op, PatternRewriter &rw) const override {
    Location loc = op.getLoc();
    auto out = cast<RankedTensorType>(op.getType());
    int64_t dim = op.getDim();
    if (isEmpty(out)) return replaceWith(rw, op, empty(rw, loc, out));
    // Inputs empty along dim add nothing (and have nothing to read).
    SmallVector<std::pair<Value, int64_t>> parts; // input, offset
    int64_t offset = 0;
    for (Value x : op.getInputs()) {
      int64_t size = cast<RankedTensorType>(x.getType()).getDimSize(dim);
      if (size) parts.push_back({x, offset});
      offset += size;
    }
    if (parts.size() == 1) return replaceWith(rw, op, parts[0].first);
    rw.replaceOp(op, computed(rw, loc, out, [&](OpBuilder &b, Location l, ArrayRef<Value> i) {
      Value picked;
      for (auto [x, start] : llvm::reverse(parts)) {
        int64_t size = cast<RankedTensorType>(x.getType()).getDimSize(dim);
        SmallVector<Value> at(i);
        at[dim] = clampIndex(b, l, arith::SubIOp::create(b, l, i[dim], indexConst(b, l, start)),
                             size);
        Value v = tensor::ExtractOp::create(b, l, x, at);
        if (!picked) { // the last input: every index past the others
          picked = v;
          continue;
        }
        Value here = arith::CmpIOp::create(b, l, arith::CmpIPredicate::slt, i[dim],
                                           indexConst(b, l, start + size));
        picked = arith::SelectOp::create(b, l, here, v, picked);
      }
      return picked;
    }));
    return success();
  }
};

} // namespace

void populateDataMovementToLinalg(RewritePatternSet &patterns) {
  patterns.add<PermuteToGeneric, FlipToGeneric, SliceToGeneric, PadToGeneric, CatToGeneric>(
      patterns.getContext());
}

} // namespace dlc::lowering
