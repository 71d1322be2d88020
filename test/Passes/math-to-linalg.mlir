// RUN: dlc-opt %s -dl-lower-to-linalg -split-input-file | FileCheck %s

// The Math family's lowering (passes/lowering/MathToLinalg.cpp).

// CHECK-LABEL: func.func @abs(
// CHECK:         linalg.generic
// CHECK:           math.absf
func.func @abs(%x: tensor<4x3xf32>) -> tensor<4x3xf32> {
  %0 = dl.abs %x : tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}
