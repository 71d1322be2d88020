//===- dlc-opt.cpp - mlir-opt with the dl dialect and dlc passes ----------===//
#include "passes/Passes.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"

int main(int argc, char **argv) {
  dlc::registerAllDlcPasses();
  mlir::DialectRegistry registry;
  dlc::registerDlcDialects(registry);
  return mlir::asMainReturnCode(mlir::MlirOptMain(argc, argv, "dlc optimizer driver\n", registry));
}
