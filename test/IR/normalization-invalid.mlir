// RUN: dlc-opt %s -split-input-file -verify-diagnostics

// Verifier and type-constraint failures of the Normalization family.

func.func @layer_norm$trailing_mismatch(%x: tensor<2x3x5xf32>) {
  // expected-error @+2 {{normalized_shape [4] must equal the trailing dims of the input shape [2, 3, 5]}}
  // expected-error @+1 {{'dl.layer_norm' op failed to infer returned types}}
  %y, %m, %r = dl.layer_norm %x normalized_shape = [4] eps = 1.000000e-05
      : tensor<2x3x5xf32> -> tensor<2x3x5xf32>, tensor<2x3x1xf32>, tensor<2x3x1xf32>
  return
}

// -----

func.func @layer_norm$too_many_dims(%x: tensor<4xf32>) {
  // expected-error @+2 {{normalized_shape [1, 4] must equal the trailing dims of the input shape [4]}}
  // expected-error @+1 {{'dl.layer_norm' op failed to infer returned types}}
  %y, %m, %r = dl.layer_norm %x normalized_shape = [1, 4] eps = 1.000000e-05
      : tensor<4xf32> -> tensor<4xf32>, tensor<1xf32>, tensor<1xf32>
  return
}

// -----

func.func @layer_norm$empty_normalized_shape(%x: tensor<2x4xf32>) {
  // expected-error @+2 {{normalized_shape must have at least one dim}}
  // expected-error @+1 {{'dl.layer_norm' op failed to infer returned types}}
  %y, %m, %r = dl.layer_norm %x normalized_shape = [] eps = 1.000000e-05
      : tensor<2x4xf32> -> tensor<2x4xf32>, tensor<2x4xf32>, tensor<2x4xf32>
  return
}

// -----

func.func @layer_norm$weight_shape(%x: tensor<2x3x4xf32>, %w: tensor<4xf32>) {
  // expected-error @+2 {{weight of shape [4] must have the shape of normalized_shape [3, 4]}}
  // expected-error @+1 {{'dl.layer_norm' op failed to infer returned types}}
  %y, %m, %r = dl.layer_norm %x normalized_shape = [3, 4] weight %w : tensor<4xf32> eps = 1.000000e-05
      : tensor<2x3x4xf32> -> tensor<2x3x4xf32>, tensor<2x1x1xf32>, tensor<2x1x1xf32>
  return
}

// -----

func.func @layer_norm$bias_type(%x: tensor<2x4xf32>, %b: tensor<4xf64>) {
  // expected-error @+2 {{bias has element type 'f64' but the input has 'f32'}}
  // expected-error @+1 {{'dl.layer_norm' op failed to infer returned types}}
  %y, %m, %r = dl.layer_norm %x normalized_shape = [4] bias %b : tensor<4xf64> eps = 1.000000e-05
      : tensor<2x4xf32> -> tensor<2x4xf32>, tensor<2x1xf32>, tensor<2x1xf32>
  return
}

// -----

func.func @batch_norm$rank1(%x: tensor<3xf32>, %r: tensor<3xf32>) {
  // expected-error @+2 {{input of shape [3] must have rank >= 2: (N, C) or (N, C, ...)}}
  // expected-error @+1 {{'dl.batch_norm' op failed to infer returned types}}
  %y, %a, %b, %c, %d = dl.batch_norm %x, %r, %r momentum = 1.000000e-01 eps = 1.000000e-05
      : tensor<3xf32>, tensor<3xf32>, tensor<3xf32>
      -> tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>
  return
}

// -----

func.func @batch_norm$running_var_shape(%x: tensor<4x3xf32>, %rm: tensor<3xf32>, %rv: tensor<4xf32>) {
  // expected-error @+2 {{running_var of shape [4] must have the shape of (C) [3]}}
  // expected-error @+1 {{'dl.batch_norm' op failed to infer returned types}}
  %y, %a, %b, %c, %d = dl.batch_norm %x, %rm, %rv momentum = 1.000000e-01 eps = 1.000000e-05
      : tensor<4x3xf32>, tensor<3xf32>, tensor<4xf32>
      -> tensor<4x3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>
  return
}

// -----

func.func @batch_norm$one_value_per_channel(%x: tensor<1x3xf32>, %r: tensor<3xf32>) {
  // expected-error @+2 {{training needs more than one value per channel, got input shape [1, 3]}}
  // expected-error @+1 {{'dl.batch_norm' op failed to infer returned types}}
  %y, %a, %b, %c, %d = dl.batch_norm %x, %r, %r training momentum = 1.000000e-01 eps = 1.000000e-05
      : tensor<1x3xf32>, tensor<3xf32>, tensor<3xf32>
      -> tensor<1x3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>
  return
}

// -----

func.func @batch_norm$running_mean_type(%x: tensor<4x3xf32>, %rm: tensor<3xf64>, %rv: tensor<3xf32>) {
  // expected-error @+2 {{running_mean has element type 'f64' but the input has 'f32'}}
  // expected-error @+1 {{'dl.batch_norm' op failed to infer returned types}}
  %y, %a, %b, %c, %d = dl.batch_norm %x, %rm, %rv momentum = 1.000000e-01 eps = 1.000000e-05
      : tensor<4x3xf32>, tensor<3xf64>, tensor<3xf32>
      -> tensor<4x3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>
  return
}

// -----

func.func @batch_norm$integer(%x: tensor<4x3xi32>, %r: tensor<3xf32>) {
  // expected-error @+1 {{'dl.batch_norm' op operand #0 must be statically shaped tensor of 32-bit float or 64-bit float or bfloat16 type values}}
  %y, %a, %b, %c, %d = dl.batch_norm %x, %r, %r momentum = 1.000000e-01 eps = 1.000000e-05
      : tensor<4x3xi32>, tensor<3xf32>, tensor<3xf32>
      -> tensor<4x3xi32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>
  return
}
