// RUN: dlc-opt %s -dl-autodiff -verify-diagnostics
// dl-autodiff refuses to add a second @loss_grad.

module {
  // expected-error @+1 {{dl-autodiff: @loss_grad already exists}}
  func.func @loss(%x: tensor<f32> {dl.role = "parameter"}) -> tensor<f32> {
    return %x : tensor<f32>
  }
  func.func @loss_grad(%x: tensor<f32> {dl.role = "parameter"}) -> tensor<f32> {
    return %x : tensor<f32>
  }
}
