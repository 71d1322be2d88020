//===- SequenceToLinalg.cpp - the Sequence family → linalg ---===//
//
// Gathers (embedding, index_select) are one linalg.generic over the result
// that reads the table with tensor.extract at a clamped index; scatter-adds
// (index_add, embedding_dense_backward) are sequential scf.for nests over
// the indices (repeated indices accumulate, so the outer loop cannot run in
// parallel) into a fresh zero tensor, which skip a bad index.
//
// Bounds: every run-time index is checked by a sequential scf.for on the
// calling thread (parallel loops run on OpenMP workers, whose thread-local
// error slot the caller never reads) that calls
// `dlc_rt_index_out_of_range(site, index, bound)` (runtime/abi/IndexCheck.h)
// for each bad one; the error slot keeps the first and JitModule::call throws
// it after the call. The loops never touch memory out of bounds, so a bad
// index costs a wrong (clamped) intermediate value and an exception, never a
// crash. The check is one compare per index, cheap next to the rows copied.
//
//===----------------------------------------------------------------------===//
#include "passes/lowering/LinalgBuilders.h"
#include "passes/lowering/PopulatePatterns.h"

#include "ir/ops/SequenceOps.h"
#include "runtime/abi/IndexCheck.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/Matchers.h"

using namespace mlir;

