// RUN: dlc-opt %s -dl-autodiff -split-input-file -verify-diagnostics

// Inputs dl-autodiff rejects, each with an error naming the reason.

// No @loss in the module (the error is on the module).
// expected-error @+1 {{dl-autodiff: no function @loss to differentiate}}
module {
  func.func @predict(%x: tensor<f32>) -> tensor<f32> {
    return %x : tensor<f32>
  }
}

// -----

// expected-error @+1 {{dl-autodiff: the first result of @loss must be the scalar loss (tensor<f32>)}}
func.func @loss(%x: tensor<3xf32>) -> tensor<3xf32> {
  return %x : tensor<3xf32>
}

// -----

// The scalar must come first.
// expected-error @+1 {{dl-autodiff: the first result of @loss must be the scalar loss (tensor<f32>)}}
func.func @loss(%x: tensor<3xf32>, %l: tensor<f32>) -> (tensor<3xf32>, tensor<f32>) {
  return %x, %l : tensor<3xf32>, tensor<f32>
}

// -----

// expected-error @+1 {{dl-autodiff: the first result of @loss must be the scalar loss (tensor<f32>)}}
func.func @loss(%x: tensor<3xf32>) {
  return
}

// -----

// expected-error @+1 {{dl-autodiff: the first result of @loss must be the scalar loss (tensor<f32>)}}
func.func @loss(%x: tensor<f64>) -> tensor<f64> {
  return %x : tensor<f64>
}

// -----

// expected-error @+1 {{dl-autodiff: the first result of @loss must be the scalar loss (tensor<f32>)}}
func.func @loss(%x: f32) -> f32 {
  return %x : f32
}

// -----

// expected-error @+1 {{dl-autodiff: expected a function with a single-block body}}
func.func private @loss(%x: tensor<f32>) -> tensor<f32>

// -----

// expected-error @+1 {{dl-autodiff: expected a function with a single-block body}}
func.func @loss(%x: tensor<f32>) -> tensor<f32> {
  cf.br ^bb1
^bb1:
  return %x : tensor<f32>
}

// -----

// An op without a gradient rule on the path to the loss is named.
func.func @loss(%x: tensor<3xf32>) -> tensor<f32> {
  // expected-error @+1 {{dl-autodiff: no gradient rule for 'arith.addf' on the path to the loss}}
  %0 = arith.addf %x, %x : tensor<3xf32>
  %1 = dl.reduce_sum %0 axes = [0] : tensor<3xf32> -> tensor<f32>
  return %1 : tensor<f32>
}

// -----

func.func private @ext(tensor<3xf32>) -> tensor<3xf32>
func.func @loss(%x: tensor<3xf32>) -> tensor<f32> {
  // expected-error @+1 {{dl-autodiff: no gradient rule for 'func.call' on the path to the loss}}
  %0 = func.call @ext(%x) : (tensor<3xf32>) -> tensor<3xf32>
  %1 = dl.reduce_sum %0 axes = [0] : tensor<3xf32> -> tensor<f32>
  return %1 : tensor<f32>
}

// -----

// Backward-only ops have no rule: no second derivatives.
func.func @loss(%dy: tensor<1x1x4x4xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<f32> {
  // expected-error @+1 {{dl-autodiff: no gradient rule for 'dl.conv2d_backward_data' on the path to the loss}}
  %0 = dl.conv2d_backward_data %dy, %w stride = [1, 1] padding = [1, 1] : tensor<1x1x4x4xf32>, tensor<1x1x3x3xf32> -> tensor<1x1x4x4xf32>
  %1 = dl.reduce_sum %0 axes = [0, 1, 2, 3] : tensor<1x1x4x4xf32> -> tensor<f32>
  return %1 : tensor<f32>
}

// -----

// An op without a rule that does not reach the loss is fine: no error here.
func.func @loss(%x: tensor<3xf32>) -> (tensor<f32>, tensor<3xf32>) {
  %side = arith.addf %x, %x : tensor<3xf32>
  %1 = dl.reduce_sum %x axes = [0] : tensor<3xf32> -> tensor<f32>
  return %1, %side : tensor<f32>, tensor<3xf32>
}
