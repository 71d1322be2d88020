//===- PoolingToLinalg.cpp - tiling average pooling → linalg --------------===//
//
// Only average pooling whose windows tile the input (stride = kernel, no
// padding; `backendFor` routes exactly those here): then forward is a
// windowed sum and backward spreads each output cotangent evenly over its own
// window, with no overlap. Other pooling is lowered to oneDNN calls by
// dl-lower-to-runtime.
//
//===----------------------------------------------------------------------===//
#include "passes/lowering/Backend.h"
#include "passes/lowering/LinalgBuilders.h"
#include "passes/lowering/PopulatePatterns.h"

#include "ir/DLOps.h"

using namespace mlir;

namespace dlc::lowering {
namespace {

/// The window of a tiling average pool: its extent and 1/(KH·KW).
struct Window {
  int64_t kh, kw;
  float scale;
};

/// The window of `op`, or a match failure when its windows do not tile the
/// input (those pools run on oneDNN via dl-lower-to-runtime).
template <typename OpTy>
FailureOr<Window> tilingWindow(OpTy op, PatternRewriter &rw) {
  if (backendFor(op) != Backend::Linalg)
    return rw.notifyMatchFailure(op, "windows overlap or pad: needs dl-lower-to-runtime");
  int64_t kh = op.getKernel()[0], kw = op.getKernel()[1];
  return Window{kh, kw, 1.0f / float(kh * kw)};
}

/// y[n,c,oh,ow] = Σ_{kh,kw} x[n,c,oh·KH+kh, ow·KW+kw] / (KH·KW)
struct AvgPoolToGeneric : OpRewritePattern<dl::AvgPool2dOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(dl::AvgPool2dOp op, PatternRewriter &rw) const override {
    FailureOr<Window> w = tilingWindow(op, rw);
    if (failed(w)) return failure();
    auto [kh, kw, scale] = *w;
    Location loc = op.getLoc();
    MLIRContext *ctx = rw.getContext();
    auto out = cast<RankedTensorType>(op.getType());
    auto d = [&](unsigned i) { return getAffineDimExpr(i, ctx); };
    // Loops (n, c, oh, ow, kh, kw).
    AffineMap in = AffineMap::get(6, 0, {d(0), d(1), d(2) * kh + d(4), d(3) * kw + d(5)}, ctx);
    AffineMap res = AffineMap::get(6, 0, {d(0), d(1), d(2), d(3)}, ctx);
    // The window sizes only bound the loops: an empty (kh, kw) operand.
    Value window = tensor::EmptyOp::create(rw, loc, ArrayRef<int64_t>{kh, kw}, out.getElementType());
    AffineMap win = AffineMap::get(6, 0, {d(4), d(5)}, ctx);
    auto generic = linalg::GenericOp::create(
        rw, loc, out, ValueRange{op.getInput(), window}, ValueRange{filled(rw, loc, out, 0.0f)},
        ArrayRef<AffineMap>{in, win, res}, iterators(6, SmallVector<int64_t>{4, 5}),
        [scale](OpBuilder &b, Location l, ValueRange a) {
          Value v = arith::MulFOp::create(b, l, a[0], floatLike(b, l, a[0], scale));
          linalg::YieldOp::create(b, l, ValueRange{accumulate(b, l, a[2], v)});
        });
    rw.replaceOp(op, generic.getResults());
    return success();
  }
};

/// dx[n,c,h,w] = dy[n,c,h/KH,w/KW] / (KH·KW)
struct AvgPoolBackwardToGeneric : OpRewritePattern<dl::AvgPool2dBackwardOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(dl::AvgPool2dBackwardOp op, PatternRewriter &rw) const override {
    FailureOr<Window> w = tilingWindow(op, rw);
    if (failed(w)) return failure();
    auto [kh, kw, scale] = *w;
    Location loc = op.getLoc();
    MLIRContext *ctx = rw.getContext();
    auto out = cast<RankedTensorType>(op.getType());
    auto d = [&](unsigned i) { return getAffineDimExpr(i, ctx); };
    AffineMap dy = AffineMap::get(4, 0, {d(0), d(1), d(2).floorDiv(kh), d(3).floorDiv(kw)}, ctx);
    auto generic = linalg::GenericOp::create(
        rw, loc, out, ValueRange{op.getGrad()}, ValueRange{empty(rw, loc, out)},
        ArrayRef<AffineMap>{dy, rw.getMultiDimIdentityMap(4)}, iterators(4),
        [scale](OpBuilder &b, Location l, ValueRange a) {
          linalg::YieldOp::create(b, l, ValueRange{arith::MulFOp::create(b, l, a[0], floatLike(b, l, a[0], scale))});
        });
    rw.replaceOp(op, generic.getResults());
    return success();
  }
};

} // namespace

void populatePoolingToLinalg(RewritePatternSet &patterns) {
  patterns.add<AvgPoolToGeneric, AvgPoolBackwardToGeneric>(patterns.getContext());
}

} // namespace dlc::lowering
