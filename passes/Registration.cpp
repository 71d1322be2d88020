//===- Registration.cpp - every dialect, pass and pipeline dlc uses -------===//
//
// The one file that includes the "register everything" headers (they are
// costly to compile). dlc and dlc-opt both call these, so a textual pipeline
// that parses in one parses in the other.
//
//===----------------------------------------------------------------------===//
#include "passes/Passes.h"

#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Target/LLVMIR/Dialect/Builtin/BuiltinToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/LLVMIR/LLVMToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/OpenMP/OpenMPToLLVMIRTranslation.h"

#include <mutex>

namespace dlc {

void registerPipelines(); // Pipelines.cpp

void registerDlcDialects(mlir::DialectRegistry &registry) {
  registry.insert<dl::DLDialect>();
  mlir::registerAllDialects(registry);
  mlir::registerAllExtensions(registry);
  mlir::registerBuiltinDialectTranslation(registry);
  mlir::registerLLVMDialectTranslation(registry);
  mlir::registerOpenMPDialectTranslation(registry);
}

void registerAllDlcPasses() {
  // Once per process, and safe when several threads compile at once.
  static std::once_flag once;
  std::call_once(once, [] {
    mlir::registerAllPasses();
    registerDLCPasses();
    registerPipelines();
  });
}

} // namespace dlc
