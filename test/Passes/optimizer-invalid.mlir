// RUN: not dlc-opt %s -dl-adam 2>&1 | FileCheck %s --check-prefix=ADAM
// RUN: not dlc-opt %s -dl-rmsprop 2>&1 | FileCheck %s --check-prefix=RMS
// RUN: not dlc-opt %s -dl-adagrad 2>&1 | FileCheck %s --check-prefix=ADAGRAD
// RUN: not dlc-opt %s -dl-sgd=momentum 2>&1 | FileCheck %s --check-prefix=SGD
// RUN: not dlc-opt %s -dl-sgd=nesterov 2>&1 | FileCheck %s --check-prefix=NESTEROV

// Every optimizer pass checks @loss_grad as dl-sgd does (one shared check,
// passes/training/StepBuilder), naming itself: here gradients pair with
// parameters by name, and 'v' is no parameter.

// ADAM: error: dl-adam: gradient result 'v' does not match parameter 'w' (argument #0)
// RMS: error: dl-rmsprop: gradient result 'v' does not match parameter 'w' (argument #0)
// ADAGRAD: error: dl-adagrad: gradient result 'v' does not match parameter 'w' (argument #0)
// torch refuses Nesterov without momentum; so does dl-sgd, before building.
// NESTEROV: error: dl-sgd: nesterov needs momentum
// SGD: error: dl-sgd: gradient result 'v' does not match parameter 'w' (argument #0)
func.func @loss_grad(%w: tensor<2xf32> {dl.role = "parameter", dl.name = "w"})
    -> (tensor<f32> {dl.role = "loss"}, tensor<2xf32> {dl.role = "gradient", dl.name = "v"}) {
  %c = dl.constant dense<1.0> : tensor<f32>
  %g = dl.constant dense<1.0> : tensor<2xf32>
  return %c, %g : tensor<f32>, tensor<2xf32>
}
