// Known bug, kept as an expected failure until dl-autodiff is fixed:
// when @loss_grad already exists, dl-autodiff adds a second one and the
// module verifier reports "redefinition of symbol named 'loss_grad'" with a
// note pointing at @loss as the "existing symbol definition". dl-sgd checks
// the same situation for @train_step; dl-autodiff should too.
// XFAIL: *
// RUN: dlc-opt %s -dl-autodiff -verify-diagnostics

// expected-error @+1 {{dl-autodiff: @loss_grad already exists}}
module {
  func.func @loss(%x: tensor<f32>) -> tensor<f32> {
    return %x : tensor<f32>
  }
  func.func @loss_grad(%x: tensor<f32>) -> tensor<f32> {
    return %x : tensor<f32>
  }
}
