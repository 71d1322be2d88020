//===- DebugLineZero.cpp - dl-debug-line-zero -----------------------------===//
//
// Runs before ensure-debug-info-scope-on-llvm-func when debug info is asked
// for (docs/jit.md).
//
//===----------------------------------------------------------------------===//
#include "passes/Passes.h"
#include "passes/lowering/SourceLocations.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"

#define DEBUG_TYPE "dl-debug-line-zero"

namespace dlc {
#define GEN_PASS_DEF_DLDEBUGLINEZERO
#include "passes/Passes.h.inc"
} // namespace dlc

using namespace mlir;

namespace dlc {
namespace {

/// Runs before ensure-debug-info-scope-on-llvm-func: LLVM requires a debug
/// location on every call to a defined (inlinable) function inside a function
/// with a DISubprogram, but compiler-made calls (the C-interface wrapper
/// `_mlir_ciface_f` calling `f`) have no source location. They get line 0,
/// DWARF's "no source line".
struct DLDebugLineZero : impl::DLDebugLineZeroBase<DLDebugLineZero> {
  void runOnOperation() override {
    Location lineZero = FileLineColLoc::get(&getContext(), "<unknown>", 0, 0);
    getOperation().walk([&](LLVM::CallOp call) {
      if (!fileLocOf(call.getLoc())) call->setLoc(lineZero);
    });
  }
};

} // namespace
} // namespace dlc
