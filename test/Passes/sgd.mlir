// RUN: dlc-opt %s -dl-autodiff -dl-sgd -split-input-file | FileCheck %s
// RUN: dlc-opt %s -dl-autodiff -dl-sgd="weight-decay=0.01" -split-input-file | FileCheck %s --check-prefix=WD

// dl-sgd clones @loss_grad as @train_step(args..., %lr) and replaces each
// gradient result by the updated parameter p - lr * g (with weight decay,
// p - lr * (g + λ·p)). @loss_grad stays.

// CHECK-LABEL: func.func @loss_grad(
// CHECK-SAME:    attributes {dl.num_primal_results = 1 : i64}
// CHECK-LABEL: func.func @train_step(
// CHECK-SAME:    %[[X:[^:]*]]: tensor<4x3xf32>, %[[W:[^:]*]]: tensor<2x3xf32> {dl.trainable}, %[[B:[^:]*]]: tensor<2xf32> {dl.trainable}, %[[T:[^:]*]]: tensor<4xi32>, %[[LR:[^:]*]]: tensor<f32>)
// CHECK-SAME:    -> (tensor<f32>, tensor<2x3xf32>, tensor<2xf32>) {
// CHECK:         %[[L:.*]] = dl.softmax_cross_entropy
// CHECK:         %[[DB:.*]] = dl.reshape %{{.*}} : tensor<1x2xf32> -> tensor<2xf32>
// CHECK:         %[[DW:.*]] = dl.matmul %{{.*}}, %[[X]] transpose_lhs : tensor<4x2xf32>, tensor<4x3xf32> -> tensor<2x3xf32>
// CHECK-NEXT:    %[[SW:.*]] = dl.mul %[[LR]], %[[DW]] : tensor<f32>, tensor<2x3xf32> -> tensor<2x3xf32>
// CHECK-NEXT:    %[[NW:.*]] = dl.sub %[[W]], %[[SW]] : tensor<2x3xf32>, tensor<2x3xf32> -> tensor<2x3xf32>
// CHECK-NEXT:    %[[SB:.*]] = dl.mul %[[LR]], %[[DB]] : tensor<f32>, tensor<2xf32> -> tensor<2xf32>
// CHECK-NEXT:    %[[NB:.*]] = dl.sub %[[B]], %[[SB]] : tensor<2xf32>, tensor<2xf32> -> tensor<2xf32>
// CHECK-NEXT:    return %[[L]], %[[NW]], %[[NB]] : tensor<f32>, tensor<2x3xf32>, tensor<2xf32>

// WD-LABEL: func.func @train_step(
// WD-SAME:    %[[X:[^:]*]]: tensor<4x3xf32>, %[[W:[^:]*]]: tensor<2x3xf32> {dl.trainable}, %[[B:[^:]*]]: tensor<2xf32> {dl.trainable}, %[[T:[^:]*]]: tensor<4xi32>, %[[LR:[^:]*]]: tensor<f32>)
// WD:         %[[DB:.*]] = dl.reshape %{{.*}} : tensor<1x2xf32> -> tensor<2xf32>
// WD:         %[[DW:.*]] = dl.matmul %{{.*}}, %[[X]] transpose_lhs
// WD-NEXT:    %[[LAMBDA:.*]] = dl.constant dense<0.00999999977> : tensor<f32>
// WD-NEXT:    %[[DECAY_W:.*]] = dl.mul %[[LAMBDA]], %[[W]] : tensor<f32>, tensor<2x3xf32> -> tensor<2x3xf32>
// WD-NEXT:    %[[GW:.*]] = dl.add %[[DW]], %[[DECAY_W]] : tensor<2x3xf32>, tensor<2x3xf32> -> tensor<2x3xf32>
// WD-NEXT:    %[[SW:.*]] = dl.mul %[[LR]], %[[GW]]
// WD-NEXT:    %[[NW:.*]] = dl.sub %[[W]], %[[SW]]
// WD-NEXT:    %[[DECAY_B:.*]] = dl.mul %[[LAMBDA]], %[[B]] : tensor<f32>, tensor<2xf32> -> tensor<2xf32>
// WD-NEXT:    %[[GB:.*]] = dl.add %[[DB]], %[[DECAY_B]]
// WD-NEXT:    %[[SB:.*]] = dl.mul %[[LR]], %[[GB]]
// WD-NEXT:    %[[NB:.*]] = dl.sub %[[B]], %[[SB]]
// WD-NEXT:    return %{{.*}}, %[[NW]], %[[NB]]
func.func @loss(%x: tensor<4x3xf32>, %w: tensor<2x3xf32> {dl.trainable}, %b: tensor<2xf32> {dl.trainable},
                %t: tensor<4xi32>) -> tensor<f32> {
  %0 = dl.matmul %x, %w transpose_rhs : tensor<4x3xf32>, tensor<2x3xf32> -> tensor<4x2xf32>
  %1 = dl.add %0, %b : tensor<4x2xf32>, tensor<2xf32> -> tensor<4x2xf32>
  %2 = dl.softmax_cross_entropy %1, %t : tensor<4x2xf32>, tensor<4xi32> -> tensor<f32>
  return %2 : tensor<f32>
}

// -----

// Without dl.trainable marks every f32 argument is updated; extra primal
// results pass through in front of the updated parameters.
// CHECK-LABEL: func.func @train_step(
// CHECK-SAME:    %[[P:[^:]*]]: tensor<3xf32>, %[[Q:[^:]*]]: tensor<f32>, %[[LR:[^:]*]]: tensor<f32>) -> (tensor<f32>, tensor<3xf32>, tensor<3xf32>, tensor<f32>)
// CHECK-NOT:     dl.num_primal_results
// CHECK:         %[[Y:.*]] = dl.mul %[[P]], %[[Q]]
// CHECK:         %[[L:.*]] = dl.reduce_sum %[[Y]]
// CHECK:         dl.mul %[[LR]], %{{.*}} : tensor<f32>, tensor<3xf32> -> tensor<3xf32>
// CHECK-NEXT:    %[[NP:.*]] = dl.sub %[[P]], %{{.*}} : tensor<3xf32>, tensor<3xf32> -> tensor<3xf32>
// CHECK-NEXT:    dl.mul %[[LR]], %{{.*}} : tensor<f32>, tensor<f32> -> tensor<f32>
// CHECK-NEXT:    %[[NQ:.*]] = dl.sub %[[Q]], %{{.*}} : tensor<f32>, tensor<f32> -> tensor<f32>
// CHECK-NEXT:    return %[[L]], %[[Y]], %[[NP]], %[[NQ]]

// WD-LABEL: func.func @train_step(
// WD:         dl.constant dense<0.00999999977> : tensor<f32>
func.func @loss(%p: tensor<3xf32>, %q: tensor<f32>) -> (tensor<f32>, tensor<3xf32>) {
  %0 = dl.mul %p, %q : tensor<3xf32>, tensor<f32> -> tensor<3xf32>
  %1 = dl.reduce_sum %0 axes = [0] : tensor<3xf32> -> tensor<f32>
  return %1, %0 : tensor<f32>, tensor<3xf32>
}
