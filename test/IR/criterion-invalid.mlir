// RUN: dlc-opt %s -split-input-file -verify-diagnostics

// Verifier and type-constraint failures of the Criterion family. Shape rules
// run inside inferReturnTypes: they report the reason at the op, then MLIR
// adds "failed to infer returned types".

func.func @cross_entropy$target_shape(%x: tensor<4x5x3xf32>, %y: tensor<4x5xi64>) {
  // expected-error @+2 {{target of shape [4, 5] does not match input [4, 5, 3]: expected [4, 3] (the input without its class dimension 1)}}
  // expected-error @+1 {{'dl.cross_entropy' op failed to infer returned types}}
  %0 = dl.cross_entropy %x, %y : tensor<4x5x3xf32>, tensor<4x5xi64> -> tensor<f32>
  return
}

// -----

func.func @cross_entropy$float_target(%x: tensor<4x5xf32>, %y: tensor<4xf32>) {
  // expected-error @+1 {{'dl.cross_entropy' op operand #1 must be statically shaped tensor of 32-bit signless integer or 64-bit signless integer values}}
  %0 = dl.cross_entropy %x, %y : tensor<4x5xf32>, tensor<4xf32> -> tensor<f32>
  return
}

// -----

func.func @cross_entropy$weight_shape(%x: tensor<4x5xf32>, %y: tensor<4xi64>, %w: tensor<4xf32>) {
  // expected-error @+2 {{weight must have one element per class, shape [5], got [4]}}
  // expected-error @+1 {{'dl.cross_entropy' op failed to infer returned types}}
  %0 = dl.cross_entropy %x, %y weight %w : tensor<4x5xf32>, tensor<4xi64>, tensor<4xf32> -> tensor<f32>
  return
}

// -----

func.func @cross_entropy$weight_type(%x: tensor<4x5xf32>, %y: tensor<4xi64>, %w: tensor<5xf64>) {
  // expected-error @+1 {{'dl.cross_entropy' op weight has element type 'f64' but the input has 'f32'}}
  %0 = dl.cross_entropy %x, %y weight %w : tensor<4x5xf32>, tensor<4xi64>, tensor<5xf64> -> tensor<f32>
  return
}

// -----

func.func @cross_entropy$label_smoothing(%x: tensor<4x5xf32>, %y: tensor<4xi64>) {
  // expected-error @+1 {{'dl.cross_entropy' op label_smoothing must be in [0, 1], got 1.5}}
  %0 = dl.cross_entropy %x, %y {label_smoothing = 1.5 : f64} : tensor<4x5xf32>, tensor<4xi64> -> tensor<f32>
  return
}

// -----

func.func @cross_entropy$reduction(%x: tensor<4x5xf32>, %y: tensor<4xi64>) {
  // expected-error @+2 {{reduction must be "none", "mean" or "sum", got "avg"}}
  // expected-error @+1 {{'dl.cross_entropy' op failed to infer returned types}}
  %0 = dl.cross_entropy %x, %y {reduction = "avg"} : tensor<4x5xf32>, tensor<4xi64> -> tensor<f32>
  return
}

// -----

func.func @cross_entropy$result_shape(%x: tensor<4x5xf32>, %y: tensor<4xi64>) {
  // expected-error @+2 {{'dl.cross_entropy' op inferred type(s) 'tensor<4xf32>' are incompatible with return type(s) of operation 'tensor<f32>'}}
  // expected-error @+1 {{'dl.cross_entropy' op failed to infer returned types}}
  %0 = dl.cross_entropy %x, %y {reduction = "none"} : tensor<4x5xf32>, tensor<4xi64> -> tensor<f32>
  return
}

// -----

func.func @cross_entropy$scalar_input(%x: tensor<f32>, %y: tensor<i64>) {
  // expected-error @+2 {{input must have a class dimension: (C), (N, C) or (N, C, d1, ...)}}
  // expected-error @+1 {{'dl.cross_entropy' op failed to infer returned types}}
  %0 = dl.cross_entropy %x, %y : tensor<f32>, tensor<i64> -> tensor<f32>
  return
}

// -----

func.func @nll_loss$target_shape(%x: tensor<4x5xf32>, %y: tensor<5xi32>) {
  // expected-error @+2 {{target of shape [5] does not match input [4, 5]: expected [4]}}
  // expected-error @+1 {{'dl.nll_loss' op failed to infer returned types}}
  %0 = dl.nll_loss %x, %y : tensor<4x5xf32>, tensor<5xi32> -> tensor<f32>
  return
}

// -----

func.func @target_weights$result_shape(%y: tensor<4x7xi64>) {
  // expected-error @+1 {{'dl.target_weights' op result shape [4, 7, 5] should be [4, 5, 7] (the target's with the class dimension 1 inserted)}}
  %0 = dl.target_weights %y classes = 5 : tensor<4x7xi64> -> tensor<4x7x5xf32>
  return
}

// -----

func.func @target_weights$classes(%y: tensor<4xi64>) {
  // expected-error @+1 {{'dl.target_weights' op classes must be positive, got 0}}
  %0 = dl.target_weights %y classes = 0 : tensor<4xi64> -> tensor<4x0xf32>
  return
}

// -----

