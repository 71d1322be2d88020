// RUN: dlc-opt %s -dl-autodiff -dl-clip-grad-norm | FileCheck %s
// RUN: dlc-opt %s -dl-autodiff -dl-clip-grad-norm -dl-adam | FileCheck %s --check-prefix=STEP

// dl-clip-grad-norm rewrites @loss_grad in place as torch's
// clip_grad_norm_: total = norm of the per-gradient norms, every gradient
// times min(max_norm / (total + 1e-6), 1). max_norm is a hyperparameter
// argument; the total is returned as output "grad_norm" after the primal
// results.

// CHECK-LABEL: func.func @loss_grad(
// CHECK-SAME:    %{{[^:]*}}: tensor<2x3xf32> {dl.name = "p", dl.role = "parameter"}, %{{[^:]*}}: tensor<f32> {dl.name = "q", dl.role = "parameter"}, %[[MAX:[^:]*]]: tensor<f32> {dl.name = "max_norm", dl.role = "hyperparameter"})
// CHECK-SAME:    -> (tensor<f32> {dl.role = "loss"}, tensor<2x3xf32> {dl.role = "output"}, tensor<f32> {dl.name = "grad_norm", dl.role = "output"}, tensor<2x3xf32> {dl.name = "p", dl.role = "gradient"}, tensor<f32> {dl.name = "q", dl.role = "gradient"})
// CHECK:         %[[GP:.*]] = dl.mul %{{[0-9]+}}, %arg1 : tensor<2x3xf32>, tensor<f32> -> tensor<2x3xf32>
// CHECK:         %[[GQ:.*]] = dl.reshape %{{.*}} : tensor<1x1xf32> -> tensor<f32>
// CHECK:         %[[SQP:.*]] = dl.mul %[[GP]], %[[GP]]
// CHECK:         %[[SUMP:.*]] = dl.reduce_sum %[[SQP]] axes = [0, 1] : tensor<2x3xf32> -> tensor<f32>
// CHECK:         %[[NORMP:.*]] = dl.sqrt %[[SUMP]]
// CHECK:         %[[NP2:.*]] = dl.mul %[[NORMP]], %[[NORMP]]
// CHECK:         %[[SQQ:.*]] = dl.mul %[[GQ]], %[[GQ]]
// CHECK:         %[[NORMQ:.*]] = dl.sqrt %[[SQQ]]
// CHECK:         %[[NQ2:.*]] = dl.mul %[[NORMQ]], %[[NORMQ]]
// CHECK:         %[[SUM:.*]] = dl.add %[[NP2]], %[[NQ2]]
// CHECK:         %[[TOTAL:.*]] = dl.sqrt %[[SUM]]
// CHECK:         %[[TINY:.*]] = dl.constant dense<9.99999997E-7> : tensor<f32>
// CHECK:         %[[DEN:.*]] = dl.add %[[TOTAL]], %[[TINY]]
// CHECK:         %[[COEF:.*]] = dl.div %[[MAX]], %[[DEN]]
// CHECK:         %[[ONE:.*]] = dl.constant dense<1.000000e+00> : tensor<f32>
// CHECK:         %[[CLAMPED:.*]] = dl.minimum %[[COEF]], %[[ONE]]
// CHECK:         %[[CP:.*]] = dl.mul %[[GP]], %[[CLAMPED]]
// CHECK:         %[[CQ:.*]] = dl.mul %[[GQ]], %[[CLAMPED]]
// CHECK:         return %{{.*}}, %{{.*}}, %[[TOTAL]], %[[CP]], %[[CQ]]

// The optimizer then steps the clipped gradients; max_norm stays an
// argument and grad_norm a result of @train_step.
// STEP-LABEL: func.func @train_step(
// STEP-SAME:    tensor<f32> {dl.name = "max_norm", dl.role = "hyperparameter"}, %{{[^:]*}}: tensor<f32> {dl.name = "lr", dl.role = "hyperparameter"}
// STEP-SAME:    -> (tensor<f32> {dl.role = "loss"}, tensor<2x3xf32> {dl.role = "output"}, tensor<f32> {dl.name = "grad_norm", dl.role = "output"}, tensor<2x3xf32> {dl.name = "p", dl.role = "parameter"}
// STEP:         dl.minimum
// STEP:         dl.pow
func.func @loss(%p: tensor<2x3xf32> {dl.role = "parameter", dl.name = "p"},
                %q: tensor<f32> {dl.role = "parameter", dl.name = "q"})
    -> (tensor<f32> {dl.role = "loss"}, tensor<2x3xf32> {dl.role = "output"}) {
  %0 = dl.mul %p, %q : tensor<2x3xf32>, tensor<f32> -> tensor<2x3xf32>
  %1 = dl.reduce_sum %0 axes = [0, 1] : tensor<2x3xf32> -> tensor<f32>
  return %1, %0 : tensor<f32>, tensor<2x3xf32>
}
