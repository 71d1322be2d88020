// RUN: dlc-opt %s -dl-clip-grad-norm -split-input-file -verify-diagnostics

// Inputs dl-clip-grad-norm rejects.

// expected-error @+1 {{dl-clip-grad-norm: no function @loss_grad (run dl-autodiff first)}}
module {
  func.func @loss(%x: tensor<f32>) -> tensor<f32> {
    return %x : tensor<f32>
  }
}

// -----

// expected-error @+1 {{dl-clip-grad-norm: @loss_grad has no gradient results; it must come from dl-autodiff}}
func.func @loss_grad(%w: tensor<2xf32> {dl.role = "parameter", dl.name = "w"}) -> tensor<f32> {
  %c = dl.constant dense<1.0> : tensor<f32>
  return %c : tensor<f32>
}

// -----

// Clipping twice would scale by the clipped norm again.
// expected-error @+1 {{dl-clip-grad-norm: @loss_grad already returns 'grad_norm' (its gradients are clipped once)}}
func.func @loss_grad(%w: tensor<2xf32> {dl.role = "parameter", dl.name = "w"})
    -> (tensor<f32> {dl.role = "loss"}, tensor<f32> {dl.role = "output", dl.name = "grad_norm"},
        tensor<2xf32> {dl.role = "gradient", dl.name = "w"}) {
  %c = dl.constant dense<1.0> : tensor<f32>
  %g = dl.constant dense<1.0> : tensor<2xf32>
  return %c, %c, %g : tensor<f32>, tensor<f32>, tensor<2xf32>
}

// -----

// expected-error @+1 {{dl-clip-grad-norm: gradients of different element types ('f32', 'f64') share one norm}}
func.func @loss_grad(%p: tensor<2xf32> {dl.role = "parameter", dl.name = "p"},
                     %q: tensor<2xf64> {dl.role = "parameter", dl.name = "q"})
    -> (tensor<f32> {dl.role = "loss"}, tensor<2xf32> {dl.role = "gradient", dl.name = "p"},
        tensor<2xf64> {dl.role = "gradient", dl.name = "q"}) {
  %l = dl.constant dense<0.0> : tensor<f32>
  %g = dl.constant dense<1.0> : tensor<2xf32>
  %h = dl.constant dense<1.0> : tensor<2xf64>
  return %l, %g, %h : tensor<f32>, tensor<2xf32>, tensor<2xf64>
}
