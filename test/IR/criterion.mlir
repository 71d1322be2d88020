// RUN: dlc-opt %s -split-input-file | dlc-opt -split-input-file | FileCheck %s
// RUN: dlc-opt %s -split-input-file --mlir-print-op-generic | dlc-opt -split-input-file | FileCheck %s

// Round trip of the Criterion family (ir/ops/Criterion.td), custom and generic forms.

// CHECK-LABEL: func @cross_entropy
func.func @cross_entropy(%x: tensor<8x5xf32>, %y: tensor<8xi64>, %z: tensor<4x5x7xf64>,
                         %t: tensor<4x7xi32>, %w: tensor<5xf64>, %u: tensor<5xf32>, %v: tensor<i64>)
    -> (tensor<f32>, tensor<4x7xf64>, tensor<f32>) {
  // CHECK: dl.cross_entropy %{{.*}}, %{{.*}} : tensor<8x5xf32>, tensor<8xi64> -> tensor<f32>
  %0 = dl.cross_entropy %x, %y : tensor<8x5xf32>, tensor<8xi64> -> tensor<f32>
  // CHECK: dl.cross_entropy %{{.*}}, %{{.*}} weight %{{.*}} {ignore_index = 0 : i64, label_smoothing = 1.000000e-01 : f64, reduction = "none"} : tensor<4x5x7xf64>, tensor<4x7xi32>, tensor<5xf64> -> tensor<4x7xf64>
  %1 = dl.cross_entropy %z, %t weight %w {ignore_index = 0 : i64, label_smoothing = 0.1 : f64, reduction = "none"}
         : tensor<4x5x7xf64>, tensor<4x7xi32>, tensor<5xf64> -> tensor<4x7xf64>
  // Unbatched: (C) logits, a rank-0 target.
  // CHECK: dl.cross_entropy %{{.*}}, %{{.*}} {reduction = "sum"} : tensor<5xf32>, tensor<i64> -> tensor<f32>
  %2 = dl.cross_entropy %u, %v {reduction = "sum"} : tensor<5xf32>, tensor<i64> -> tensor<f32>
  return %0, %1, %2 : tensor<f32>, tensor<4x7xf64>, tensor<f32>
}

// -----

// CHECK-LABEL: func @nll_loss
func.func @nll_loss(%x: tensor<8x5xf32>, %y: tensor<8xi32>, %w: tensor<5xf32>) -> (tensor<f32>, tensor<8xf32>) {
  // CHECK: dl.nll_loss %{{.*}}, %{{.*}} {reduction = "sum"} : tensor<8x5xf32>, tensor<8xi32> -> tensor<f32>
  %0 = dl.nll_loss %x, %y {reduction = "sum"} : tensor<8x5xf32>, tensor<8xi32> -> tensor<f32>
  // CHECK: dl.nll_loss %{{.*}}, %{{.*}} weight %{{.*}} {ignore_index = 3 : i64, reduction = "none"} : tensor<8x5xf32>, tensor<8xi32>, tensor<5xf32> -> tensor<8xf32>
  %1 = dl.nll_loss %x, %y weight %w {ignore_index = 3 : i64, reduction = "none"} : tensor<8x5xf32>, tensor<8xi32>, tensor<5xf32> -> tensor<8xf32>
  return %0, %1 : tensor<f32>, tensor<8xf32>
}

// -----

// CHECK-LABEL: func @target_weights
func.func @target_weights(%y: tensor<8xi64>, %t: tensor<4x7xi64>, %w: tensor<5xf32>, %s: tensor<i32>)
    -> (tensor<8x5xf32>, tensor<4x5x7xf32>, tensor<5xf64>) {
  // CHECK: dl.target_weights %{{.*}} classes = 5 : tensor<8xi64> -> tensor<8x5xf32>
  %0 = dl.target_weights %y classes = 5 : tensor<8xi64> -> tensor<8x5xf32>
  // CHECK: dl.target_weights %{{.*}} classes = 5 weight %{{.*}} {label_smoothing = 1.000000e-01 : f64} : tensor<4x7xi64>, tensor<5xf32> -> tensor<4x5x7xf32>
  %1 = dl.target_weights %t classes = 5 weight %w {label_smoothing = 0.1 : f64} : tensor<4x7xi64>, tensor<5xf32> -> tensor<4x5x7xf32>
  // CHECK: dl.target_weights %{{.*}} classes = 5 {ignore_index = 1 : i64} : tensor<i32> -> tensor<5xf64>
  %2 = dl.target_weights %s classes = 5 {ignore_index = 1 : i64} : tensor<i32> -> tensor<5xf64>
  return %0, %1, %2 : tensor<8x5xf32>, tensor<4x5x7xf32>, tensor<5xf64>
}

// -----

// CHECK-LABEL: func @class_weighted_sum
func.func @class_weighted_sum(%t: tensor<4x5x7xf32>, %x: tensor<4x5x7xf32>, %u: tensor<5xf64>, %y: tensor<5xf64>)
    -> (tensor<4x7xf32>, tensor<f64>) {
  // CHECK: dl.class_weighted_sum %{{.*}}, %{{.*}} : tensor<4x5x7xf32>, tensor<4x5x7xf32> -> tensor<4x7xf32>
  %0 = dl.class_weighted_sum %t, %x : tensor<4x5x7xf32>, tensor<4x5x7xf32> -> tensor<4x7xf32>
  // CHECK: dl.class_weighted_sum %{{.*}}, %{{.*}} : tensor<5xf64>, tensor<5xf64> -> tensor<f64>
  %1 = dl.class_weighted_sum %u, %y : tensor<5xf64>, tensor<5xf64> -> tensor<f64>
  return %0, %1 : tensor<4x7xf32>, tensor<f64>
}

