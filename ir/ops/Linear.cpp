//===- Linear.cpp - verifiers and VJPs of the Linear family ---===//
#include "ir/ops/LinearOps.h"

#include "ir/OpFamilies.h"
#include "ir/ops/Common.h"
#include "ir/shape/Linear.h"

#include "mlir/IR/TypeUtilities.h"

// The generated verifiers (AllElementTypesMatch) name mlir functions unqualified.
using namespace mlir;

#define GET_OP_CLASSES
#include "ir/ops/LinearOps.cpp.inc"

namespace dlc::dl {
using detail::check;
using detail::inferred;
using detail::shapeOf;
using detail::tensorType;

void registerLinearOps(DLDialect &dialect) {
  dialect.addFamily<
#define GET_OP_LIST
#include "ir/ops/LinearOps.cpp.inc"
      >();
}

/// `v` reshaped to `shape` (itself when it already has it).
static Value reshaped(OpBuilder &b, Location loc, Value v, ArrayRef<int64_t> shape) {
  if (shapeOf(v) == shape) return v;
  return ReshapeOp::create(b, loc, RankedTensorType::get(shape, tensorType(v).getElementType()),
                           v);
}

static int64_t product(ArrayRef<int64_t> dims) {
  int64_t n = 1;
  for (int64_t d : dims) n *= d;
  return n;
}

//===----------------------------------------------------------------------===//
// batch_matmul
//===----------------------------------------------------------------------===//

LogicalResult BatchMatmulOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                              Adaptor a, SmallVectorImpl<Type> &types) {
  return inferred(loc,
                  shape::batchMatmul(shapeOf(a.getLhs()), shapeOf(a.getRhs()),
                                     a.getTransposeLhs(), a.getTransposeRhs()),
                  tensorType(a.getLhs()).getElementType(), types);
}

/// Builds the batched op(a)·op(b) with the inferred type: a dl.matmul when
/// both are matrices (a gradient of a product with a shared matrix can be).
static Value batchMatmul(OpBuilder &b, Location loc, Value lhs, Value rhs, bool tl, bool tr) {
  Type element = tensorType(lhs).getElementType();
  if (shapeOf(lhs).size() == 2 && shapeOf(rhs).size() == 2) {
    shape::ShapeOrError s = shape::matmul(shapeOf(lhs), shapeOf(rhs), tl, tr);
    return MatmulOp::create(b, loc, RankedTensorType::get(s.shape, element), lhs, rhs, tl, tr);
  }
  shape::ShapeOrError s = shape::batchMatmul(shapeOf(lhs), shapeOf(rhs), tl, tr);
  return BatchMatmulOp::create(b, loc, RankedTensorType::get(s.shape, element), lhs, rhs, tl,
                               tr);
}

// As dl.matmul's rule (ir/ops/Contraction.cpp), per batch:
//   A·B    : dA = g·Bᵀ     dB = Aᵀ·g
//   A·Bᵀ   : dA = g·B      dB = gᵀ·A
//   Aᵀ·B   : dA = B·gᵀ     dB = A·g
//   Aᵀ·Bᵀ  : dA = Bᵀ·gᵀ    dB = gᵀ·Aᵀ
// g has the full (broadcast) batch, so each product does too; summing it
// over the batch dims the operand broadcast (un-broadcasting) gives the
// operand's shape.
LogicalResult BatchMatmulOp::buildVJP(OpBuilder &b, ValueRange gs,
                                      SmallVectorImpl<Value> &grads) {
  Location loc = getLoc();
  Value g = gs[0], A = getLhs(), B = getRhs();
  bool ta = getTransposeLhs(), tb = getTransposeRhs();
  Value dA, dB;
  if (!ta && !tb) {
    dA = batchMatmul(b, loc, g, B, false, true);
    dB = batchMatmul(b, loc, A, g, true, false);
  } else if (!ta && tb) {
    dA = batchMatmul(b, loc, g, B, false, false);
    dB = batchMatmul(b, loc, g, A, true, false);
  } else if (ta && !tb) {
    dA = batchMatmul(b, loc, B, g, false, true);
    dB = batchMatmul(b, loc, A, g, false, false);
  } else {
    dA = batchMatmul(b, loc, B, g, true, true);
    dB = batchMatmul(b, loc, g, A, true, true);
  }
  grads.push_back(unbroadcast(b, loc, dA, tensorType(A)));
  grads.push_back(unbroadcast(b, loc, dB, tensorType(B)));
  return success();
}

bool BatchMatmulOp::isKernelForm() {
  ArrayRef<int64_t> a = shapeOf(getLhs()), b = shapeOf(getRhs()), c = shapeOf(getResult());
  if (a.size() != 3 || b.size() != 3) return false;
  return (a[0] == 1 || a[0] == c[0]) && (b[0] == 1 || b[0] == c[0]);
}

