// RUN: dlc-opt %s -split-input-file | dlc-opt -split-input-file | FileCheck %s
// RUN: dlc-opt %s -split-input-file --mlir-print-op-generic | dlc-opt -split-input-file | FileCheck %s

// Round trip of the Math family (ir/ops/Math.td), custom and generic forms.

// CHECK-LABEL: func @abs
func.func @abs(%x: tensor<4x3xf32>) -> tensor<4x3xf32> {
  // CHECK: dl.abs %{{.*}} : tensor<4x3xf32>
  %0 = dl.abs %x : tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}
