// RUN: dlc-opt %s '--dlc-training-step-pipeline=optimizer=adamw amsgrad clip-grad-norm' | FileCheck %s --check-prefix=STEP
// RUN: dlc-opt %s '--dlc-training-pipeline=optimizer=rmsprop momentum centered' | FileCheck %s --check-prefix=LLVM
// RUN: not dlc-opt %s '--dlc-training-pipeline=optimizer=lamb' 2>&1 | FileCheck %s --check-prefix=BAD

// The training pipelines take the optimizer's structure as options (its
// numbers are runtime arguments): autodiff, then clip-grad-norm if asked,
// then the optimizer pass, as PipelineOptions::optimizer builds it for dlc.

// Clipping comes first, so max_norm precedes the optimizer's hyperparameters;
// state follows per parameter, then step.
// STEP-LABEL: func.func @train_step(
// STEP-SAME:    {dl.role = "target"}, %{{[^:]*}}: tensor<f32> {dl.name = "max_norm", dl.role = "hyperparameter"}, %{{[^:]*}}: tensor<f32> {dl.name = "lr", dl.role = "hyperparameter"}, %{{[^:]*}}: tensor<f32> {dl.name = "beta1", dl.role = "hyperparameter"}, %{{[^:]*}}: tensor<f32> {dl.name = "beta2", dl.role = "hyperparameter"}, %{{[^:]*}}: tensor<f32> {dl.name = "eps", dl.role = "hyperparameter"}, %{{[^:]*}}: tensor<f32> {dl.name = "weight_decay", dl.role = "hyperparameter"},
// STEP-SAME:    tensor<2x3xf32> {dl.name = "0.weight.exp_avg", dl.role = "optimizer_state"}, %{{[^:]*}}: tensor<2x3xf32> {dl.name = "0.weight.exp_avg_sq", dl.role = "optimizer_state"}, %{{[^:]*}}: tensor<2x3xf32> {dl.name = "0.weight.max_exp_avg_sq", dl.role = "optimizer_state"}, %{{[^:]*}}: tensor<2xf32> {dl.name = "0.bias.exp_avg", dl.role = "optimizer_state"}, %{{[^:]*}}: tensor<2xf32> {dl.name = "0.bias.exp_avg_sq", dl.role = "optimizer_state"}, %{{[^:]*}}: tensor<2xf32> {dl.name = "0.bias.max_exp_avg_sq", dl.role = "optimizer_state"}, %{{[^:]*}}: tensor<f32> {dl.name = "step", dl.role = "optimizer_state"})
// STEP-SAME:    -> (tensor<f32> {dl.role = "loss"}, tensor<f32> {dl.name = "grad_norm", dl.role = "output"}, tensor<2x3xf32> {dl.name = "0.weight", dl.role = "parameter"}, tensor<2xf32> {dl.name = "0.bias", dl.role = "parameter"}, tensor<2x3xf32> {dl.name = "0.weight.exp_avg", dl.role = "optimizer_state"},
// STEP-SAME:    tensor<f32> {dl.name = "step", dl.role = "optimizer_state"})
// STEP:         dl.maximum
// STEP:         return

// Lowered, the state arguments and results keep their roles and names for
// the runtime to bind.
// LLVM-LABEL: llvm.func @_mlir_ciface_train_step(
// LLVM-SAME:    !llvm.ptr {dl.name = "momentum", dl.role = "hyperparameter"}, %{{[^:]*}}: !llvm.ptr {dl.name = "0.weight.square_avg", dl.role = "optimizer_state"}, %{{[^:]*}}: !llvm.ptr {dl.name = "0.weight.momentum_buffer", dl.role = "optimizer_state"}, %{{[^:]*}}: !llvm.ptr {dl.name = "0.weight.grad_avg", dl.role = "optimizer_state"}
// LLVM-SAME:    !llvm.ptr {dl.name = "0.bias.grad_avg", dl.role = "optimizer_state"}, %{{[^:]*}}: !llvm.ptr {dl.name = "step", dl.role = "optimizer_state"}, %{{[^:]*}}: !llvm.ptr {dl.role = "loss"}
// LLVM-SAME:    !llvm.ptr {dl.name = "0.bias.grad_avg", dl.role = "optimizer_state"}, %{{[^:]*}}: !llvm.ptr {dl.name = "step", dl.role = "optimizer_state"})

// BAD: for the --optimizer option: Cannot find option named 'lamb'!

func.func @loss(%x: tensor<4x3xf32> {dl.role = "input"},
                %w: tensor<2x3xf32> {dl.role = "parameter", dl.name = "0.weight"},
                %b: tensor<2xf32> {dl.role = "parameter", dl.name = "0.bias"},
                %t: tensor<4xi32> {dl.role = "target"}) -> tensor<f32> attributes {llvm.emit_c_interface} {
  %0 = dl.matmul %x, %w transpose_rhs : tensor<4x3xf32>, tensor<2x3xf32> -> tensor<4x2xf32>
  %1 = dl.add %0, %b : tensor<4x2xf32>, tensor<2xf32> -> tensor<4x2xf32>
  %2 = dl.softmax_cross_entropy %1, %t : tensor<4x2xf32>, tensor<4xi32> -> tensor<f32>
  return %2 : tensor<f32>
}