/// An operand as (1 or P, rows, cols) for the kernel form: its batch dims
/// (padded with 1s to `batch`'s rank) are all 1 or exactly `batch` (then
/// collapsed); else it is first broadcast to `batch`.
static Value kernelOperand(OpBuilder &b, Location loc, Value v, ArrayRef<int64_t> batch) {
  ArrayRef<int64_t> s = shapeOf(v);
  shape::Shape own = shape::batchDims(s, batch.size());
  int64_t rows = s[s.size() - 2], cols = s[s.size() - 1];
  if (llvm::all_of(own, [](int64_t d) { return d == 1; }))
    return reshaped(b, loc, v, {1, rows, cols});
  if (ArrayRef<int64_t>(own) != batch) {
    shape::Shape full(batch.begin(), batch.end());
    full.append({rows, cols});
    v = BroadcastToOp::create(
        b, loc, RankedTensorType::get(full, tensorType(v).getElementType()), v);
  }
  return reshaped(b, loc, v, {product(batch), rows, cols});
}

// Other shapes become the kernel form: batch dims collapsed into one.
LogicalResult BatchMatmulOp::decompose(OpBuilder &b, SmallVectorImpl<Value> &results) {
  if (isKernelForm()) return failure();
  Location loc = getLoc();
  ArrayRef<int64_t> out = shapeOf(getResult());
  ArrayRef<int64_t> batch = out.drop_back(2);
  Value lhs = kernelOperand(b, loc, getLhs(), batch);
  Value rhs = kernelOperand(b, loc, getRhs(), batch);
  Value product = batchMatmul(b, loc, lhs, rhs, getTransposeLhs(), getTransposeRhs());
  results.push_back(reshaped(b, loc, product, out));
  return success();
}

StringRef BatchMatmulOp::getKernelName() { return "batch_matmul"; }
SmallVector<int64_t> BatchMatmulOp::getKernelInts() {
  return {getTransposeLhs() ? 1 : 0, getTransposeRhs() ? 1 : 0};
}

//===----------------------------------------------------------------------===//
// linear
//===----------------------------------------------------------------------===//

static std::optional<ArrayRef<int64_t>> biasShape(Value bias) {
  if (!bias) return std::nullopt;
  return shapeOf(bias);
}

LogicalResult LinearOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                         Adaptor a, SmallVectorImpl<Type> &types) {
  return inferred(loc,
                  shape::linear(shapeOf(a.getInput()), shapeOf(a.getWeight()),
                                biasShape(a.getBias())),
                  tensorType(a.getInput()).getElementType(), types);
}

LogicalResult LinearOp::verify() {
  if (Value bias = getBias();
      bias && tensorType(bias).getElementType() != tensorType(getInput()).getElementType())
    return emitOpError("bias element type ")
           << tensorType(bias).getElementType() << " differs from the input's "
           << tensorType(getInput()).getElementType();
  return success();
}

/// The input as (P, in), P the product of its leading dims.
static Value asRows(OpBuilder &b, Location loc, Value x) {
  ArrayRef<int64_t> s = shapeOf(x);
  return reshaped(b, loc, x, {product(s.drop_back()), s.back()});
}

static Value matmul(OpBuilder &b, Location loc, Value lhs, Value rhs, bool tl, bool tr) {
  shape::ShapeOrError s = shape::matmul(shapeOf(lhs), shapeOf(rhs), tl, tr);
  return MatmulOp::create(b, loc, RankedTensorType::get(s.shape, tensorType(lhs).getElementType()),
                          lhs, rhs, tl, tr);
}

// y = x·Wᵀ + b over rows x (P, in) of the input:
//   dx = g·W (reshaped back),  dW = gᵀ·x,  db = Σ_rows g.
LogicalResult LinearOp::buildVJP(OpBuilder &b, ValueRange gs, SmallVectorImpl<Value> &grads) {
  Location loc = getLoc();
  Value g = asRows(b, loc, gs[0]), x = asRows(b, loc, getInput());
  grads.push_back(reshaped(b, loc, matmul(b, loc, g, getWeight(), false, false),
                           shapeOf(getInput())));
  grads.push_back(matmul(b, loc, g, x, true, false));
  if (getBias()) grads.push_back(unbroadcast(b, loc, g, tensorType(getBias())));
  return success();
}

LogicalResult LinearOp::decompose(OpBuilder &b, SmallVectorImpl<Value> &results) {
  Location loc = getLoc();
  Value rows = matmul(b, loc, asRows(b, loc, getInput()), getWeight(), false, true);
  Value y = reshaped(b, loc, rows, shapeOf(getResult()));
  if (getBias()) y = binary<AddOp>(b, loc, y, getBias());
  results.push_back(y);
  return success();
}

} // namespace dlc::dl
