// RUN: dlc-opt %s -dl-autodiff -split-input-file | FileCheck %s

// The VJP rules of the Criterion family (ir/ops/Criterion.cpp).

func.func @loss(%x: tensor<8x5xf32> {dl.role = "parameter", dl.name = "x"}, %y: tensor<8xi64>,
                %w: tensor<5xf32> {dl.role = "parameter", dl.name = "w"}) -> tensor<f32> {
  %0 = dl.cross_entropy %x, %y weight %w {label_smoothing = 0.1 : f64} : tensor<8x5xf32>, tensor<8xi64>, tensor<5xf32> -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

func.func @loss(%x: tensor<4x5x3xf32> {dl.role = "parameter", dl.name = "x"}, %y: tensor<4x3xi32>) -> tensor<f32> {
  %0 = dl.cross_entropy %x, %y {reduction = "none"} : tensor<4x5x3xf32>, tensor<4x3xi32> -> tensor<4x3xf32>
  %1 = dl.reduce_sum %0 axes = [0, 1] : tensor<4x3xf32> -> tensor<f32>
  return %1 : tensor<f32>
}

// -----

func.func @loss(%x: tensor<8x5xf32> {dl.role = "parameter", dl.name = "x"}, %y: tensor<8xi64>) -> tensor<f32> {
  %0 = dl.nll_loss %x, %y {reduction = "sum"} : tensor<8x5xf32>, tensor<8xi64> -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

func.func @loss(%a: tensor<10xf32> {dl.role = "parameter", dl.name = "a"}, %b: tensor<10xf32> {dl.role = "parameter", dl.name = "b"}) -> tensor<f32> {
  %0 = dl.mse_loss %a, %b : tensor<10xf32>, tensor<10xf32> -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

func.func @loss(%x: tensor<4x3xf32> {dl.role = "parameter", dl.name = "x"}, %t: tensor<4x3xf32> {dl.role = "parameter", dl.name = "t"}) -> tensor<f32> {
  %0 = dl.binary_cross_entropy_with_logits %x, %t {reduction = "sum"} : tensor<4x3xf32>, tensor<4x3xf32> -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

func.func @loss(%x: tensor<4x3xf32> {dl.role = "parameter", dl.name = "x"}, %t: tensor<4x3xf32> {dl.role = "parameter", dl.name = "t"}, %p: tensor<3xf32>, %w: tensor<4x1xf32>) -> tensor<f32> {
  %0 = dl.binary_cross_entropy_with_logits %x, %t weight %w pos_weight %p : tensor<4x3xf32>, tensor<4x3xf32>, tensor<4x1xf32>, tensor<3xf32> -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

func.func @loss(%s: tensor<2x3x5xf32> {dl.role = "parameter", dl.name = "s"}, %n: tensor<2xi32>) -> tensor<f32> {
  %0 = dl.masked_softmax %s valid_lens %n : tensor<2x3x5xf32>, tensor<2xi32>
  %1 = dl.reduce_max %0 axes = [0, 1, 2] : tensor<2x3x5xf32> -> tensor<f32>
  return %1 : tensor<f32>
}

// -----

func.func @loss(%s: tensor<2x5xf32> {dl.role = "parameter", dl.name = "s"}) -> tensor<f32> {
  %0 = dl.masked_softmax %s : tensor<2x5xf32>
  %1 = dl.reduce_max %0 axes = [0, 1] : tensor<2x5xf32> -> tensor<f32>
  return %1 : tensor<f32>
}

// -----

func.func @loss(%x: tensor<2x5xf32> {dl.role = "parameter", dl.name = "x"}, %n: tensor<2xi64>) -> tensor<f32> {
  %0 = dl.sequence_fill %x, %n value = 3.0 : tensor<2x5xf32>, tensor<2xi64>
  %1 = dl.reduce_max %0 axes = [0, 1] : tensor<2x5xf32> -> tensor<f32>
  return %1 : tensor<f32>
}

// -----

func.func @loss(%w: tensor<5xf32> {dl.role = "parameter", dl.name = "w"}, %y: tensor<8xi64>) -> tensor<f32> {
  %0 = dl.target_weights %y classes = 5 weight %w : tensor<8xi64>, tensor<5xf32> -> tensor<8x5xf32>
  %1 = dl.reduce_sum %0 axes = [0, 1] : tensor<8x5xf32> -> tensor<f32>
  return %1 : tensor<f32>
}
