// RUN: dlc-opt %s -dl-decompose -split-input-file | FileCheck %s

// The decompositions of the Criterion family (ir/ops/Criterion.cpp).

func.func @cross_entropy(%x: tensor<8x5xf32>, %y: tensor<8xi64>, %w: tensor<5xf32>) -> tensor<f32> {
  %0 = dl.cross_entropy %x, %y weight %w {label_smoothing = 0.1 : f64} : tensor<8x5xf32>, tensor<8xi64>, tensor<5xf32> -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

func.func @nll_loss(%x: tensor<4x5x3xf32>, %y: tensor<4x3xi32>) -> tensor<4x3xf32> {
  %0 = dl.nll_loss %x, %y {reduction = "none"} : tensor<4x5x3xf32>, tensor<4x3xi32> -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// -----

func.func @mse_loss(%a: tensor<10xf32>, %b: tensor<10xf32>) -> tensor<f32> {
  %0 = dl.mse_loss %a, %b : tensor<10xf32>, tensor<10xf32> -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

func.func @masked_softmax(%s: tensor<2x3x5xf32>, %n: tensor<2xi32>) -> tensor<2x3x5xf32> {
  %0 = dl.masked_softmax %s valid_lens %n : tensor<2x3x5xf32>, tensor<2xi32>
  return %0 : tensor<2x3x5xf32>
}
