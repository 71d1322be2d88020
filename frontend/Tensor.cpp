//===- Tensor.cpp - a traced value ----------------------------------------===//
#include "frontend/Tensor.h"

#include "mlir/IR/BuiltinTypes.h"

namespace dlc {

static mlir::RankedTensorType typeOf(mlir::Value v) {
  return llvm::cast<mlir::RankedTensorType>(v.getType());
}

std::vector<int64_t> Tensor::shape() const {
  auto s = typeOf(value_).getShape();
  return {s.begin(), s.end()};
}
int64_t Tensor::dim(int64_t i) const { return typeOf(value_).getDimSize(i); }
int64_t Tensor::rank() const { return typeOf(value_).getRank(); }
rt::DType Tensor::dtype() const {
  mlir::Type e = typeOf(value_).getElementType();
  if (e.isF32()) return rt::DType::F32;
  if (e.isF64()) return rt::DType::F64;
  if (e.isBF16()) return rt::DType::BF16;
  if (e.isInteger(1)) return rt::DType::I1;
  if (e.isInteger(8)) return rt::DType::I8;
  if (e.isInteger(64)) return rt::DType::I64;
  return rt::DType::I32;
}
std::string Tensor::typeString() const { return rt::typeString(dtype(), shape()); }

} // namespace dlc
