// RUN: not dlc-opt %s -dl-adam -split-input-file 2>&1 | FileCheck %s --check-prefix=ADAM
// RUN: not dlc-opt %s -dl-rmsprop -split-input-file 2>&1 | FileCheck %s --check-prefix=RMS
// RUN: not dlc-opt %s -dl-adagrad -split-input-file 2>&1 | FileCheck %s --check-prefix=ADAGRAD
// RUN: not dlc-opt %s -dl-sgd=momentum -split-input-file 2>&1 | FileCheck %s --check-prefix=SGD
// RUN: not dlc-opt %s -dl-sgd=nesterov -split-input-file 2>&1 | FileCheck %s --check-prefix=NESTEROV

// Every optimizer pass checks @loss_grad as dl-sgd does (one shared check,
// passes/training/StepBuilder), naming itself: here gradients pair with
// parameters by name, and 'v' is no parameter.

// ADAM: error: dl-adam: gradient result 'v' does not match parameter 'w' (argument #0)
// ADAM: error: dl-adam: parameter #1 has no dl.name; its optimizer state is named after it
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

// -----

// State is named after its parameter, so stateful optimizers need names
// (plain SGD, stateless, does not: test/Pipelines/training.mlir).
func.func @loss_grad(%w: tensor<2xf32> {dl.role = "parameter", dl.name = "w"},
                     %v: tensor<2xf32> {dl.role = "parameter"})
    -> (tensor<f32> {dl.role = "loss"}, tensor<2xf32> {dl.role = "gradient", dl.name = "w"},
        tensor<2xf32> {dl.role = "gradient"}) {
  %c = dl.constant dense<1.0> : tensor<f32>
  %g = dl.constant dense<1.0> : tensor<2xf32>
  return %c, %g, %g : tensor<f32>, tensor<2xf32>, tensor<2xf32>
}
