// RUN: dlc-opt %s -dl-lower-to-linalg -split-input-file | FileCheck %s

// The Criterion family's lowering (passes/lowering/CriterionToLinalg.cpp).

func.func @target_weights(%t: tensor<4x7xi64>, %w: tensor<5xf32>) -> tensor<4x5x7xf32> {
  %0 = dl.target_weights %t classes = 5 weight %w {ignore_index = 0 : i64, label_smoothing = 0.25 : f64} : tensor<4x7xi64>, tensor<5xf32> -> tensor<4x5x7xf32>
  return %0 : tensor<4x5x7xf32>
}

// -----

func.func @sequence_fill(%x: tensor<2x3x5xf32>, %n: tensor<2xi32>) -> tensor<2x3x5xf32> {
  %0 = dl.sequence_fill %x, %n value = -1.0e6 : tensor<2x3x5xf32>, tensor<2xi32>
  return %0 : tensor<2x3x5xf32>
}

// -----

func.func @bce_none(%x: tensor<4x3xf32>, %t: tensor<4x3xf32>, %p: tensor<3xf32>) -> tensor<4x3xf32> {
  %0 = dl.binary_cross_entropy_with_logits %x, %t pos_weight %p {reduction = "none"} : tensor<4x3xf32>, tensor<4x3xf32>, tensor<3xf32> -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// -----

func.func @bce_mean(%x: tensor<4x3xf32>, %t: tensor<4x3xf32>) -> tensor<f32> {
  %0 = dl.binary_cross_entropy_with_logits %x, %t : tensor<4x3xf32>, tensor<4x3xf32> -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

func.func @cross_entropy(%x: tensor<8x5xf32>, %y: tensor<8xi64>) -> tensor<f32> {
  %0 = dl.cross_entropy %x, %y : tensor<8x5xf32>, tensor<8xi64> -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

func.func @masked_softmax(%s: tensor<2x3x5xf32>, %n: tensor<2x3xi64>) -> tensor<2x3x5xf32> {
  %0 = dl.masked_softmax %s valid_lens %n : tensor<2x3x5xf32>, tensor<2x3xi64>
  return %0 : tensor<2x3x5xf32>
}

// -----

func.func @mse_loss(%a: tensor<10xf32>, %b: tensor<10xf32>) -> tensor<f32> {
  %0 = dl.mse_loss %a, %b {reduction = "sum"} : tensor<10xf32>, tensor<10xf32> -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

func.func @nll_loss(%x: tensor<8x5xf32>, %y: tensor<8xi32>) -> tensor<8xf32> {
  %0 = dl.nll_loss %x, %y {reduction = "none"} : tensor<8x5xf32>, tensor<8xi32> -> tensor<8xf32>
  return %0 : tensor<8xf32>
}
