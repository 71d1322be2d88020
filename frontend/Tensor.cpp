//===- Tensor.cpp - a traced value ----------------------------------------===//
#include "frontend/Tensor.h"

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Value.h"

#include <stdexcept>

namespace dlc {

Tensor::Tensor(Graph *graph, mlir::Value value)
    : graph_(graph), value_(value.getAsOpaquePointer()) {}

mlir::Value Tensor::value() const { return mlir::Value::getFromOpaquePointer(value_); }

static mlir::RankedTensorType typeOf(mlir::Value v) {
  return llvm::cast<mlir::RankedTensorType>(v.getType());
}

std::vector<int64_t> Tensor::shape() const {
  auto s = typeOf(value()).getShape();
  return {s.begin(), s.end()};
}
int64_t Tensor::dim(int64_t i) const { return typeOf(value()).getDimSize(i); }
int64_t Tensor::rank() const { return typeOf(value()).getRank(); }
rt::DType Tensor::dtype() const {
  mlir::Type e = typeOf(value()).getElementType();
  if (e.isF32()) return rt::DType::F32;
  if (e.isF64()) return rt::DType::F64;
  if (e.isBF16()) return rt::DType::BF16;
  if (e.isInteger(1)) return rt::DType::I1;
  if (e.isInteger(8)) return rt::DType::I8;
  if (e.isInteger(32)) return rt::DType::I32;
  if (e.isInteger(64)) return rt::DType::I64;
  throw std::logic_error("Tensor::dtype: element type outside rt::DType");
}
std::string Tensor::typeString() const { return rt::typeString(dtype(), shape()); }

} // namespace dlc