namespace dlc::lowering {

namespace {

Value indexConst(OpBuilder &b, Location loc, int64_t v) {
  return arith::ConstantIndexOp::create(b, loc, v);
}
Value i64Const(OpBuilder &b, Location loc, int64_t v) {
  return arith::ConstantIntOp::create(b, loc, v, 64);
}

/// An i32/i64 id as i64.
Value toI64(OpBuilder &b, Location loc, Value id) {
  if (id.getType().isInteger(64)) return id;
  return arith::ExtSIOp::create(b, loc, b.getI64Type(), id);
}

/// True when the i64 `id` is outside [0, bound): one unsigned compare, as a
/// negative id reads as a huge unsigned one.
Value outOfRange(OpBuilder &b, Location loc, Value id, int64_t bound) {
  return arith::CmpIOp::create(b, loc, arith::CmpIPredicate::uge, id, i64Const(b, loc, bound));
}

/// The i64 `id` clamped to [0, bound - 1] (bound > 0), as an index.
Value clamped(OpBuilder &b, Location loc, Value id, int64_t bound) {
  Value hi = arith::MinSIOp::create(b, loc, id, i64Const(b, loc, bound - 1));
  Value lo = arith::MaxSIOp::create(b, loc, hi, i64Const(b, loc, 0));
  return arith::IndexCastOp::create(b, loc, b.getIndexType(), lo);
}

/// A zero of a scalar type (float, or integer including i1).
Value zeroOf(OpBuilder &b, Location loc, Type t) {
  if (isa<FloatType>(t)) return floatConst(b, loc, t, 0.0);
  return arith::ConstantOp::create(b, loc, b.getIntegerAttr(t, 0));
}

Value zeros(OpBuilder &b, Location loc, RankedTensorType type) {
  return linalg::FillOp::create(b, loc, ValueRange{zeroOf(b, loc, type.getElementType())},
                                ValueRange{empty(b, loc, type)})
      .getResult(0);
}

/// All dims in one group (rank >= 1).
SmallVector<ReassociationIndices> allInOne(int64_t rank) {
  ReassociationIndices group;
  for (int64_t i = 0; i < rank; ++i) group.push_back(i);
  return {group};
}

/// `t` as 1-D (a rank-0 tensor becomes [1]).
Value flattened(OpBuilder &b, Location loc, Value t) {
  auto type = cast<RankedTensorType>(t.getType());
  if (type.getRank() == 1) return t;
  auto flat = RankedTensorType::get({type.getNumElements()}, type.getElementType());
  if (type.getRank() == 0)
    return tensor::ExpandShapeOp::create(b, loc, flat, t, SmallVector<ReassociationIndices>{});
  return tensor::CollapseShapeOp::create(b, loc, flat, t, allInOne(type.getRank()));
}

/// `func.func private @dlc_rt_index_out_of_range(i64, i64, i64)`, declared once.
func::FuncOp indexErrorFunc(OpBuilder &b, Operation *from) {
  auto module = from->getParentOfType<ModuleOp>();
  if (auto f = module.lookupSymbol<func::FuncOp>(rt::kIndexErrorSymbol)) return f;
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(module.getBody());
  Type i64 = b.getI64Type();
  auto f = func::FuncOp::create(b, module.getLoc(), rt::kIndexErrorSymbol,
                                b.getFunctionType({i64, i64, i64}, {}));
  f.setPrivate();
  return f;
}

/// Reports `id` (i64) as out of [0, bound) for `site`.
void reportBadIndex(OpBuilder &b, Location loc, Operation *op, rt::IndexSite site, Value id,
                    int64_t bound) {
  func::CallOp::create(b, loc, indexErrorFunc(b, op),
                       ValueRange{i64Const(b, loc, static_cast<int64_t>(site)), id,
                                  i64Const(b, loc, bound)});
}

/// A sequential loop over the 1-D `ids` that reports each one outside
/// [0, bound) (see the file comment).
void checkIndices(OpBuilder &b, Location loc, Operation *op, rt::IndexSite site, Value ids,
                  int64_t bound) {
  int64_t n = cast<RankedTensorType>(ids.getType()).getDimSize(0);
  if (n == 0) return;
  scf::ForOp::create(b, loc, indexConst(b, loc, 0), indexConst(b, loc, n), indexConst(b, loc, 1),
                     ValueRange{}, [&](OpBuilder &b, Location loc, Value i, ValueRange) {
                       Value id = toI64(b, loc, tensor::ExtractOp::create(b, loc, ids, i));
                       scf::IfOp::create(b, loc, outOfRange(b, loc, id, bound),
                                         [&](OpBuilder &b, Location loc) {
                                           reportBadIndex(b, loc, op, site, id, bound);
                                           scf::YieldOp::create(b, loc);
                                         });
                       scf::YieldOp::create(b, loc);
                     });
}

/// acc[..., index[k], ...] += source[..., k, ...] along `dim` for every k
/// whose index is in range and not `skip` (embedding's padding_idx); a bad
/// index is reported. `index` is 1-D; returns the new acc.
Value scatterAdd(OpBuilder &b, Location loc, Operation *op, rt::IndexSite site, Value acc,
                 Value index, Value source, int64_t dim, std::optional<int64_t> skip) {
  auto accType = cast<RankedTensorType>(acc.getType());
  auto srcType = cast<RankedTensorType>(source.getType());
  int64_t bound = accType.getDimSize(dim), count = srcType.getDimSize(dim);
  Value zero = indexConst(b, loc, 0), one = indexConst(b, loc, 1);
  // The other dims of one slice.
  SmallVector<Value> lbs, ubs, steps;
  for (int64_t d = 0; d < srcType.getRank(); ++d)
    if (d != dim) {
      lbs.push_back(zero);
      ubs.push_back(indexConst(b, loc, srcType.getDimSize(d)));
      steps.push_back(one);
    }
  auto addSlice = [&](OpBuilder &b, Location loc, Value k, Value row, Value acc) -> Value {
    scf::LoopNest nest = scf::buildLoopNest(
        b, loc, lbs, ubs, steps, ValueRange{acc},
        [&](OpBuilder &b, Location loc, ValueRange ivs, ValueRange args) -> scf::ValueVector {
          SmallVector<Value> at(ivs.begin(), ivs.end()), from(ivs.begin(), ivs.end());
          at.insert(at.begin() + dim, row);
          from.insert(from.begin() + dim, k);
          Value sum = accumulate(b, loc, tensor::ExtractOp::create(b, loc, args[0], at),
                                 tensor::ExtractOp::create(b, loc, source, from));
          return {tensor::InsertOp::create(b, loc, sum, args[0], at)};
        });
    return nest.results.empty() ? acc : nest.results[0];
  };
  auto loop = scf::ForOp::create(
      b, loc, zero, indexConst(b, loc, count), one, ValueRange{acc},
      [&](OpBuilder &b, Location loc, Value k, ValueRange args) {
        Value id = toI64(b, loc, tensor::ExtractOp::create(b, loc, index, k));
        auto ifBad = scf::IfOp::create(
            b, loc, outOfRange(b, loc, id, bound),
            [&](OpBuilder &b, Location loc) {
              reportBadIndex(b, loc, op, site, id, bound);
              scf::YieldOp::create(b, loc, args[0]);
            },
            [&](OpBuilder &b, Location loc) {
              Value row = arith::IndexCastOp::create(b, loc, b.getIndexType(), id);
              if (!skip) {
                scf::YieldOp::create(b, loc, addSlice(b, loc, k, row, args[0]));
                return;
              }
              Value isSkipped = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, id,
                                                      i64Const(b, loc, *skip));
              auto ifSkip = scf::IfOp::create(
                  b, loc, isSkipped,
                  [&](OpBuilder &b, Location loc) { scf::YieldOp::create(b, loc, args[0]); },
                  [&](OpBuilder &b, Location loc) {
                    scf::YieldOp::create(b, loc, addSlice(b, loc, k, row, args[0]));
                  });
              scf::YieldOp::create(b, loc, ifSkip.getResults());
            });
        scf::YieldOp::create(b, loc, ifBad.getResults());
      });
  return loop.getResult(0);
}

/// result[..., k, ...] = input[..., clamp(index[k]), ...] along `dim` over
/// the result (`index` read through `indexMap`, i.e. the loop dims it
/// depends on); checks the 1-D `flatIndex` first.
Value gather(OpBuilder &b, Location loc, Operation *op, rt::IndexSite site, Value input,
             Value index, AffineMap indexMap, Value flatIndex, RankedTensorType resultType,
             int64_t dim, int64_t firstLoopDimAfter) {
  auto inType = cast<RankedTensorType>(input.getType());
  int64_t bound = inType.getDimSize(dim);
  checkIndices(b, loc, op, site, flatIndex, bound);
  // An empty table with indices to look up: every index was reported, and
  // there is no row to clamp to.
  if (bound == 0) return zeros(b, loc, resultType);
  int64_t rank = resultType.getRank();
  SmallVector<AffineMap> maps{indexMap, b.getMultiDimIdentityMap(rank)};
  auto generic = linalg::GenericOp::create(
      b, loc, resultType, ValueRange{index}, ValueRange{empty(b, loc, resultType)}, maps,
      iterators(rank), [&](OpBuilder &b, Location loc, ValueRange args) {
        Value row = clamped(b, loc, toI64(b, loc, args[0]), bound);
        // Loop dims before `dim` map one to one; those after start at
        // `firstLoopDimAfter` (embedding: the last loop dim, past the ids').
        SmallVector<Value> at;
        for (int64_t d = 0; d < inType.getRank(); ++d)
          at.push_back(d == dim ? row
                                : Value(linalg::IndexOp::create(
                                      b, loc, d < dim ? d : firstLoopDimAfter + (d - dim - 1))));
        linalg::YieldOp::create(b, loc, ValueRange{tensor::ExtractOp::create(b, loc, input, at)});
      });
  return generic.getResult(0);
}

struct EmbeddingToGather : OpRewritePattern<dl::EmbeddingOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(dl::EmbeddingOp op, PatternRewriter &rw) const override {
    Location loc = op.getLoc();
    auto out = cast<RankedTensorType>(op.getType());
    int64_t ids = cast<RankedTensorType>(op.getInput().getType()).getRank();
    // Loop dims (i..., c): the id is read at (i...), the weight at (id, c).
    SmallVector<AffineExpr> exprs;
    for (int64_t d = 0; d < ids; ++d) exprs.push_back(rw.getAffineDimExpr(d));
    AffineMap idMap = AffineMap::get(ids + 1, 0, exprs, rw.getContext());
    rw.replaceOp(op, gather(rw, loc, op, rt::IndexSite::Embedding, op.getWeight(), op.getInput(),
                            idMap, flattened(rw, loc, op.getInput()), out, /*dim=*/0,
                            /*firstLoopDimAfter=*/ids));
    return success();
  }
};

