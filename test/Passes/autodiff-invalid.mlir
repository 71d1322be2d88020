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

// expected-error @+1 {{dl-autodiff: the first result of @loss must be the scalar loss (a rank-0 float tensor)}}
func.func @loss(%x: tensor<3xf32> {dl.role = "parameter"}) -> tensor<3xf32> {
  return %x : tensor<3xf32>
}

// -----

// The scalar must come first.
// expected-error @+1 {{dl-autodiff: the first result of @loss must be the scalar loss (a rank-0 float tensor)}}
func.func @loss(%x: tensor<3xf32> {dl.role = "parameter"}, %l: tensor<f32>) -> (tensor<3xf32>, tensor<f32>) {
  return %x, %l : tensor<3xf32>, tensor<f32>
}

// -----

// expected-error @+1 {{dl-autodiff: the first result of @loss must be the scalar loss (a rank-0 float tensor)}}
func.func @loss(%x: tensor<3xf32> {dl.role = "parameter"}) {
  return
}

// -----

// expected-error @+1 {{dl-autodiff: the first result of @loss must be the scalar loss (a rank-0 float tensor)}}
func.func @loss(%x: tensor<i32>) -> tensor<i32> {
  return %x : tensor<i32>
}

// -----

// expected-error @+1 {{dl-autodiff: the first result of @loss must be the scalar loss (a rank-0 float tensor)}}
func.func @loss(%x: f32) -> f32 {
  return %x : f32
}

// -----

// expected-error @+1 {{dl-autodiff: expected a function with a single-block body}}
func.func private @loss(%x: tensor<f32>) -> tensor<f32>

// -----

// expected-error @+1 {{dl-autodiff: expected a function with a single-block body}}
func.func @loss(%x: tensor<f32> {dl.role = "parameter"}) -> tensor<f32> {
  cf.br ^bb1
^bb1:
  return %x : tensor<f32>
}

// -----

// An op without a gradient rule on the path to the loss is named.
func.func @loss(%x: tensor<3xf32> {dl.role = "parameter"}) -> tensor<f32> {
  // expected-error @+1 {{dl-autodiff: no gradient rule for 'arith.addf' on the path to the loss}}
  %0 = arith.addf %x, %x : tensor<3xf32>
  %1 = dl.reduce_sum %0 axes = [0] : tensor<3xf32> -> tensor<f32>
  return %1 : tensor<f32>
}

// -----

func.func private @ext(tensor<3xf32>) -> tensor<3xf32>
func.func @loss(%x: tensor<3xf32> {dl.role = "parameter"}) -> tensor<f32> {
  // expected-error @+1 {{dl-autodiff: no gradient rule for 'func.call' on the path to the loss}}
  %0 = func.call @ext(%x) : (tensor<3xf32>) -> tensor<3xf32>
  %1 = dl.reduce_sum %0 axes = [0] : tensor<3xf32> -> tensor<f32>
  return %1 : tensor<f32>
}

// -----

// Backward-only ops have no rule: no second derivatives.
func.func @loss(%dy: tensor<1x1x4x4xf32> {dl.role = "parameter"}, %w: tensor<1x1x3x3xf32>) -> tensor<f32> {
  // expected-error @+1 {{dl-autodiff: no gradient rule for 'dl.conv2d_backward_data' on the path to the loss}}
  %0 = dl.conv2d_backward_data %dy, %w stride = [1, 1] padding = [1, 1] : tensor<1x1x4x4xf32>, tensor<1x1x3x3xf32> -> tensor<1x1x4x4xf32>
  %1 = dl.reduce_sum %0 axes = [0, 1, 2, 3] : tensor<1x1x4x4xf32> -> tensor<f32>
  return %1 : tensor<f32>
}

// -----

// An op without a rule that does not reach the loss is fine: no error here.
func.func @loss(%x: tensor<3xf32> {dl.role = "parameter"}) -> (tensor<f32>, tensor<3xf32>) {
  %side = arith.addf %x, %x : tensor<3xf32>
  %1 = dl.reduce_sum %x axes = [0] : tensor<3xf32> -> tensor<f32>
  return %1, %side : tensor<f32>, tensor<3xf32>
}

// -----

// scf.if has no gradient rule: its result reaches the loss, so this is an
// error, not a silently zero gradient.
func.func @loss(%x: tensor<3xf32> {dl.role = "parameter"}, %c: i1) -> tensor<f32> {
  // expected-error @+1 {{dl-autodiff: no gradient rule for 'scf.if' on the path to the loss}}
  %0 = scf.if %c -> tensor<3xf32> {
    %e = dl.exp %x : tensor<3xf32>
    scf.yield %e : tensor<3xf32>
  } else {
    scf.yield %x : tensor<3xf32>
  }
  %1 = dl.reduce_sum %0 axes = [0] : tensor<3xf32> -> tensor<f32>
  return %1 : tensor<f32>
}

// -----

// Nothing to differentiate: no argument is a parameter.
// expected-error @+1 {{dl-autodiff: @loss has no argument with dl.role = "parameter": nothing to differentiate}}
func.func @loss(%x: tensor<3xf32> {dl.role = "input"}) -> tensor<f32> {
  %1 = dl.reduce_sum %x axes = [0] : tensor<3xf32> -> tensor<f32>
  return %1 : tensor<f32>
}
