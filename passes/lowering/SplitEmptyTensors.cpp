//===- SplitEmptyTensors.cpp - dl-split-empty-tensors ---------------------===//
//
// CSE merges every `tensor.empty() : tensor<16x32xf32>` of a function into
// one value, used as the `outs` of every linalg op of that type. One-Shot
// Bufferize then checks each of those uses for conflicts against all the
// others: quadratic in the number of ops. A 4,000-op elementwise chain spent
// 10 s in bufferization with one shared tensor.empty, 0.6 s with one per use.
// tensor.empty has no value and allocates nothing by itself, so giving each
// use its own changes nothing but the analysis time.
//
//===----------------------------------------------------------------------===//
#include "passes/Passes.h"

#define DEBUG_TYPE "dl-split-empty-tensors"

namespace dlc {
#define GEN_PASS_DEF_DLSPLITEMPTYTENSORS
#include "passes/Passes.h.inc"
} // namespace dlc

using namespace mlir;

namespace dlc {
namespace {

struct DLSplitEmptyTensors : impl::DLSplitEmptyTensorsBase<DLSplitEmptyTensors> {
  void runOnOperation() override {
    SmallVector<tensor::EmptyOp> empties;
    getOperation().walk([&](tensor::EmptyOp op) { empties.push_back(op); });
    for (tensor::EmptyOp empty : empties) {
      // Every use but the first gets a clone just before its user (the
      // dynamic sizes, if any, dominate the original and so the user too).
      SmallVector<OpOperand *> uses;
      for (OpOperand &use : empty->getUses()) uses.push_back(&use);
      for (OpOperand *use : llvm::drop_begin(uses)) {
        OpBuilder b(use->getOwner());
        use->set(b.clone(*empty)->getResult(0));
      }
    }
  }
};

} // namespace
} // namespace dlc
