//===- ShapeToLinalg.cpp - constant, reshape, broadcast_to → tensor/linalg ===//
#include "passes/lowering/LinalgBuilders.h"
#include "passes/lowering/PopulatePatterns.h"

#include "ir/DLOps.h"

using namespace mlir;

namespace dlc::lowering {
namespace {

struct ConstantToArith : OpRewritePattern<dl::ConstantOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(dl::ConstantOp op, PatternRewriter &rw) const override {
    rw.replaceOpWithNewOp<arith::ConstantOp>(op, cast<TypedAttr>(op.getValue()));
    return success();
  }
};

/// Row-major reshape as collapse-to-1-D then expand (through [1] for rank 0).
struct ReshapeToTensor : OpRewritePattern<dl::ReshapeOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(dl::ReshapeOp op, PatternRewriter &rw) const override {
    Location loc = op.getLoc();
    auto in = cast<RankedTensorType>(op.getInput().getType());
    auto out = cast<RankedTensorType>(op.getType());
    auto flat = RankedTensorType::get({in.getNumElements()}, in.getElementType());
    auto allInOne = [](int64_t rank) {
      ReassociationIndices group;
      for (int64_t i = 0; i < rank; ++i) group.push_back(i);
      return SmallVector<ReassociationIndices>{group};
    };
    Value v = op.getInput();
    if (in.getRank() == 0)
      v = tensor::ExpandShapeOp::create(rw, loc, flat, v, SmallVector<ReassociationIndices>{});
    else if (in.getRank() > 1)
      v = tensor::CollapseShapeOp::create(rw, loc, flat, v, allInOne(in.getRank()));
    if (out.getRank() == 0)
      v = tensor::CollapseShapeOp::create(rw, loc, out, v, SmallVector<ReassociationIndices>{});
    else if (out.getRank() > 1)
      v = tensor::ExpandShapeOp::create(rw, loc, out, v, allInOne(out.getRank()));
    rw.replaceOp(op, v);
    return success();
  }
};

struct BroadcastToGeneric : OpRewritePattern<dl::BroadcastToOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(dl::BroadcastToOp op, PatternRewriter &rw) const override {
    Location loc = op.getLoc();
    auto out = cast<RankedTensorType>(op.getType());
    SmallVector<AffineMap> maps{
        broadcastMap(rw.getContext(), cast<RankedTensorType>(op.getInput().getType()),
                     out.getShape()),
        rw.getMultiDimIdentityMap(out.getRank())};
    auto generic = linalg::GenericOp::create(
        rw, loc, out, ValueRange{op.getInput()}, ValueRange{empty(rw, loc, out)}, maps,
        iterators(out.getRank()), [](OpBuilder &b, Location l, ValueRange a) {
          linalg::YieldOp::create(b, l, ValueRange{a[0]});
        });
    rw.replaceOp(op, generic.getResults());
    return success();
  }
};

} // namespace

void populateShapeToLinalg(RewritePatternSet &patterns) {
  patterns.add<ConstantToArith, ReshapeToTensor, BroadcastToGeneric>(patterns.getContext());
}

} // namespace dlc::lowering
