//===- Backend.cpp - which backend serves an op ---------------------------===//
#include "passes/lowering/Backend.h"

#include "ir/DLOps.h"
#include "ir/ShapeFunctions.h"
#include "ir/ops/LinearOps.h"

using namespace mlir;

namespace dlc {

template <typename PoolOp>
static bool tiles(PoolOp op) {
  auto in = cast<RankedTensorType>(op.getInput().getType());
  return dl::shape::windowsTileInput(in.getShape(), op.getKernel(), op.getStride(),
                                     op.getPadding());
}

Backend backendFor(Operation *op, const BackendOptions &options) {
  if (!isa<dl::RuntimeKernelOpInterface>(op)) return Backend::Linalg;
  if (isa<dl::MatmulOp>(op) && (!options.matmulOnRuntime || failed(checkAgainstKernel(op, false))))
    return Backend::Linalg;
  // The batched kernel takes rank-3 operands with batch 1 or the result's;
  // dl-decompose brings other shapes to that form first.
  if (auto bmm = dyn_cast<dl::BatchMatmulOp>(op);
      bmm && (!options.matmulOnRuntime || !bmm.isKernelForm() ||
              failed(checkAgainstKernel(op, false))))
    return Backend::Linalg;
  if (auto pool = dyn_cast<dl::AvgPool2dOp>(op); pool && tiles(pool)) return Backend::Linalg;
  if (auto pool = dyn_cast<dl::AvgPool2dBackwardOp>(op); pool && tiles(pool))
    return Backend::Linalg;
  return Backend::Runtime;
}

Type kernelElementType(MLIRContext *ctx, rt::ElementKind k) {
  switch (k) {
  case rt::ElementKind::F32: return Float32Type::get(ctx);
  case rt::ElementKind::F64: return Float64Type::get(ctx);
  case rt::ElementKind::I8: return IntegerType::get(ctx, 8);
  case rt::ElementKind::I32: return IntegerType::get(ctx, 32);
  case rt::ElementKind::I64: return IntegerType::get(ctx, 64);
  }
  return {};
}

LogicalResult checkAgainstKernel(Operation *o, bool emitErrors) {
  auto op = cast<dl::RuntimeKernelOpInterface>(o);
  auto fail = [&](auto &&describe) {
    if (emitErrors) describe(op->emitError("dl-lower-to-runtime: "));
    return failure();
  };
  StringRef name = op.getKernelName();
  const rt::KernelSpec *spec = rt::findKernel(std::string_view(name.data(), name.size()));
  if (!spec)
    return fail([&](InFlightDiagnostic d) {
      d << "no runtime kernel '" << name << "' in runtime/abi/Kernels.def";
    });
  size_t ins = spec->count(rt::KernelArg::In), outs = spec->count(rt::KernelArg::Out);
  size_t ints = spec->count(rt::KernelArg::Int);
  if (ins != op->getNumOperands() || outs != op->getNumResults() ||
      ints != op.getKernelInts().size())
    return fail([&](InFlightDiagnostic d) {
      d << "kernel '" << name << "' takes " << ins << " inputs, " << outs << " outputs and "
        << ints << " integers; '" << op->getName() << "' has " << op->getNumOperands() << ", "
        << op->getNumResults() << " and " << op.getKernelInts().size();
    });
  SmallVector<Value> values(op->getOperands());
  values.append(op->getResults().begin(), op->getResults().end());
  for (auto [arg, value] : llvm::zip(spec->args.first(ins + outs), values)) {
    auto t = cast<RankedTensorType>(value.getType());
    if (t.getElementType() != kernelElementType(op->getContext(), arg.element) ||
        t.getRank() != arg.rank)
      return fail([&](InFlightDiagnostic d) {
        d << "'" << op->getName() << "' has " << t << " for '" << arg.name
          << "' but the runtime kernel '" << name << "' takes rank-" << arg.rank << " "
          << rt::elementKindName(arg.element) << " (no kernel for this element type)";
      });
  }
  return success();
}

} // namespace dlc
