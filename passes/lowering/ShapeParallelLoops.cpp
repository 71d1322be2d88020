//===- ShapeParallelLoops.cpp - dl-shape-parallel-loops -------------------===//
#include "passes/Passes.h"

#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/IRMapping.h"

#define DEBUG_TYPE "dl-shape-parallel-loops"

namespace dlc {
#define GEN_PASS_DEF_DLSHAPEPARALLELLOOPS
#include "passes/Passes.h.inc"
} // namespace dlc

using namespace mlir;

namespace dlc {
namespace {

/// Constant trip count of (lb, ub, step), or 1 when unknown.
int64_t tripCount(Value lb, Value ub, Value step) {
  auto l = getConstantIntValue(lb), u = getConstantIntValue(ub), s = getConstantIntValue(step);
  if (!l || !u || !s || *s <= 0) return 1;
  return std::max<int64_t>(0, (*u - *l + *s - 1) / *s);
}

/// Innermost iterations of the nest rooted at `op`: its parallel trip
/// counts times the deepest chain of scf.for trip counts inside it.
int64_t work(scf::ParallelOp op) {
  int64_t n = 1;
  for (auto [l, u, s] : llvm::zip(op.getLowerBound(), op.getUpperBound(), op.getStep()))
    n *= tripCount(l, u, s);
  int64_t inner = 1;
  op.getBody()->walk([&](scf::ForOp f) {
    int64_t chain = 1;
    for (Operation *p = f; p != op.getOperation(); p = p->getParentOp())
      if (auto loop = dyn_cast<scf::ForOp>(p))
        chain *= tripCount(loop.getLowerBound(), loop.getUpperBound(), loop.getStep());
    inner = std::max(inner, chain);
  });
  return n * inner;
}

/// Rebuilds `op` as loops over dims [first, rank): dim `first` stays parallel
/// when `keepParallel`, all others become scf.for.
void rebuild(scf::ParallelOp op, bool keepParallel) {
  OpBuilder b(op);
  Location loc = op.getLoc();
  IRMapping map;
  unsigned rank = op.getNumLoops();
  std::function<void(OpBuilder &, unsigned)> nest = [&](OpBuilder &nb, unsigned d) {
    if (d == rank) {
      for (Operation &inner : op.getBody()->without_terminator()) nb.clone(inner, map);
      return;
    }
    Value lb = op.getLowerBound()[d], ub = op.getUpperBound()[d], st = op.getStep()[d];
    if (d == 0 && keepParallel) {
      scf::ParallelOp::create(nb, loc, ValueRange{lb}, ValueRange{ub}, ValueRange{st},
                              [&](OpBuilder &pb, Location, ValueRange ivs) {
                                map.map(op.getInductionVars()[d], ivs[0]);
                                nest(pb, d + 1);
                              });
      return;
    }
    scf::ForOp::create(nb, loc, lb, ub, st, ValueRange{},
                       [&](OpBuilder &fb, Location, Value iv, ValueRange) {
                         map.map(op.getInductionVars()[d], iv);
                         nest(fb, d + 1);
                         scf::YieldOp::create(fb, loc);
                       });
  };
  nest(b, 0);
  op.erase();
}

/// Rebuilds a parallel loop with reductions (`scf.reduce` with operands) as
/// sequential scf.for loops that carry the accumulators, inlining each
/// reduction region into the innermost body. convert-scf-to-openmp would
/// turn it into omp.reduction → __kmpc_reduce*, which the OpenMP shim does
/// not serve; our own lowerings never produce such loops (reduction dims
/// come out of convert-linalg-to-parallel-loops as scf.for already), so this
/// only guards hand-written or future input.
void sequentializeReduction(scf::ParallelOp op) {
  OpBuilder b(op);
  Location loc = op.getLoc();
  IRMapping map;
  auto reduce = cast<scf::ReduceOp>(op.getBody()->getTerminator());
  unsigned rank = op.getNumLoops();
  std::function<SmallVector<Value>(OpBuilder &, unsigned, ValueRange)> nest =
      [&](OpBuilder &nb, unsigned d, ValueRange accs) -> SmallVector<Value> {
    if (d == rank) {
      for (Operation &inner : op.getBody()->without_terminator()) nb.clone(inner, map);
      SmallVector<Value> next;
      for (auto [i, region] : llvm::enumerate(reduce.getReductions())) {
        Block &block = region.front();
        map.map(block.getArgument(0), accs[i]);
        map.map(block.getArgument(1), map.lookupOrDefault(reduce.getOperands()[i]));
        for (Operation &r : block.without_terminator()) nb.clone(r, map);
        auto ret = cast<scf::ReduceReturnOp>(block.getTerminator());
        next.push_back(map.lookupOrDefault(ret.getResult()));
      }
      return next;
    }
    auto loop = scf::ForOp::create(
        nb, loc, op.getLowerBound()[d], op.getUpperBound()[d], op.getStep()[d], accs,
        [&](OpBuilder &fb, Location, Value iv, ValueRange iter) {
          map.map(op.getInductionVars()[d], iv);
          scf::YieldOp::create(fb, loc, nest(fb, d + 1, iter));
        });
    return SmallVector<Value>(loop.getResults());
  };
  SmallVector<Value> results = nest(b, 0, op.getInitVals());
  op->replaceAllUsesWith(results);
  op.erase();
}

struct DLShapeParallelLoops : impl::DLShapeParallelLoopsBase<DLShapeParallelLoops> {
  using DLShapeParallelLoopsBase::DLShapeParallelLoopsBase;
  void runOnOperation() override {
    // The walk is post-order: inner loops come first, so an outer rebuild
    // clones bodies whose loops are already rebuilt (and never visits an
    // inner loop it erased).
    SmallVector<scf::ParallelOp> loops;
    getOperation().walk([&](scf::ParallelOp op) { loops.push_back(op); });
    for (scf::ParallelOp op : loops) {
      if (op.getNumResults() != 0) {
        sequentializeReduction(op);
        continue;
      }
      bool nested = op->getParentOfType<scf::ForOp>() || op->getParentOfType<scf::ParallelOp>();
      bool keep = !nested && work(op) >= minWork;
      if (keep && op.getNumLoops() == 1) continue;
      rebuild(op, keep);
    }
  }
};

} // namespace
} // namespace dlc