// -----

// CHECK-LABEL: func @mse_loss
func.func @mse_loss(%a: tensor<10x1xf32>, %b: tensor<10x1xf32>) -> (tensor<f32>, tensor<10x1xf32>) {
  // CHECK: dl.mse_loss %{{.*}}, %{{.*}} : tensor<10x1xf32>, tensor<10x1xf32> -> tensor<f32>
  %0 = dl.mse_loss %a, %b : tensor<10x1xf32>, tensor<10x1xf32> -> tensor<f32>
  // CHECK: dl.mse_loss %{{.*}}, %{{.*}} {reduction = "none"} : tensor<10x1xf32>, tensor<10x1xf32> -> tensor<10x1xf32>
  %1 = dl.mse_loss %a, %b {reduction = "none"} : tensor<10x1xf32>, tensor<10x1xf32> -> tensor<10x1xf32>
  return %0, %1 : tensor<f32>, tensor<10x1xf32>
}

// -----

// CHECK-LABEL: func @bce_with_logits
func.func @bce_with_logits(%x: tensor<4x3xf32>, %t: tensor<4x3xf32>, %p: tensor<3xf32>, %w: tensor<4x1xf32>)
    -> (tensor<f32>, tensor<f32>, tensor<4x3xf32>, tensor<f32>) {
  // CHECK: dl.binary_cross_entropy_with_logits %{{.*}}, %{{.*}} : tensor<4x3xf32>, tensor<4x3xf32> -> tensor<f32>
  %0 = dl.binary_cross_entropy_with_logits %x, %t : tensor<4x3xf32>, tensor<4x3xf32> -> tensor<f32>
  // CHECK: dl.binary_cross_entropy_with_logits %{{.*}}, %{{.*}} pos_weight %{{.*}} : tensor<4x3xf32>, tensor<4x3xf32>, tensor<3xf32> -> tensor<f32>
  %1 = dl.binary_cross_entropy_with_logits %x, %t pos_weight %p : tensor<4x3xf32>, tensor<4x3xf32>, tensor<3xf32> -> tensor<f32>
  // CHECK: dl.binary_cross_entropy_with_logits %{{.*}}, %{{.*}} weight %{{.*}} {reduction = "none"} : tensor<4x3xf32>, tensor<4x3xf32>, tensor<4x1xf32> -> tensor<4x3xf32>
  %2 = dl.binary_cross_entropy_with_logits %x, %t weight %w {reduction = "none"} : tensor<4x3xf32>, tensor<4x3xf32>, tensor<4x1xf32> -> tensor<4x3xf32>
  // CHECK: dl.binary_cross_entropy_with_logits %{{.*}}, %{{.*}} weight %{{.*}} pos_weight %{{.*}} {reduction = "sum"} : tensor<4x3xf32>, tensor<4x3xf32>, tensor<4x1xf32>, tensor<3xf32> -> tensor<f32>
  %3 = dl.binary_cross_entropy_with_logits %x, %t weight %w pos_weight %p {reduction = "sum"} : tensor<4x3xf32>, tensor<4x3xf32>, tensor<4x1xf32>, tensor<3xf32> -> tensor<f32>
  return %0, %1, %2, %3 : tensor<f32>, tensor<f32>, tensor<4x3xf32>, tensor<f32>
}

// -----

// CHECK-LABEL: func @masked_softmax
func.func @masked_softmax(%s: tensor<2x3x5xf32>, %n: tensor<2xi32>, %m: tensor<2x3xi64>)
    -> (tensor<2x3x5xf32>, tensor<2x3x5xf32>, tensor<2x3x5xf32>) {
  // CHECK: dl.masked_softmax %{{.*}} valid_lens %{{.*}} : tensor<2x3x5xf32>, tensor<2xi32>
  %0 = dl.masked_softmax %s valid_lens %n : tensor<2x3x5xf32>, tensor<2xi32>
  // CHECK: dl.masked_softmax %{{.*}} valid_lens %{{.*}} : tensor<2x3x5xf32>, tensor<2x3xi64>
  %1 = dl.masked_softmax %s valid_lens %m : tensor<2x3x5xf32>, tensor<2x3xi64>
  // CHECK: dl.masked_softmax %{{.*}} : tensor<2x3x5xf32>
  %2 = dl.masked_softmax %s : tensor<2x3x5xf32>
  return %0, %1, %2 : tensor<2x3x5xf32>, tensor<2x3x5xf32>, tensor<2x3x5xf32>
}

// -----

// CHECK-LABEL: func @sequence_fill
func.func @sequence_fill(%x: tensor<2x3x5xf32>, %n: tensor<2x3xi64>) -> tensor<2x3x5xf32> {
  // CHECK: dl.sequence_fill %{{.*}}, %{{.*}} value = -1.000000e+06 : tensor<2x3x5xf32>, tensor<2x3xi64>
  %0 = dl.sequence_fill %x, %n value = -1.0e6 : tensor<2x3x5xf32>, tensor<2x3xi64>
  return %0 : tensor<2x3x5xf32>
}
