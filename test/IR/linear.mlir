// RUN: dlc-opt %s -split-input-file | dlc-opt -split-input-file | FileCheck %s
// RUN: dlc-opt %s -split-input-file --mlir-print-op-generic | dlc-opt -split-input-file | FileCheck %s

// Round trip of the Linear family (ir/ops/Linear.td), custom and generic forms.

// CHECK-LABEL: func @batch_matmul
func.func @batch_matmul(%a: tensor<8x3x4xf32>, %b: tensor<8x4x5xf32>) -> tensor<8x3x5xf32> {
  // CHECK: dl.batch_matmul %{{.*}}, %{{.*}} : tensor<8x3x4xf32>, tensor<8x4x5xf32> -> tensor<8x3x5xf32>
  %0 = dl.batch_matmul %a, %b : tensor<8x3x4xf32>, tensor<8x4x5xf32> -> tensor<8x3x5xf32>
  return %0 : tensor<8x3x5xf32>
}

// -----

// Broadcast batch dims (2,1) with (5) → (2,5); transposes of either operand.
// CHECK-LABEL: func @batch_matmul$broadcast_transposed
func.func @batch_matmul$broadcast_transposed(%a: tensor<2x1x4x3xf64>, %b: tensor<5x2x4xf64>) -> tensor<2x5x3x2xf64> {
  // CHECK: dl.batch_matmul %{{.*}}, %{{.*}} transpose_lhs transpose_rhs : tensor<2x1x4x3xf64>, tensor<5x2x4xf64> -> tensor<2x5x3x2xf64>
  %0 = dl.batch_matmul %a, %b transpose_lhs transpose_rhs : tensor<2x1x4x3xf64>, tensor<5x2x4xf64> -> tensor<2x5x3x2xf64>
  return %0 : tensor<2x5x3x2xf64>
}

// -----

// A matrix shared by every batch.
// CHECK-LABEL: func @batch_matmul$matrix_rhs
func.func @batch_matmul$matrix_rhs(%a: tensor<6x3x4xf32>, %b: tensor<4x5xf32>) -> tensor<6x3x5xf32> {
  // CHECK: dl.batch_matmul %{{.*}}, %{{.*}} : tensor<6x3x4xf32>, tensor<4x5xf32> -> tensor<6x3x5xf32>
  %0 = dl.batch_matmul %a, %b : tensor<6x3x4xf32>, tensor<4x5xf32> -> tensor<6x3x5xf32>
  return %0 : tensor<6x3x5xf32>
}

// -----

// CHECK-LABEL: func @linear
func.func @linear(%x: tensor<8x5x4xf32>, %w: tensor<3x4xf32>, %b: tensor<3xf32>) -> tensor<8x5x3xf32> {
  // CHECK: dl.linear %{{.*}}, %{{.*}}, %{{.*}} : tensor<8x5x4xf32>, tensor<3x4xf32>, tensor<3xf32> -> tensor<8x5x3xf32>
  %0 = dl.linear %x, %w, %b : tensor<8x5x4xf32>, tensor<3x4xf32>, tensor<3xf32> -> tensor<8x5x3xf32>
  return %0 : tensor<8x5x3xf32>
}

// -----

// Without a bias, and a 1-D input (PyTorch: (in) → (out)).
// CHECK-LABEL: func @linear$no_bias
func.func @linear$no_bias(%x: tensor<4xf64>, %w: tensor<3x4xf64>) -> tensor<3xf64> {
  // CHECK: dl.linear %{{.*}}, %{{.*}} : tensor<4xf64>, tensor<3x4xf64> -> tensor<3xf64>
  %0 = dl.linear %x, %w : tensor<4xf64>, tensor<3x4xf64> -> tensor<3xf64>
  return %0 : tensor<3xf64>
}
