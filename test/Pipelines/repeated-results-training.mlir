// RUN: dlc-opt %s --dlc-training-pipeline | FileCheck %s

// Regression (see repeated-results.mlir), dl-autodiff's first test case:
// d exp(x)/dx = exp(x), so after folding @loss_grad returns its loss twice
// (and @train_step is built from it). This crashed the pipeline.
// CHECK-LABEL: llvm.func @loss_grad(
// CHECK:         llvm.return
// CHECK-LABEL: llvm.func @train_step(
// CHECK:         llvm.return
func.func @loss(%x: tensor<f32> {dl.role = "parameter"}) -> tensor<f32> {
  %0 = dl.exp %x : tensor<f32>
  return %0 : tensor<f32>
}