struct IndexSelectToGather : OpRewritePattern<dl::IndexSelectOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(dl::IndexSelectOp op, PatternRewriter &rw) const override {
    Location loc = op.getLoc();
    auto out = cast<RankedTensorType>(op.getType());
    int64_t dim = op.getDim();
    AffineMap indexMap = AffineMap::get(out.getRank(), 0, rw.getAffineDimExpr(dim));
    rw.replaceOp(op, gather(rw, loc, op, rt::IndexSite::IndexSelect, op.getInput(), op.getIndex(),
                            indexMap, op.getIndex(), out, dim, /*firstLoopDimAfter=*/dim + 1));
    return success();
  }
};

/// input + (the source scattered into zeros). Scattering into `input` itself
/// would let bufferization update the caller's buffer in place when `input`
/// is a function argument (arguments are writable at function boundaries).
struct IndexAddToScatter : OpRewritePattern<dl::IndexAddOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(dl::IndexAddOp op, PatternRewriter &rw) const override {
    Location loc = op.getLoc();
    auto type = cast<RankedTensorType>(op.getType());
    Value added = scatterAdd(rw, loc, op, rt::IndexSite::IndexAdd, zeros(rw, loc, type),
                             op.getIndex(), op.getSource(), op.getDim(), std::nullopt);
    // index_select's gradient adds into zeros: nothing to add.
    if (matchPattern(op.getInput(), m_AnyZeroFloat())) {
      rw.replaceOp(op, added);
      return success();
    }
    AffineMap id = rw.getMultiDimIdentityMap(type.getRank());
    auto sum = linalg::GenericOp::create(
        rw, loc, type, ValueRange{op.getInput(), added}, ValueRange{empty(rw, loc, type)},
        SmallVector<AffineMap>{id, id, id}, iterators(type.getRank()),
        [](OpBuilder &b, Location l, ValueRange a) {
          linalg::YieldOp::create(b, l, ValueRange{arith::AddFOp::create(b, l, a[0], a[1])});
        });
    rw.replaceOp(op, sum.getResults());
    return success();
  }
};

