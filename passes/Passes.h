//===- Passes.h - dlc passes and pipelines -----------------------*- C++ -*-===//
#pragma once

#include "ir/DLOps.h"
#include "passes/PipelineOptions.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/Dialect/X86Vector/X86VectorDialect.h"
#include "mlir/Pass/Pass.h"

namespace dlc {

#define GEN_PASS_DECL
#include "passes/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "passes/Passes.h.inc"


/// Appends the passes that take `dl` IR to `stage`.
void buildPipeline(mlir::OpPassManager &pm, Stage stage, const PipelineOptions &options);

/// Registers dialects' passes and the named pipelines. Idempotent.
void registerAllDlcPasses();

/// Registers every dialect dlc's pipelines touch.
void registerDlcDialects(mlir::DialectRegistry &registry);

} // namespace dlc
