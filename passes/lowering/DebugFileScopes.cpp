//===- DebugFileScopes.cpp - line tables in each op's own file ------------===//
//
// ensure-debug-info-scope-on-llvm-func gives each llvm.func a DISubprogram
// in the function's own file. Traced functions have no single source line
// (their location is unknown), so that file is "<unknown>", and MLIR's
// translation attributes every op's line to the scope's file: gdb would
// read `<unknown>:9` for a layer written at Zoo.cpp:9. This pass wraps each
// op location whose file differs from its function's in
// FusedLoc<DILexicalBlockFile(file)>, which translation turns into the
// DILocation's scope, so line 9 means Zoo.cpp:9. Locations are found through
// the DSL's NameLoc("Linear(400, 120)") and FusedLoc wrappers.
//
//===----------------------------------------------------------------------===//
#include "passes/Passes.h"
#include "passes/lowering/SourceLocations.h"

#include "mlir/Dialect/LLVMIR/LLVMAttrs.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Path.h"

#define DEBUG_TYPE "dl-debug-file-scopes"

namespace dlc {
#define GEN_PASS_DEF_DLDEBUGFILESCOPES
#include "passes/Passes.h.inc"
} // namespace dlc

using namespace mlir;

namespace dlc {
namespace {

std::string pathOf(LLVM::DIFileAttr file) {
  if (!file) return "";
  llvm::SmallString<256> p(file.getDirectory().getValue());
  llvm::sys::path::append(p, file.getName().getValue());
  return std::string(p);
}

struct DLDebugFileScopes : impl::DLDebugFileScopesBase<DLDebugFileScopes> {
  void runOnOperation() override {
    MLIRContext *ctx = &getContext();
    for (auto func : getOperation().getOps<LLVM::LLVMFuncOp>()) {
      auto scoped = func.getLoc()->findInstanceOf<FusedLocWith<LLVM::DISubprogramAttr>>();
      if (!scoped) continue; // no debug info requested for this function
      LLVM::DISubprogramAttr subprogram = scoped.getMetadata();
      std::string funcFile = pathOf(subprogram.getFile());
      llvm::StringMap<LLVM::DILexicalBlockFileAttr> blocks;
      func.walk([&](Operation *op) {
        if (op == func.getOperation()) return;
        Location loc = op->getLoc();
        if (isa<FusedLocWith<LLVM::DILocalScopeAttr>>(loc)) return; // already scoped
        FileLineColLoc file = fileLocOf(loc);
        if (!file) return;
        StringRef path = file.getFilename().getValue();
        if (path == funcFile) return;
        LLVM::DILexicalBlockFileAttr &block = blocks[path];
        if (!block)
          block = LLVM::DILexicalBlockFileAttr::get(
              ctx, subprogram,
              LLVM::DIFileAttr::get(ctx, llvm::sys::path::filename(path),
                                    llvm::sys::path::parent_path(path)),
              /*discriminator=*/0);
        op->setLoc(FusedLoc::get(ctx, {loc}, block));
      });
    }
  }
};

} // namespace
} // namespace dlc