/// Zeros (V, D), then row ids[n] += grad[n] over the flattened ids.
struct EmbeddingDenseBackwardToScatter : OpRewritePattern<dl::EmbeddingDenseBackwardOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(dl::EmbeddingDenseBackwardOp op,
                                PatternRewriter &rw) const override {
    Location loc = op.getLoc();
    auto out = cast<RankedTensorType>(op.getType());
    auto grad = cast<RankedTensorType>(op.getGradOutput().getType());
    Value ids = flattened(rw, loc, op.getIndices());
    int64_t n = cast<RankedTensorType>(ids.getType()).getDimSize(0);
    auto rowsType = RankedTensorType::get({n, out.getDimSize(1)}, grad.getElementType());
    Value rows = op.getGradOutput();
    if (grad.getRank() == 1)
      rows = tensor::ExpandShapeOp::create(rw, loc, rowsType, rows,
                                           SmallVector<ReassociationIndices>{{0, 1}});
    else if (grad.getRank() > 2) {
      ReassociationIndices lead;
      for (int64_t d = 0; d + 1 < grad.getRank(); ++d) lead.push_back(d);
      rows = tensor::CollapseShapeOp::create(
          rw, loc, rowsType, rows,
          SmallVector<ReassociationIndices>{lead, {grad.getRank() - 1}});
    }
    std::optional<int64_t> skip;
    if (auto p = op.getPaddingIdx()) skip = static_cast<int64_t>(*p);
    rw.replaceOp(op, scatterAdd(rw, loc, op, rt::IndexSite::EmbeddingDenseBackward,
                                zeros(rw, loc, out), ids, rows, /*dim=*/0, skip));
    return success();
  }
};

/// The input broadcast along a new dim after `dim`, (..., n, repeats, ...),
/// then collapsed to (..., n * repeats, ...).
struct RepeatInterleaveToGeneric : OpRewritePattern<dl::RepeatInterleaveOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(dl::RepeatInterleaveOp op, PatternRewriter &rw) const override {
    Location loc = op.getLoc();
    auto in = cast<RankedTensorType>(op.getInput().getType());
    auto out = cast<RankedTensorType>(op.getType());
    int64_t dim = op.getDim(), rank = in.getRank();
    SmallVector<int64_t> grouped(in.getShape());
    grouped.insert(grouped.begin() + dim + 1, static_cast<int64_t>(op.getRepeats()));
    auto groupedType = RankedTensorType::get(grouped, in.getElementType());
    SmallVector<AffineExpr> exprs;
    for (int64_t d = 0; d <= rank; ++d)
      if (d != dim + 1) exprs.push_back(rw.getAffineDimExpr(d));
    SmallVector<AffineMap> maps{AffineMap::get(rank + 1, 0, exprs, rw.getContext()),
                                rw.getMultiDimIdentityMap(rank + 1)};
    auto generic = linalg::GenericOp::create(
        rw, loc, groupedType, ValueRange{op.getInput()}, ValueRange{empty(rw, loc, groupedType)},
        maps, iterators(rank + 1), [](OpBuilder &b, Location l, ValueRange a) {
          linalg::YieldOp::create(b, l, ValueRange{a[0]});
        });
    SmallVector<ReassociationIndices> groups;
    for (int64_t d = 0; d < rank; ++d) {
      if (d < dim) groups.push_back({d});
      else if (d == dim) groups.push_back({d, d + 1});
      else groups.push_back({d + 1});
    }
    rw.replaceOpWithNewOp<tensor::CollapseShapeOp>(op, out, generic.getResult(0), groups);
    return success();
  }
};

