// RUN: dlc-opt %s -dl-autodiff -split-input-file | FileCheck %s

// The VJP rules of the Normalization family (ir/ops/Normalization.cpp): the
// fused formulas read the forward's saved statistics.

// layer_norm: x̂ from the saved mean and rstd; dx = rstd * (ĝ - mean(ĝ) -
// x̂ mean(ĝ x̂)), ĝ = g * weight; dweight = sum(g x̂), dbias = sum(g) over
// the leading dims.
// CHECK-LABEL: func.func @loss_grad(
// CHECK-SAME:    %[[X:[^:]*]]: tensor<2x3x4xf32>
// CHECK-SAME:    %[[W:[^:]*]]: tensor<4xf32>
// CHECK:         %[[Y:.*]], %[[M:.*]], %[[R:.*]] = dl.layer_norm %[[X]]
// CHECK:         %[[C:.*]] = dl.sub %[[X]], %[[M]]
// CHECK:         %[[XH:.*]] = dl.mul %[[C]], %[[R]]
// CHECK:         %[[GH:.*]] = dl.mul %{{.*}}, %[[W]]
// CHECK:         dl.reduce_sum %[[GH]] axes = [2] keepdims
// CHECK:         %[[DX:.*]] = dl.mul %[[R]], %{{.*}} : tensor<2x3x1xf32>, tensor<2x3x4xf32> -> tensor<2x3x4xf32>
// CHECK:         dl.reduce_sum %{{.*}} axes = [0, 1] keepdims : tensor<2x3x4xf32> -> tensor<1x1x4xf32>
// CHECK:         dl.reduce_sum %{{.*}} axes = [0, 1] keepdims : tensor<2x3x4xf32> -> tensor<1x1x4xf32>
// CHECK:         return {{.*}}%[[DX]]
func.func @loss(%x: tensor<2x3x4xf32> {dl.role = "parameter", dl.name = "x"},
                %w: tensor<4xf32> {dl.role = "parameter", dl.name = "w"},
                %b: tensor<4xf32> {dl.role = "parameter", dl.name = "b"}) -> tensor<f32> {
  %y, %m, %r = dl.layer_norm %x normalized_shape = [4] weight %w : tensor<4xf32>
      bias %b : tensor<4xf32> eps = 1.000000e-05
      : tensor<2x3x4xf32> -> tensor<2x3x4xf32>, tensor<2x3x1xf32>, tensor<2x3x1xf32>
  %s = dl.reduce_sum %y axes = [0, 1, 2] : tensor<2x3x4xf32> -> tensor<f32>
  return %s : tensor<f32>
}

// -----

// batch_norm in training: the per-channel statistics reshaped to (1, C, 1);
// the running statistics get no gradient.
// CHECK-LABEL: func.func @loss_grad(
// CHECK-SAME:    %[[X:[^:]*]]: tensor<4x3x5xf32>
// CHECK:         %{{.*}}, %[[SM:.*]], %[[SR:.*]] = dl.batch_norm %[[X]]
// CHECK:         %[[M:.*]] = dl.reshape %[[SM]] : tensor<3xf32> -> tensor<1x3x1xf32>
// CHECK:         %[[R:.*]] = dl.reshape %[[SR]] : tensor<3xf32> -> tensor<1x3x1xf32>
// CHECK:         dl.reduce_sum %{{.*}} axes = [0, 2] keepdims
// CHECK:         dl.reduce_sum %{{.*}} axes = [0, 2] : tensor<4x3x5xf32> -> tensor<3xf32>
// CHECK:         dl.reduce_sum %{{.*}} axes = [0, 2] : tensor<4x3x5xf32> -> tensor<3xf32>
func.func @loss(%x: tensor<4x3x5xf32> {dl.role = "parameter", dl.name = "x"},
                %rm: tensor<3xf32>, %rv: tensor<3xf32>,
                %w: tensor<3xf32> {dl.role = "parameter", dl.name = "w"},
                %b: tensor<3xf32> {dl.role = "parameter", dl.name = "b"}) -> tensor<f32> {
  %y, %nm, %nv, %sm, %sr = dl.batch_norm %x, %rm, %rv weight %w : tensor<3xf32> bias %b : tensor<3xf32>
      training momentum = 1.000000e-01 eps = 1.000000e-05
      : tensor<4x3x5xf32>, tensor<3xf32>, tensor<3xf32>
      -> tensor<4x3x5xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>
  %s = dl.reduce_sum %y axes = [0, 1, 2] : tensor<4x3x5xf32> -> tensor<f32>
  return %s : tensor<f32>
}

// -----

// batch_norm in inference is an affine map: dx = g * rstd (no reductions of g
// for dx).
// CHECK-LABEL: func.func @loss_grad(
// CHECK:         %{{.*}}, %[[SR:.*]] = dl.batch_norm
// CHECK:         %[[G:.*]] = dl.broadcast_to
// CHECK-NEXT:    %[[R:.*]] = dl.reshape %[[SR]] : tensor<3xf32> -> tensor<1x3xf32>
// CHECK-NEXT:    %[[DX:.*]] = dl.mul %[[R]], %[[G]] : tensor<1x3xf32>, tensor<4x3xf32> -> tensor<4x3xf32>
// CHECK-NEXT:    return {{.*}}%[[DX]]
func.func @loss(%x: tensor<4x3xf32> {dl.role = "parameter", dl.name = "x"},
                %rm: tensor<3xf32>, %rv: tensor<3xf32>) -> tensor<f32> {
  %y, %nm, %nv, %sm, %sr = dl.batch_norm %x, %rm, %rv momentum = 1.000000e-01 eps = 1.000000e-05
      : tensor<4x3xf32>, tensor<3xf32>, tensor<3xf32>
      -> tensor<4x3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>
  %s = dl.reduce_sum %y axes = [0, 1] : tensor<4x3xf32> -> tensor<f32>
  return %s : tensor<f32>
}
