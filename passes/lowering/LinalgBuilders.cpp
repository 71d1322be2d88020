//===- LinalgBuilders.cpp - helpers for dl → linalg patterns --------------===//
#include "passes/lowering/LinalgBuilders.h"

#include "llvm/ADT/STLExtras.h"

using namespace mlir;

namespace dlc::lowering {

Value empty(OpBuilder &b, Location loc, RankedTensorType type) {
  return tensor::EmptyOp::create(b, loc, type.getShape(), type.getElementType());
}

Value filled(OpBuilder &b, Location loc, RankedTensorType type, double value) {
  Value init = empty(b, loc, type);
  Value v = floatConst(b, loc, type.getElementType(), value);
  return linalg::FillOp::create(b, loc, ValueRange{v}, ValueRange{init})
      .getResult(0);
}

AffineMap broadcastMap(MLIRContext *ctx, RankedTensorType operand, ArrayRef<int64_t> resultShape) {
  unsigned rank = resultShape.size(), lead = rank - operand.getRank();
  SmallVector<AffineExpr> exprs;
  for (auto [i, d] : llvm::enumerate(operand.getShape())) {
    unsigned dim = lead + i;
    exprs.push_back(d == 1 && resultShape[dim] != 1 ? getAffineConstantExpr(0, ctx)
                                                    : getAffineDimExpr(dim, ctx));
  }
  return AffineMap::get(rank, 0, exprs, ctx);
}

AffineMap reducedMap(MLIRContext *ctx, unsigned rank, ArrayRef<int64_t> axes, bool keepdims) {
  SmallVector<AffineExpr> exprs;
  for (unsigned d = 0; d < rank; ++d) {
    if (!llvm::is_contained(axes, int64_t(d))) exprs.push_back(getAffineDimExpr(d, ctx));
    else if (keepdims) exprs.push_back(getAffineConstantExpr(0, ctx));
  }
  return AffineMap::get(rank, 0, exprs, ctx);
}

SmallVector<utils::IteratorType> iterators(unsigned rank, ArrayRef<int64_t> axes) {
  SmallVector<utils::IteratorType> its(rank, utils::IteratorType::parallel);
  for (int64_t a : axes) its[a] = utils::IteratorType::reduction;
  return its;
}

Value accumulate(OpBuilder &b, Location loc, Value acc, Value x) {
  return arith::AddFOp::create(b, loc, acc, x, arith::FastMathFlags::reassoc);
}

Value f32(OpBuilder &b, Location loc, float value) {
  return arith::ConstantOp::create(b, loc, b.getF32FloatAttr(value));
}

Value floatConst(OpBuilder &b, Location loc, Type type, double value) {
  return arith::ConstantOp::create(b, loc, b.getFloatAttr(type, value));
}

Value floatLike(OpBuilder &b, Location loc, Value like, double value) {
  return floatConst(b, loc, like.getType(), value);
}

} // namespace dlc::lowering
