// RUN: dlc-opt %s -dl-autodiff -split-input-file | FileCheck %s

// The VJP rules of the Sequence family (ir/ops/Sequence.cpp).

// embedding: the weight's gradient is a scatter-add of the cotangent at the
// ids (padding_idx passed on); the ids get none.
// CHECK-LABEL: func.func @loss_grad(
// CHECK-SAME:    %[[W:[^:]*]]: tensor<10x3xf32>
// CHECK-SAME:    %[[IDS:[^:]*]]: tensor<2x4xi64>
// CHECK:         %[[G:.*]] = dl.broadcast_to
// CHECK:         dl.embedding_dense_backward %[[G]], %[[IDS]] num_weights = 10 padding_idx = 1 : tensor<2x4x3xf32>, tensor<2x4xi64> -> tensor<10x3xf32>
func.func @loss(%w: tensor<10x3xf32> {dl.role = "parameter", dl.name = "w"}, %ids: tensor<2x4xi64>) -> tensor<f32> {
  %e = dl.embedding %ids, %w padding_idx = 1 : tensor<2x4xi64>, tensor<10x3xf32> -> tensor<2x4x3xf32>
  %s = dl.reduce_sum %e axes = [0, 1, 2] : tensor<2x4x3xf32> -> tensor<f32>
  return %s : tensor<f32>
}

// -----

// index_select: index_add of the cotangent into zeros.
// CHECK-LABEL: func.func @loss_grad(
// CHECK-SAME:    %[[X:[^:]*]]: tensor<3x5xf32>
// CHECK-SAME:    %[[I:[^:]*]]: tensor<4xi32>
// CHECK:         %[[Z:.*]] = dl.constant dense<0.000000e+00> : tensor<3x5xf32>
// CHECK:         dl.index_add %[[Z]], %[[I]], %{{.*}} dim = 1 : tensor<3x5xf32>, tensor<4xi32>, tensor<3x4xf32> -> tensor<3x5xf32>
func.func @loss(%x: tensor<3x5xf32> {dl.role = "parameter", dl.name = "x"}, %i: tensor<4xi32>) -> tensor<f32> {
  %y = dl.index_select %x, %i dim = 1 : tensor<3x5xf32>, tensor<4xi32> -> tensor<3x4xf32>
  %s = dl.reduce_sum %y axes = [0, 1] : tensor<3x4xf32> -> tensor<f32>
  return %s : tensor<f32>
}

// -----

// index_add: the input's gradient is the cotangent, the source's its index_select.
// CHECK-LABEL: func.func @loss_grad(
// CHECK-SAME:    %[[I:[^:]*]]: tensor<4xi64>
// CHECK:         %[[G:.*]] = dl.broadcast_to
// CHECK:         %[[GS:.*]] = dl.index_select %[[G]], %[[I]] dim = 0 : tensor<5x3xf32>, tensor<4xi64> -> tensor<4x3xf32>
// CHECK:         return %{{.*}}, %[[G]], %[[GS]]
func.func @loss(%x: tensor<5x3xf32> {dl.role = "parameter", dl.name = "x"}, %i: tensor<4xi64>,
                %src: tensor<4x3xf32> {dl.role = "parameter", dl.name = "src"}) -> tensor<f32> {
  %y = dl.index_add %x, %i, %src dim = 0 : tensor<5x3xf32>, tensor<4xi64>, tensor<4x3xf32> -> tensor<5x3xf32>
  %s = dl.reduce_sum %y axes = [0, 1] : tensor<5x3xf32> -> tensor<f32>
  return %s : tensor<f32>
}

// -----

// repeat_interleave: the cotangent grouped by repeats and summed over them.
// CHECK-LABEL: func.func @loss_grad(
// CHECK:         %[[R:.*]] = dl.reshape %{{.*}} : tensor<2x6xf32> -> tensor<2x2x3xf32>
// CHECK:         dl.reduce_sum %[[R]] axes = [2] : tensor<2x2x3xf32> -> tensor<2x2xf32>
func.func @loss(%x: tensor<2x2xf32> {dl.role = "parameter", dl.name = "x"}) -> tensor<f32> {
  %y = dl.repeat_interleave %x repeats = 3 dim = 1 : tensor<2x2xf32> -> tensor<2x6xf32>
  %s = dl.reduce_sum %y axes = [0, 1] : tensor<2x6xf32> -> tensor<f32>
  return %s : tensor<f32>
}