func.func @target_weights$weight_type(%y: tensor<4xi64>, %w: tensor<5xf64>) {
  // expected-error @+1 {{'dl.target_weights' op weight has element type 'f64' but the result has 'f32'}}
  %0 = dl.target_weights %y classes = 5 weight %w : tensor<4xi64>, tensor<5xf64> -> tensor<4x5xf32>
  return
}

// -----

func.func @class_weighted_sum$shapes(%t: tensor<4x5xf32>, %x: tensor<4x6xf32>) {
  // expected-error @+2 {{weights [4, 5] must have the input's shape [4, 6]}}
  // expected-error @+1 {{'dl.class_weighted_sum' op failed to infer returned types}}
  %0 = dl.class_weighted_sum %t, %x : tensor<4x5xf32>, tensor<4x6xf32> -> tensor<4xf32>
  return
}

// -----

func.func @mse_loss$shapes(%a: tensor<10x1xf32>, %b: tensor<10xf32>) {
  // expected-error @+2 {{target [10] must have the input's shape [10, 1]}}
  // expected-error @+1 {{'dl.mse_loss' op failed to infer returned types}}
  %0 = dl.mse_loss %a, %b : tensor<10x1xf32>, tensor<10xf32> -> tensor<f32>
  return
}

// -----

func.func @mse_loss$types(%a: tensor<10xf32>, %b: tensor<10xf64>) {
  // expected-error @+1 {{'dl.mse_loss' op failed to verify that all of {input, target, result} have same element type}}
  %0 = dl.mse_loss %a, %b : tensor<10xf32>, tensor<10xf64> -> tensor<f32>
  return
}

// -----

func.func @bce$pos_weight(%x: tensor<4x3xf32>, %t: tensor<4x3xf32>, %p: tensor<4xf32>) {
  // expected-error @+2 {{pos_weight: cannot broadcast [4] to [4, 3]}}
  // expected-error @+1 {{'dl.binary_cross_entropy_with_logits' op failed to infer returned types}}
  %0 = dl.binary_cross_entropy_with_logits %x, %t pos_weight %p : tensor<4x3xf32>, tensor<4x3xf32>, tensor<4xf32> -> tensor<f32>
  return
}

// -----

func.func @bce$weight(%x: tensor<4x3xf32>, %t: tensor<4x3xf32>, %w: tensor<2x3xf32>) {
  // expected-error @+2 {{weight: cannot broadcast [2, 3] to [4, 3]}}
  // expected-error @+1 {{'dl.binary_cross_entropy_with_logits' op failed to infer returned types}}
  %0 = dl.binary_cross_entropy_with_logits %x, %t weight %w : tensor<4x3xf32>, tensor<4x3xf32>, tensor<2x3xf32> -> tensor<f32>
  return
}

// -----

func.func @bce$weight_type(%x: tensor<4x3xf32>, %t: tensor<4x3xf32>, %w: tensor<3xf64>) {
  // expected-error @+1 {{'dl.binary_cross_entropy_with_logits' op pos_weight has element type 'f64' but the input has 'f32'}}
  %0 = dl.binary_cross_entropy_with_logits %x, %t pos_weight %w : tensor<4x3xf32>, tensor<4x3xf32>, tensor<3xf64> -> tensor<f32>
  return
}

// -----

func.func @masked_softmax$lens_shape(%s: tensor<2x3x5xf32>, %n: tensor<3xi32>) {
  // expected-error @+1 {{'dl.masked_softmax' op valid_lens of shape [3] must be a leading part of the input's shape [2, 3, 5] without its last dimension, e.g. [2] or [2, 3]}}
  %0 = dl.masked_softmax %s valid_lens %n : tensor<2x3x5xf32>, tensor<3xi32>
  return
}

// -----

func.func @masked_softmax$lens_full_rank(%s: tensor<2x3x5xf32>, %n: tensor<2x3x5xi32>) {
  // expected-error @+1 {{valid_lens of shape [2, 3, 5] must be a leading part}}
  %0 = dl.masked_softmax %s valid_lens %n : tensor<2x3x5xf32>, tensor<2x3x5xi32>
  return
}

// -----

func.func @masked_softmax$rank1(%s: tensor<5xf32>) {
  // expected-error @+1 {{'dl.masked_softmax' op input must have rank >= 2 (rows of scores), got [5]}}
  %0 = dl.masked_softmax %s : tensor<5xf32>
  return
}

// -----

func.func @masked_softmax$float_lens(%s: tensor<2x5xf32>, %n: tensor<2xf32>) {
  // expected-error @+1 {{'dl.masked_softmax' op operand #1 must be statically shaped tensor of 32-bit signless integer or 64-bit signless integer values}}
  %0 = dl.masked_softmax %s valid_lens %n : tensor<2x5xf32>, tensor<2xf32>
  return
}

// -----

func.func @sequence_fill$lens_shape(%x: tensor<2x3x5xf32>, %n: tensor<2x5xi64>) {
  // expected-error @+1 {{'dl.sequence_fill' op valid_lens of shape [2, 5] must be a leading part}}
  %0 = dl.sequence_fill %x, %n value = 0.0 : tensor<2x3x5xf32>, tensor<2x5xi64>
  return
}