/// start + i * step in f64 (or i64 for an integer result), rounded once.
struct ArangeToGeneric : OpRewritePattern<dl::ArangeOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(dl::ArangeOp op, PatternRewriter &rw) const override {
    Location loc = op.getLoc();
    auto out = cast<RankedTensorType>(op.getType());
    Type element = out.getElementType();
    double start = op.getStart().convertToDouble(), step = op.getStep().convertToDouble();
    auto generic = linalg::GenericOp::create(
        rw, loc, out, ValueRange{}, ValueRange{empty(rw, loc, out)},
        SmallVector<AffineMap>{rw.getMultiDimIdentityMap(1)}, iterators(1),
        [&](OpBuilder &b, Location l, ValueRange) {
          Value i = arith::IndexCastOp::create(b, l, b.getI64Type(), linalg::IndexOp::create(b, l, 0));
          Value v;
          if (auto it = dyn_cast<IntegerType>(element)) {
            v = arith::AddIOp::create(
                b, l, i64Const(b, l, static_cast<int64_t>(start)),
                arith::MulIOp::create(b, l, i, i64Const(b, l, static_cast<int64_t>(step))));
            if (it.getWidth() != 64) v = arith::TruncIOp::create(b, l, element, v);
          } else {
            Type f64 = b.getF64Type();
            Value fi = arith::SIToFPOp::create(b, l, f64, i);
            v = arith::AddFOp::create(b, l, floatConst(b, l, f64, start),
                                      arith::MulFOp::create(b, l, fi, floatConst(b, l, f64, step)));
            if (element != f64) v = arith::TruncFOp::create(b, l, element, v);
          }
          linalg::YieldOp::create(b, l, v);
        });
    rw.replaceOp(op, generic.getResults());
    return success();
  }
};

/// mask[b..., t] = t < valid_len[b...].
struct SequenceMaskToGeneric : OpRewritePattern<dl::SequenceMaskOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(dl::SequenceMaskOp op, PatternRewriter &rw) const override {
    Location loc = op.getLoc();
    auto out = cast<RankedTensorType>(op.getType());
    int64_t rank = out.getRank();
    SmallVector<AffineExpr> exprs;
    for (int64_t d = 0; d + 1 < rank; ++d) exprs.push_back(rw.getAffineDimExpr(d));
    SmallVector<AffineMap> maps{AffineMap::get(rank, 0, exprs, rw.getContext()),
                                rw.getMultiDimIdentityMap(rank)};
    auto generic = linalg::GenericOp::create(
        rw, loc, out, ValueRange{op.getValidLen()}, ValueRange{empty(rw, loc, out)}, maps,
        iterators(rank), [&](OpBuilder &b, Location l, ValueRange a) {
          Value t = arith::IndexCastOp::create(b, l, b.getI64Type(),
                                               linalg::IndexOp::create(b, l, rank - 1));
          linalg::YieldOp::create(
              b, l,
              ValueRange{arith::CmpIOp::create(b, l, arith::CmpIPredicate::slt, t, toI64(b, l, a[0]))});
        });
    rw.replaceOp(op, generic.getResults());
    return success();
  }
};

} // namespace

void populateSequenceToLinalg(RewritePatternSet &patterns) {
  patterns.add<EmbeddingToGather, IndexSelectToGather, IndexAddToScatter,
               EmbeddingDenseBackwardToScatter, RepeatInterleaveToGeneric, ArangeToGeneric,
               SequenceMaskToGeneric>(
      patterns.getContext());
}

} // namespace dlc::lowering
