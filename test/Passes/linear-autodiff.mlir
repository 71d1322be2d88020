// RUN: dlc-opt %s -dl-autodiff -split-input-file | FileCheck %s

// The VJP rules of the Linear family (ir/ops/Linear.cpp).

// C = A·B batched: dA = g·Bᵀ, dB = Aᵀ·g, each summed over the batch dims its
// operand broadcast: A's size-1 dim 1 (kept), B's missing leading dim
// (summed, then reshaped away).
// CHECK-LABEL: func.func @loss_grad(
// CHECK-SAME:    %[[A:[^:]*]]: tensor<2x1x3x4xf32> {{.*}}, %[[B:[^:]*]]: tensor<3x4x5xf32>
// CHECK:         %[[G:.*]] = dl.broadcast_to %{{.*}} : tensor<{{.*}}> -> tensor<2x3x3x5xf32>
// CHECK:         %[[DA:.*]] = dl.batch_matmul %[[G]], %[[B]] transpose_rhs : tensor<2x3x3x5xf32>, tensor<3x4x5xf32> -> tensor<2x3x3x4xf32>
// CHECK:         %[[DB:.*]] = dl.batch_matmul %[[A]], %[[G]] transpose_lhs : tensor<2x1x3x4xf32>, tensor<2x3x3x5xf32> -> tensor<2x3x4x5xf32>
// CHECK:         %[[DAS:.*]] = dl.reduce_sum %[[DA]] axes = [1] keepdims : tensor<2x3x3x4xf32> -> tensor<2x1x3x4xf32>
// CHECK:         %[[DBS:.*]] = dl.reduce_sum %[[DB]] axes = [0] keepdims : tensor<2x3x4x5xf32> -> tensor<1x3x4x5xf32>
// CHECK:         %[[DBR:.*]] = dl.reshape %[[DBS]] : tensor<1x3x4x5xf32> -> tensor<3x4x5xf32>
// CHECK:         return %{{.*}}, %[[DAS]], %[[DBR]]
func.func @loss(%a: tensor<2x1x3x4xf32> {dl.role = "parameter", dl.name = "a"},
                %b: tensor<3x4x5xf32> {dl.role = "parameter", dl.name = "b"}) -> tensor<f32> {
  %p = dl.batch_matmul %a, %b : tensor<2x1x3x4xf32>, tensor<3x4x5xf32> -> tensor<2x3x3x5xf32>
  %s = dl.reduce_sum %p axes = [0, 1, 2, 3] : tensor<2x3x3x5xf32> -> tensor<f32>
  return %s : tensor<f32>
}

// -----

// Both transposed: dA = Bᵀ·gᵀ, dB = gᵀ·Aᵀ.
// CHECK-LABEL: func.func @loss_grad(
// CHECK-SAME:    %[[A:[^:]*]]: tensor<2x4x3xf32> {{.*}}, %[[B:[^:]*]]: tensor<2x5x4xf32>
// CHECK:         dl.batch_matmul %[[B]], %[[G:.*]] transpose_lhs transpose_rhs : tensor<2x5x4xf32>, tensor<2x3x5xf32> -> tensor<2x4x3xf32>
// CHECK:         dl.batch_matmul %[[G]], %[[A]] transpose_lhs transpose_rhs : tensor<2x3x5xf32>, tensor<2x4x3xf32> -> tensor<2x5x4xf32>
func.func @loss(%a: tensor<2x4x3xf32> {dl.role = "parameter", dl.name = "a"},
                %b: tensor<2x5x4xf32> {dl.role = "parameter", dl.name = "b"}) -> tensor<f32> {
  %p = dl.batch_matmul %a, %b transpose_lhs transpose_rhs : tensor<2x4x3xf32>, tensor<2x5x4xf32> -> tensor<2x3x5xf32>
  %s = dl.reduce_sum %p axes = [0, 1, 2] : tensor<2x3x5xf32> -> tensor<f32>
  return %s : tensor<f32>
}

// -----

// linear over rows (P, in) = (10, 4): dx = g·W reshaped back, dW = gᵀ·x,
// db = Σ_rows g.
// CHECK-LABEL: func.func @loss_grad(
// CHECK-SAME:    %[[X:[^:]*]]: tensor<2x5x4xf32> {{.*}}, %[[W:[^:]*]]: tensor<3x4xf32> {{.*}}, %[[B:[^:]*]]: tensor<3xf32>
// CHECK:         %[[G:.*]] = dl.reshape %{{.*}} : tensor<2x5x3xf32> -> tensor<10x3xf32>
// CHECK:         %[[XR:.*]] = dl.reshape %[[X]] : tensor<2x5x4xf32> -> tensor<10x4xf32>
// CHECK:         %[[DXR:.*]] = dl.matmul %[[G]], %[[W]] : tensor<10x3xf32>, tensor<3x4xf32> -> tensor<10x4xf32>
// CHECK:         %[[DX:.*]] = dl.reshape %[[DXR]] : tensor<10x4xf32> -> tensor<2x5x4xf32>
// CHECK:         %[[DW:.*]] = dl.matmul %[[G]], %[[XR]] transpose_lhs : tensor<10x3xf32>, tensor<10x4xf32> -> tensor<3x4xf32>
// CHECK:         %[[DBS:.*]] = dl.reduce_sum %[[G]] axes = [0] keepdims : tensor<10x3xf32> -> tensor<1x3xf32>
// CHECK:         %[[DB:.*]] = dl.reshape %[[DBS]] : tensor<1x3xf32> -> tensor<3xf32>
// CHECK:         return %{{.*}}, %[[DX]], %[[DW]], %[[DB]]
func.func @loss(%x: tensor<2x5x4xf32> {dl.role = "parameter", dl.name = "x"},
                %w: tensor<3x4xf32> {dl.role = "parameter", dl.name = "w"},
                %b: tensor<3xf32> {dl.role = "parameter", dl.name = "b"}) -> tensor<f32> {
  %y = dl.linear %x, %w, %b : tensor<2x5x4xf32>, tensor<3x4xf32>, tensor<3xf32> -> tensor<2x5x3xf32>
  %s = dl.reduce_sum %y axes = [0, 1, 2] : tensor<2x5x3xf32> -> tensor<f32>
  return %s : tensor<f32>
}

// -----

// Without a bias: gradients for input and weight only.
// CHECK-LABEL: func.func @loss_grad(
// CHECK:         dl.matmul %{{.*}}, %{{.*}} : tensor<6x3xf32>, tensor<3x4xf32> -> tensor<6x4xf32>
// CHECK:         dl.matmul %{{.*}}, %{{.*}} transpose_lhs : tensor<6x3xf32>, tensor<6x4xf32> -> tensor<3x4xf32>
// CHECK-NOT:     dl.reduce_sum {{.*}} -> tensor<1x3xf32>
// CHECK:         return %{{.*}}, %{{.*}}, %{{.*}} : tensor<f32>, tensor<6x4xf32>, tensor<3x4xf32>
func.func @loss(%x: tensor<6x4xf32> {dl.role = "parameter", dl.name = "x"},
                %w: tensor<3x4xf32> {dl.role = "parameter", dl.name = "w"}) -> tensor<f32> {
  %y = dl.linear %x, %w : tensor<6x4xf32>, tensor<3x4xf32> -> tensor<6x3xf32>
  %s = dl.reduce_sum %y axes = [0, 1] : tensor<6x3xf32> -> tensor<f32>
  return %s : tensor<f32>
}
