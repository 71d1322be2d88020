//===- ApproximateMath.cpp - dl-approximate-math --------------------------===//
#include "passes/Passes.h"

#include "mlir/Dialect/Math/Transforms/Passes.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

#define DEBUG_TYPE "dl-approximate-math"

namespace dlc {
#define GEN_PASS_DEF_DLAPPROXIMATEMATH
#include "passes/Passes.h.inc"
} // namespace dlc

using namespace mlir;

namespace dlc {
namespace {

struct DLApproximateMath : impl::DLApproximateMathBase<DLApproximateMath> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    populateMathPolynomialApproximationPatterns(patterns);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
} // namespace dlc
