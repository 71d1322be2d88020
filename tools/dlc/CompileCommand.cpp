//===- CompileCommand.cpp - dlc compile: IR at any depth ------------------===//
#include "tools/dlc/Commands.h"

#include "frontend/Trainer.h"
#include "frontend/zoo/Zoo.h"
#include "passes/Passes.h"
#include "tools/common/InputChecks.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Support/FileUtilities.h"
#include "mlir/Support/Timing.h"
#include "mlir/Target/LLVMIR/Export.h"

#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/ToolOutputFile.h"

namespace dlc::tools {

static Stage parseStage(const std::string &emit) {
  if (emit == "dl") return Stage::DL;
  if (emit == "grad") return Stage::Grad;
  if (emit == "linalg") return Stage::Linalg;
  if (emit == "llvm" || emit == "llvm-ir") return Stage::LLVM;
  throw Error("unknown --emit=" + emit + " (expected dl, grad, linalg, llvm or llvm-ir)");
}

int runCompile(const DriverOptions &o) {
  Stage stage = parseStage(o.emit);
  mlir::DialectRegistry registry;
  registerDlcDialects(registry);

  // A .mlir file, or a zoo model traced at the requested batch size.
  Graph graph;
  graph.context().appendDialectRegistry(registry);
  mlir::OwningOpRef<mlir::ModuleOp> module;
  std::shared_ptr<nn::Module> keepAlive;
  llvm::SourceMgr sources;
  mlir::SourceMgrDiagnosticHandler diagnostics(sources, &graph.context());
  if (llvm::StringRef(o.input).ends_with(".mlir")) {
    std::string error;
    auto file = mlir::openInputFile(o.input, &error);
    if (!file) throw Error(error);
    if (failed(checkNestingDepth(*file))) return 1;
    sources.AddNewSourceBuffer(std::move(file), llvm::SMLoc());
    module = mlir::parseSourceFile<mlir::ModuleOp>(sources, &graph.context());
    if (!module) return 1; // the parser reported where
  } else {
    zoo::ZooModel zm = zoo::byName(o.input);
    keepAlive = zm.model;
    zm.model->parameters();
    TrainerOptions to;
    to.batchSize = o.batchSize;
    to.exampleShape = zm.exampleShape;
    traceClassifier(graph, *zm.model, to);
    module = graph.takeModule();
  }

  mlir::PassManager pm(&graph.context());
  if (failed(mlir::applyPassManagerCLOptions(pm))) return 1;
  mlir::DefaultTimingManager tm;
  mlir::applyDefaultTimingManagerCLOptions(tm);
  mlir::TimingScope timing = tm.getRootScope();
  pm.enableTiming(timing);
  PipelineOptions po;
  po.training = o.train || stage == Stage::Grad;
  po.weightDecay = o.weightDecay;
  buildPipeline(pm, stage, po);
  if (failed(pm.run(*module))) return 1;

  std::string error;
  auto out = mlir::openOutputFile(o.output, &error);
  if (!out) throw Error(error);
  if (o.emit == "llvm-ir") {
    llvm::LLVMContext llvmContext;
    auto llvmModule = mlir::translateModuleToLLVMIR(*module, llvmContext);
    if (!llvmModule) throw Error("translation to LLVM IR failed");
    llvmModule->print(out->os(), nullptr);
  } else {
    module->print(out->os());
    out->os() << "\n";
  }
  out->keep();
  return 0;
}

} // namespace dlc::tools
