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

// A @loss_grad that dl-autodiff did not produce.
// expected-error @+1 {{dl-sgd: @loss_grad lacks 'dl.num_primal_results'; it must come from dl-autodiff}}
func.func @loss_grad(%w: tensor<2xf32>) -> (tensor<f32>, tensor<2xf32>) {
  %c = dl.constant dense<1.0> : tensor<f32>
  %g = dl.constant dense<1.0> : tensor<2xf32>
  return %c, %g : tensor<f32>, tensor<2xf32>
}

// -----

// The result count disagrees with the trainable arguments.
// expected-error @+1 {{dl-sgd: expected one gradient result per trainable argument}}
func.func @loss_grad(%w: tensor<2xf32>, %v: tensor<2xf32>) -> (tensor<f32>, tensor<2xf32>) attributes {dl.num_primal_results = 1 : i64} {
  %c = dl.constant dense<1.0> : tensor<f32>
  %g = dl.constant dense<1.0> : tensor<2xf32>
  return %c, %g : tensor<f32>, tensor<2xf32>
}

// -----

// expected-error @+1 {{dl-sgd: expected one gradient result per trainable argument}}
func.func @loss_grad(%w: tensor<2xf32>) -> (tensor<f32>, tensor<2xf32>) attributes {dl.num_primal_results = 5 : i64} {
  %c = dl.constant dense<1.0> : tensor<f32>
  %g = dl.constant dense<1.0> : tensor<2xf32>
  return %c, %g : tensor<f32>, tensor<2xf32>
}

// -----

// expected-error @+1 {{dl-sgd: @train_step already exists}}
module {
  func.func @loss_grad(%w: tensor<2xf32>) -> (tensor<f32>, tensor<2xf32>) attributes {dl.num_primal_results = 1 : i64} {
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
// expected-error @+1 {{dl-sgd: gradient result #1 has type 'tensor<3xf32>' but its parameter (argument #0) has type 'tensor<2xf32>'}}
func.func @loss_grad(%p: tensor<2xf32> {dl.trainable}) -> (tensor<f32>, tensor<3xf32>) attributes {dl.num_primal_results = 1 : i64} {
  %l = dl.constant dense<0.0> : tensor<f32>
  %g = dl.constant dense<1.0> : tensor<3xf32>
  return %l, %g : tensor<f32>, tensor<3xf32>
}
