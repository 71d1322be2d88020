// RUN: dlc-opt %s -dl-sgd -split-input-file -verify-diagnostics

// Inputs dl-sgd rejects.

// No gradient function: dl-autodiff has not run.
// expected-error @+1 {{dl-sgd: no function @loss_grad (run dl-autodiff first)}}
module {
  func.func @loss(%x: tensor<f32>) -> tensor<f32> {
    return %x : tensor<f32>
  }
}

// -----

// A @loss_grad that dl-autodiff did not produce: no gradient results.
// expected-error @+1 {{dl-sgd: @loss_grad has 1 parameter arguments and 0 gradient results; it must come from dl-autodiff}}
func.func @loss_grad(%w: tensor<2xf32> {dl.role = "parameter", dl.name = "w"}) -> (tensor<f32>, tensor<2xf32>) {
  %c = dl.constant dense<1.0> : tensor<f32>
  %g = dl.constant dense<1.0> : tensor<2xf32>
  return %c, %g : tensor<f32>, tensor<2xf32>
}

// -----

// The gradient count disagrees with the parameters.
// expected-error @+1 {{dl-sgd: @loss_grad has 2 parameter arguments and 1 gradient results; it must come from dl-autodiff}}
func.func @loss_grad(%w: tensor<2xf32> {dl.role = "parameter", dl.name = "w"},
                     %v: tensor<2xf32> {dl.role = "parameter", dl.name = "v"})
    -> (tensor<f32> {dl.role = "loss"}, tensor<2xf32> {dl.role = "gradient", dl.name = "w"}) {
  %c = dl.constant dense<1.0> : tensor<f32>
  %g = dl.constant dense<1.0> : tensor<2xf32>
  return %c, %g : tensor<f32>, tensor<2xf32>
}

// -----

// Gradients pair with parameters by name.
// expected-error @+1 {{dl-sgd: gradient result 'v' does not match parameter 'w' (argument #0)}}
func.func @loss_grad(%w: tensor<2xf32> {dl.role = "parameter", dl.name = "w"})
    -> (tensor<f32> {dl.role = "loss"}, tensor<2xf32> {dl.role = "gradient", dl.name = "v"}) {
  %c = dl.constant dense<1.0> : tensor<f32>
  %g = dl.constant dense<1.0> : tensor<2xf32>
  return %c, %g : tensor<f32>, tensor<2xf32>
}

// -----

module {
  // expected-error @+1 {{dl-sgd: @train_step already exists}}
  func.func @loss_grad(%w: tensor<2xf32> {dl.role = "parameter", dl.name = "w"})
      -> (tensor<f32> {dl.role = "loss"}, tensor<2xf32> {dl.role = "gradient", dl.name = "w"}) {
    %c = dl.constant dense<1.0> : tensor<f32>
    %g = dl.constant dense<1.0> : tensor<2xf32>
    return %c, %g : tensor<f32>, tensor<2xf32>
  }
  func.func @train_step() {
    return
  }
}

// -----

// A gradient whose type differs from its parameter's is refused by dl-sgd,
// not turned into a broadcasting update.
// expected-error @+1 {{dl-sgd: gradient of 'p' has type 'tensor<3xf32>' but the parameter (argument #0) has type 'tensor<2xf32>'}}
func.func @loss_grad(%p: tensor<2xf32> {dl.role = "parameter", dl.name = "p"})
    -> (tensor<f32> {dl.role = "loss"}, tensor<3xf32> {dl.role = "gradient", dl.name = "p"}) {
  %l = dl.constant dense<0.0> : tensor<f32>
  %g = dl.constant dense<1.0> : tensor<3xf32>
  return %l, %g : tensor<f32>, tensor<3xf32>
}

// -----

// One learning rate cannot serve f32 and f64 parameters.
// expected-error @+1 {{dl-sgd: parameters of different element types ('f32', 'f64') share one learning rate}}
func.func @loss_grad(%p: tensor<2xf32> {dl.role = "parameter", dl.name = "p"},
                     %q: tensor<2xf64> {dl.role = "parameter", dl.name = "q"})
    -> (tensor<f32> {dl.role = "loss"}, tensor<2xf32> {dl.role = "gradient", dl.name = "p"},
        tensor<2xf64> {dl.role = "gradient", dl.name = "q"}) {
  %l = dl.constant dense<0.0> : tensor<f32>
  %g = dl.constant dense<1.0> : tensor<2xf32>
  %h = dl.constant dense<1.0> : tensor<2xf64>
  return %l, %g, %h : tensor<f32>, tensor<2xf32>, tensor<2xf64>
}
