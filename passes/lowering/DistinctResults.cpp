//===- DistinctResults.cpp - dl-distinct-results --------------------------===//
//
// `buffer-results-to-out-params{hoist-static-allocs}` replaces the
// allocation behind each returned memref by that result's out parameter and
// erases it. When one allocation is returned twice (`return %0, %0`: a
// gradient that folds to the loss, or a model returning a value twice) the
// second replacement runs on the erased allocation and the pass crashes
// (SIGSEGV in BaseMemRefType::hasRank, or heap corruption). Giving each
// repeated result a copy of its own before bufferization keeps every
// returned buffer distinct, which is also what the out-parameter contract
// means: the caller gets one buffer per result.
//
//===----------------------------------------------------------------------===//
#include "passes/Passes.h"

#include "llvm/ADT/SmallPtrSet.h"

#define DEBUG_TYPE "dl-distinct-results"

namespace dlc {
#define GEN_PASS_DEF_DLDISTINCTRESULTS
#include "passes/Passes.h.inc"
} // namespace dlc

using namespace mlir;

namespace dlc {
namespace {

/// A fresh tensor holding `v`'s value: linalg.copy into tensor.empty, which
/// One-Shot Bufferize turns into an allocation and a copy.
Value copyOf(OpBuilder &b, Location loc, Value v) {
  auto type = cast<RankedTensorType>(v.getType());
  SmallVector<OpFoldResult> sizes = tensor::getMixedSizes(b, loc, v);
  Value empty = tensor::EmptyOp::create(b, loc, sizes, type.getElementType());
  return linalg::CopyOp::create(b, loc, v, empty).getResult(0);
}

struct DLDistinctResults : impl::DLDistinctResultsBase<DLDistinctResults> {
  void runOnOperation() override {
    getOperation().walk([](func::ReturnOp ret) {
      OpBuilder b(ret);
      llvm::SmallPtrSet<Value, 8> seen;
      for (OpOperand &operand : ret->getOpOperands()) {
        Value v = operand.get();
        if (seen.insert(v).second || !isa<RankedTensorType>(v.getType())) continue;
        operand.set(copyOf(b, ret.getLoc(), v));
      }
    });
  }
};

} // namespace
} // namespace dlc
