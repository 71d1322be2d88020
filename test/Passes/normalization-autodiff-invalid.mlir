// RUN: dlc-opt %s -dl-autodiff -split-input-file -verify-diagnostics

// Only the normalized output is differentiable.

func.func @loss(%x: tensor<2x4xf32> {dl.role = "parameter", dl.name = "x"}) -> tensor<f32> {
  // expected-error @+2 {{'dl.layer_norm' op only its first result is differentiable; a loss depends on its saved or running statistics}}
  // expected-error @+1 {{dl-autodiff: gradient rule failed for 'dl.layer_norm'}}
  %y, %m, %r = dl.layer_norm %x normalized_shape = [4] eps = 1.000000e-05
      : tensor<2x4xf32> -> tensor<2x4xf32>, tensor<2x1xf32>, tensor<2x1xf32>
  %s = dl.reduce_sum %m axes = [0, 1] : tensor<2x1xf32> -> tensor<f32>
  return %s : tensor<f32>
}
