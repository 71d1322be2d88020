//===- CompileCommand.cpp - dlc compile: IR at any depth ------------------===//
//
//   dlc compile lenet|mlp|FILE.mlir [--emit=dl|grad|linalg|llvm|llvm-ir] [--train]
//                                   [--func NAME] [--batch-size B] [--weight-decay F]
//                                   [-o FILE]
//
// Runs the named pipelines up to the requested depth and prints the module.
// Errors carry a location (file:line:col for a .mlir file) and never dump
// the module.
//
//===----------------------------------------------------------------------===//
#include "tools/dlc/ArgChecks.h"
#include "tools/dlc/Command.h"
#include "tools/dlc/JitFlags.h"
#include "tools/dlc/Output.h"

#include "frontend/Trainer.h"
#include "frontend/zoo/Zoo.h"
#include "passes/Passes.h"
#include "tools/common/InputChecks.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Support/FileUtilities.h"
#include "mlir/Support/Timing.h"
#include "mlir/Target/LLVMIR/Export.h"

#include "llvm/ADT/SetVector.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/SourceMgr.h"

namespace cl = llvm::cl;

namespace dlc::tools {
namespace {

enum class Emit { DL, Grad, Linalg, LLVM, LLVMIR };

cl::SubCommand CompileCmd("compile", "print a model's IR at any depth of the pipeline");

cl::opt<std::string> input(cl::Positional, cl::Required,
                           cl::desc("<model name (lenet, mlp, mlp_dropout) or .mlir file>"),
                           cl::sub(CompileCmd));
cl::opt<Emit> emit("emit", cl::desc("how deep to lower before printing"),
                   cl::values(clEnumValN(Emit::DL, "dl", "the dl dialect as traced or parsed"),
                              clEnumValN(Emit::Grad, "grad",
                                         "after dl-autodiff and dl-sgd (implies --train)"),
                              clEnumValN(Emit::Linalg, "linalg", "linalg on tensors"),
                              clEnumValN(Emit::LLVM, "llvm", "the LLVM dialect"),
                              clEnumValN(Emit::LLVMIR, "llvm-ir", "LLVM IR")),
                   cl::init(Emit::DL), cl::sub(CompileCmd));
cl::opt<bool> train("train", cl::desc("build @train_step (autodiff + SGD); implied by --emit=grad"),
                    cl::init(false), cl::sub(CompileCmd));
cl::opt<std::string> func("func",
                          cl::desc("the function to differentiate; when given, only it and "
                                   "what it uses or derives are printed"),
                          cl::value_desc("NAME"), cl::init("loss"), cl::sub(CompileCmd));
cl::opt<std::string> output("o", cl::desc("output file (default: standard output)"),
                            cl::value_desc("FILE"), cl::init("-"), cl::sub(CompileCmd));
cl::opt<int64_t> batchSize("batch-size", cl::desc("batch size a zoo model is traced at"),
                           cl::init(256), cl::sub(CompileCmd));
cl::OptionCategory jitCategory("JIT options (docs/jit.md)");
JitFlags jitFlags(CompileCmd, jitCategory); // --debug-info: !dbg locations in --emit=llvm-ir

Stage stageOf(Emit e) {
  switch (e) {
  case Emit::DL: return Stage::DL;
  case Emit::Grad: return Stage::Grad;
  case Emit::Linalg: return Stage::Linalg;
  case Emit::LLVM:
  case Emit::LLVMIR: return Stage::LLVM;
  }
  llvm_unreachable("unknown --emit");
}

/// Keeps only @name, the functions it references (transitively) and
/// declarations; fails with an error at the module's location if there is
/// no @name.
mlir::LogicalResult keepOnlyFunction(mlir::ModuleOp module, llvm::StringRef name) {
  auto root = module.lookupSymbol<mlir::func::FuncOp>(name);
  if (!root) {
    std::string names;
    for (auto f : module.getOps<mlir::func::FuncOp>())
      names += (names.empty() ? "@" : ", @") + f.getSymName().str();
    return module.emitError() << "--func " << name << ": no function @" << name
                              << " in the module (it has: " << (names.empty() ? "none" : names)
                              << ")";
  }
  llvm::SetVector<mlir::Operation *> keep;
  keep.insert(root);
  for (size_t i = 0; i < keep.size(); ++i)
    if (auto uses = mlir::SymbolTable::getSymbolUses(keep[i]))
      for (const mlir::SymbolTable::SymbolUse &use : *uses)
        if (mlir::Operation *callee =
                module.lookupSymbol(use.getSymbolRef().getRootReference()))
          keep.insert(callee);
  for (auto f : llvm::make_early_inc_range(module.getOps<mlir::func::FuncOp>()))
    if (!keep.contains(f.getOperation()) && !f.isDeclaration()) f.erase();
  return mlir::success();
}

/// A module parsed from a file without `module {}` gets the file's location
/// at line 0; make it point at the first line so errors about the whole
/// module read `file.mlir:1:1: error: ...`.
void giveModuleAFileLocation(mlir::ModuleOp module) {
  if (auto loc = llvm::dyn_cast<mlir::FileLineColLoc>(module.getLoc()))
    if (loc.getLine() == 0)
      module->setLoc(mlir::FileLineColLoc::get(loc.getFilename(), 1, 1));
}

int runCompile() {
  Stage stage = stageOf(emit);
  requireBatchFits("batch-size", batchSize, {});
  PipelineOptions po;
  po.training = train || emit == Emit::Grad;
  po.debugInfo = jitFlags.options().debugInfo;
  po.func = func;

  mlir::DialectRegistry registry;
  registerDlcDialects(registry);
  Graph graph;
  mlir::MLIRContext &context = graph.context();
  context.appendDialectRegistry(registry);
  // The location says where; the whole module after it says nothing more.
  context.printOpOnDiagnostic(false);

  // A .mlir file, or a zoo model traced at the requested batch size.
  mlir::OwningOpRef<mlir::ModuleOp> module;
  std::shared_ptr<nn::Module> keepAlive;
  llvm::SourceMgr sources;
  mlir::SourceMgrDiagnosticHandler diagnostics(sources, &context);
  if (llvm::StringRef(input).ends_with(".mlir")) {
    std::string error;
    auto file = mlir::openInputFile(input, &error);
    if (!file) throw Error(error);
    if (failed(checkNestingDepth(*file))) return 1;
    sources.AddNewSourceBuffer(std::move(file), llvm::SMLoc());
    module = mlir::parseSourceFile<mlir::ModuleOp>(sources, &context);
    if (!module) return 1; // the parser reported where
    giveModuleAFileLocation(*module);
  } else {
    zoo::ZooModel zm = zoo::byName(input);
    requireBatchFits("batch-size", batchSize, zm.exampleShape);
    keepAlive = zm.model;
    zm.model->parameters(); // gives the parameters their dotted names ("0.weight")
    TrainerOptions to;
    to.batchSize = batchSize;
    to.exampleShape = zm.exampleShape;
    traceClassifier(graph, *zm.model, to);
    module = graph.takeModule();
  }
  if (func.getNumOccurrences() && failed(keepOnlyFunction(*module, func))) return 1;

  mlir::PassManager pm(&context);
  if (failed(mlir::applyPassManagerCLOptions(pm))) return 1;
  mlir::DefaultTimingManager tm;
  mlir::applyDefaultTimingManagerCLOptions(tm);
  mlir::TimingScope timing = tm.getRootScope();
  pm.enableTiming(timing);
  buildPipeline(pm, stage, po);
  if (failed(pm.run(*module))) return 1;

  if (emit == Emit::LLVMIR) {
    llvm::LLVMContext llvmContext;
    auto llvmModule = mlir::translateModuleToLLVMIR(*module, llvmContext);
    if (!llvmModule) throw Error("translation to LLVM IR failed");
    writeOutput(output, [&](llvm::raw_ostream &os) { llvmModule->print(os, nullptr); });
  } else {
    writeOutput(output, [&](llvm::raw_ostream &os) {
      module->print(os);
      os << "\n";
    });
  }
  return 0;
}

RegisterCommand reg(CompileCmd, &runCompile);

} // namespace
} // namespace dlc::tools
