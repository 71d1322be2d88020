// RUN: dlc-opt %s -dl-autodiff -split-input-file -verify-diagnostics
// Only float tensors can be parameters: anything else is an error naming
// the argument, not a crash.

// expected-error @+1 {{dl-autodiff: argument #1 is a parameter but has type 'f32'; only float tensors can be trained}}
func.func @loss(%x: tensor<f32>, %s: f32 {dl.role = "parameter"}) -> tensor<f32> {
  return %x : tensor<f32>
}

// -----

// expected-error @+1 {{dl-autodiff: argument #1 is a parameter but has type 'tensor<4xi32>'; only float tensors can be trained}}
func.func @loss(%x: tensor<4x3xf32>, %t: tensor<4xi32> {dl.role = "parameter"}) -> tensor<f32> {
  %0 = dl.softmax_cross_entropy %x, %t : tensor<4x3xf32>, tensor<4xi32> -> tensor<f32>
  return %0 : tensor<f32>
}
