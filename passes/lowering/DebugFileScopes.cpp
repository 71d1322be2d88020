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
#include "passes/lowering/DebugFileScopes.h"

#include "mlir/Dialect/LLVMIR/LLVMAttrs.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Path.h"

using namespace mlir;

namespace dlc {
namespace {

/// The first file:line:col inside `loc`, looking through the wrappers.
FileLineColLoc fileLocOf(Location loc) {
  if (auto f = dyn_cast<FileLineColLoc>(loc)) return f;
  if (auto n = dyn_cast<NameLoc>(loc)) return fileLocOf(n.getChildLoc());
  if (auto c = dyn_cast<CallSiteLoc>(loc)) return fileLocOf(c.getCallee());
  if (auto o = dyn_cast<OpaqueLoc>(loc)) return fileLocOf(o.getFallbackLocation());
  if (auto fused = dyn_cast<FusedLoc>(loc))
    for (Location l : fused.getLocations())
      if (FileLineColLoc f = fileLocOf(l)) return f;
  return {};
}

std::string pathOf(LLVM::DIFileAttr file) {
  if (!file) return "";
  llvm::SmallString<256> p(file.getDirectory().getValue());
  llvm::sys::path::append(p, file.getName().getValue());
  return std::string(p);
}

struct DebugFileScopesPass
    : public PassWrapper<DebugFileScopesPass, OperationPass<ModuleOp>> {
  MLIR_DEFINE_EXPLICIT_INTERNAL_INLINE_TYPE_ID(DebugFileScopesPass)

  StringRef getArgument() const override { return "dl-debug-file-scopes"; }
  StringRef getDescription() const override {
    return "Scope each op's debug location in its own file (DILexicalBlockFile), so line "
           "tables name the model's source file rather than the function's";
  }

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

/// Runs before ensure-debug-info-scope-on-llvm-func: LLVM requires a debug
/// location on every call to a defined (inlinable) function inside a function
/// with a DISubprogram, but compiler-made calls (the C-interface wrapper
/// `_mlir_ciface_f` calling `f`) have no source location. They get line 0,
/// DWARF's "no source line".
struct DebugLineZeroPass : public PassWrapper<DebugLineZeroPass, OperationPass<ModuleOp>> {
  MLIR_DEFINE_EXPLICIT_INTERNAL_INLINE_TYPE_ID(DebugLineZeroPass)

  StringRef getArgument() const override { return "dl-debug-line-zero"; }
  StringRef getDescription() const override {
    return "Give calls without a source location line 0, as LLVM's debug-info verifier "
           "requires once functions have a DISubprogram";
  }

  void runOnOperation() override {
    Location lineZero = FileLineColLoc::get(&getContext(), "<unknown>", 0, 0);
    getOperation().walk([&](LLVM::CallOp call) {
      if (!fileLocOf(call.getLoc())) call->setLoc(lineZero);
    });
  }
};

} // namespace

std::unique_ptr<Pass> createDebugFileScopesPass() {
  return std::make_unique<DebugFileScopesPass>();
}

std::unique_ptr<Pass> createDebugLineZeroPass() { return std::make_unique<DebugLineZeroPass>(); }

} // namespace dlc
