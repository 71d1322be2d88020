// RUN: dlc-opt %s -dl-autodiff -dl-sgd -split-input-file | FileCheck %s

// dl-sgd clones @loss_grad as @train_step(args..., %lr, %weight_decay): the
// two hyperparameters are runtime arguments with role "hyperparameter", so a
// schedule changes them without recompiling. Each gradient result is
// replaced by the updated parameter p - lr * (g + weight_decay * p), a result
// with role "parameter" and the parameter's name. @loss_grad stays.

// CHECK-LABEL: func.func @loss_grad(
// CHECK-LABEL: func.func @train_step(
// CHECK-SAME:    %[[X:[^:]*]]: tensor<4x3xf32> {dl.role = "input"}, %[[W:[^:]*]]: tensor<2x3xf32> {dl.name = "w", dl.role = "parameter"}, %[[B:[^:]*]]: tensor<2xf32> {dl.name = "b", dl.role = "parameter"}, %[[T:[^:]*]]: tensor<4xi32> {dl.role = "target"},
// CHECK-SAME:    %[[LR:[^:]*]]: tensor<f32> {dl.name = "lr", dl.role = "hyperparameter"}, %[[WD:[^:]*]]: tensor<f32> {dl.name = "weight_decay", dl.role = "hyperparameter"})
// CHECK-SAME:    -> (tensor<f32> {dl.role = "loss"}, tensor<2x3xf32> {dl.name = "w", dl.role = "parameter"}, tensor<2xf32> {dl.name = "b", dl.role = "parameter"}) {
// CHECK:         %[[L:.*]] = dl.softmax_cross_entropy
// CHECK:         %[[DB:.*]] = dl.reshape %{{.*}} : tensor<1x2xf32> -> tensor<2xf32>
// CHECK:         %[[DW:.*]] = dl.matmul %{{.*}}, %[[X]] transpose_lhs : tensor<4x2xf32>, tensor<4x3xf32> -> tensor<2x3xf32>
// CHECK-NEXT:    %[[DECAY_W:.*]] = dl.mul %[[WD]], %[[W]] : tensor<f32>, tensor<2x3xf32> -> tensor<2x3xf32>
// CHECK-NEXT:    %[[GW:.*]] = dl.add %[[DW]], %[[DECAY_W]] : tensor<2x3xf32>, tensor<2x3xf32> -> tensor<2x3xf32>
// CHECK-NEXT:    %[[SW:.*]] = dl.mul %[[LR]], %[[GW]] : tensor<f32>, tensor<2x3xf32> -> tensor<2x3xf32>
// CHECK-NEXT:    %[[NW:.*]] = dl.sub %[[W]], %[[SW]] : tensor<2x3xf32>, tensor<2x3xf32> -> tensor<2x3xf32>
// CHECK-NEXT:    %[[DECAY_B:.*]] = dl.mul %[[WD]], %[[B]] : tensor<f32>, tensor<2xf32> -> tensor<2xf32>
// CHECK-NEXT:    %[[GB:.*]] = dl.add %[[DB]], %[[DECAY_B]]
// CHECK-NEXT:    %[[SB:.*]] = dl.mul %[[LR]], %[[GB]]
// CHECK-NEXT:    %[[NB:.*]] = dl.sub %[[B]], %[[SB]]
// CHECK-NEXT:    return %[[L]], %[[NW]], %[[NB]] : tensor<f32>, tensor<2x3xf32>, tensor<2xf32>
func.func @loss(%x: tensor<4x3xf32> {dl.role = "input"},
                %w: tensor<2x3xf32> {dl.role = "parameter", dl.name = "w"},
                %b: tensor<2xf32> {dl.role = "parameter", dl.name = "b"},
                %t: tensor<4xi32> {dl.role = "target"}) -> tensor<f32> {
  %0 = dl.matmul %x, %w transpose_rhs : tensor<4x3xf32>, tensor<2x3xf32> -> tensor<4x2xf32>
  %1 = dl.add %0, %b : tensor<4x2xf32>, tensor<2xf32> -> tensor<4x2xf32>
  %2 = dl.softmax_cross_entropy %1, %t : tensor<4x2xf32>, tensor<4xi32> -> tensor<f32>
  return %2 : tensor<f32>
}

// -----

// Extra primal results pass through, with their roles, in front of the
// updated parameters.
// CHECK-LABEL: func.func @train_step(
// CHECK-SAME:    %[[P:[^:]*]]: tensor<3xf32> {dl.name = "p", dl.role = "parameter"}, %[[Q:[^:]*]]: tensor<f32> {dl.name = "q", dl.role = "parameter"}, %[[LR:[^:]*]]: tensor<f32> {dl.name = "lr", dl.role = "hyperparameter"}, %[[WD:[^:]*]]: tensor<f32> {dl.name = "weight_decay", dl.role = "hyperparameter"})
// CHECK-SAME:    -> (tensor<f32> {dl.role = "loss"}, tensor<3xf32> {dl.role = "output"}, tensor<3xf32> {dl.name = "p", dl.role = "parameter"}, tensor<f32> {dl.name = "q", dl.role = "parameter"})
// CHECK:         %[[Y:.*]] = dl.mul %[[P]], %[[Q]]
// CHECK:         %[[L:.*]] = dl.reduce_sum %[[Y]]
// CHECK:         %[[NP:.*]] = dl.sub %[[P]], %{{.*}} : tensor<3xf32>, tensor<3xf32> -> tensor<3xf32>
// CHECK:         %[[NQ:.*]] = dl.sub %[[Q]], %{{.*}} : tensor<f32>, tensor<f32> -> tensor<f32>
// CHECK-NEXT:    return %[[L]], %[[Y]], %[[NP]], %[[NQ]]
func.func @loss(%p: tensor<3xf32> {dl.role = "parameter", dl.name = "p"},
                %q: tensor<f32> {dl.role = "parameter", dl.name = "q"})
    -> (tensor<f32> {dl.role = "loss"}, tensor<3xf32> {dl.role = "output"}) {
  %0 = dl.mul %p, %q : tensor<3xf32>, tensor<f32> -> tensor<3xf32>
  %1 = dl.reduce_sum %0 axes = [0] : tensor<3xf32> -> tensor<f32>
  return %1, %0 : tensor<f32>, tensor<3xf32>
}

// -----

// f64 parameters get f64 hyperparameters.
// CHECK-LABEL: func.func @train_step(
// CHECK-SAME:    %{{.*}}: tensor<f64> {dl.name = "lr", dl.role = "hyperparameter"}, %{{.*}}: tensor<f64> {dl.name = "weight_decay", dl.role = "hyperparameter"})
// CHECK-SAME:    -> (tensor<f64> {dl.role = "loss"}, tensor<3xf64> {dl.name = "p", dl.role = "parameter"})
func.func @loss(%p: tensor<3xf64> {dl.role = "parameter", dl.name = "p"}) -> tensor<f64> {
  %0 = dl.exp %p : tensor<3xf64>
  %1 = dl.reduce_sum %0 axes = [0] : tensor<3xf64> -> tensor<f64>
  return %1 : tensor<f64>
}
