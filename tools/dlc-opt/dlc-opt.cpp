//===- dlc-opt.cpp - mlir-opt with the dl dialect and dlc passes ----------===//
//
// MlirOptMain's own file handling, with one addition: the input is checked
// for pathological nesting before MLIR's parser sees it.
//
//===----------------------------------------------------------------------===//
#include "passes/Passes.h"
#include "tools/common/InputChecks.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Support/FileUtilities.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"

#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/ToolOutputFile.h"

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  dlc::registerAllDlcPasses();
  mlir::DialectRegistry registry;
  dlc::registerDlcDialects(registry);
  auto [inputFilename, outputFilename] =
      mlir::registerAndParseCLIOptions(argc, argv, "dlc optimizer driver\n", registry);
  mlir::MlirOptMainConfig config = mlir::MlirOptMainConfig::createFromCLOptions();

  std::string error;
  auto input = mlir::openInputFile(inputFilename, &error);
  if (!input) {
    llvm::errs() << error << "\n";
    return 1;
  }
  if (failed(dlc::tools::checkNestingDepth(*input))) return 1;
  auto output = mlir::openOutputFile(outputFilename, &error);
  if (!output) {
    llvm::errs() << error << "\n";
    return 1;
  }
  if (failed(mlir::MlirOptMain(output->os(), std::move(input), registry, config))) return 1;
  output->keep();
  return 0;
}
