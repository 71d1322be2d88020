//===- Contraction.cpp - dl.matmul ----------------------------------------===//
#include "ir/ops/Common.h"

using namespace mlir;

namespace dlc::dl {
using detail::inferred;
using detail::shapeOf;
using detail::tensorType;

LogicalResult MatmulOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                         Adaptor a, SmallVectorImpl<Type> &types) {
  return inferred(loc,
                  shape::matmul(shapeOf(a.getLhs()), shapeOf(a.getRhs()),
                                a.getTransposeLhs(), a.getTransposeRhs()),
                  tensorType(a.getLhs()).getElementType(), types);
}

/// Builds op(a)·op(b) with the inferred type.
static Value matmul(OpBuilder &b, Location loc, Value lhs, Value rhs, bool tl, bool tr) {
  shape::ShapeOrError s = shape::matmul(shapeOf(lhs), shapeOf(rhs), tl, tr);
  auto type = RankedTensorType::get(s.shape, tensorType(lhs).getElementType());
  return MatmulOp::create(b, loc, type, lhs, rhs, tl, tr);
}

// C = op(A)·op(B). With g = dC, the stored operands' cotangents are
//   A·B    : dA = g·Bᵀ     dB = Aᵀ·g
//   A·Bᵀ   : dA = g·B      dB = gᵀ·A
//   Aᵀ·B   : dA = B·gᵀ     dB = A·g
//   Aᵀ·Bᵀ  : dA = Bᵀ·gᵀ    dB = gᵀ·Aᵀ
LogicalResult MatmulOp::buildVJP(OpBuilder &b, ValueRange gs, SmallVectorImpl<Value> &grads) {
  Location loc = getLoc();
  Value g = gs[0], A = getLhs(), B = getRhs();
  bool ta = getTransposeLhs(), tb = getTransposeRhs();
  if (!ta && !tb) {
    grads.push_back(matmul(b, loc, g, B, false, true));
    grads.push_back(matmul(b, loc, A, g, true, false));
  } else if (!ta && tb) {
    grads.push_back(matmul(b, loc, g, B, false, false));
    grads.push_back(matmul(b, loc, g, A, true, false));
  } else if (ta && !tb) {
    grads.push_back(matmul(b, loc, B, g, false, true));
    grads.push_back(matmul(b, loc, A, g, false, false));
  } else {
    grads.push_back(matmul(b, loc, B, g, true, true));
    grads.push_back(matmul(b, loc, g, A, true, true));
  }
  return success();
}

StringRef MatmulOp::getKernelName() { return "matmul"; }
SmallVector<int64_t> MatmulOp::getKernelInts() {
  return {getTransposeLhs() ? 1 : 0, getTransposeRhs() ? 1 : 0};
}

} // namespace dlc::dl
