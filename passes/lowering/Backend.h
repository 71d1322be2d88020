//===- Backend.h - which backend serves an op ---------------------*- C++ -*-===//
//
// The one routing decision of lowering: a dl op runs either as a runtime
// kernel call (dl-lower-to-runtime, ops with RuntimeKernelOpInterface) or as
// linalg loops (dl-lower-to-linalg). Every lowering pattern that could take an
// op asks this function, so the two passes never disagree.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "runtime/abi/KernelTable.h"

#include "mlir/IR/Operation.h"

namespace dlc {

enum class Backend { Runtime, Linalg };

struct BackendOptions {
  /// Run dl.matmul as the runtime's sgemm (else a linalg loop nest).
  bool matmulOnRuntime = true;
};

/// Runtime for ops with a runtime kernel, except: matmul and batch_matmul
/// when `matmulOnRuntime` is off or its element type has no kernel (f64:
/// linalg serves any type), batch_matmul not in the kernel's rank-3 form,
/// and average pooling (forward and backward) whose
/// windows tile the input, which is a plain loop nest that fuses with its
/// neighbours in linalg (docs/architecture.md, "pooling policy").
Backend backendFor(mlir::Operation *op, const BackendOptions &options = {});

/// The MLIR element type of a kernel argument.
mlir::Type kernelElementType(mlir::MLIRContext *ctx, rt::ElementKind kind);

/// Checks `op` (a RuntimeKernelOpInterface op) against its kernel's entry in
/// runtime/abi/Kernels.def: counts, element types and ranks. With
/// `emitErrors`, a mismatch is reported on the op, naming the argument and
/// both types.
mlir::LogicalResult checkAgainstKernel(mlir::Operation *op, bool emitErrors);

} // namespace dlc
