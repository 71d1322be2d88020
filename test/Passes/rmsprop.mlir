// RUN: dlc-opt %s -dl-autodiff -dl-rmsprop | FileCheck %s
// RUN: dlc-opt %s -dl-autodiff "-dl-rmsprop=momentum centered" | FileCheck %s --check-prefix=CENTERED

// dl-rmsprop: torch's RMSprop. Hyperparameters lr, alpha, eps,
// weight_decay; state <name>.square_avg and `step` (counted, as torch's
// state keeps it; the update does not read it).

// CHECK-LABEL: func.func @train_step(
// CHECK-SAME:    %[[P:[^:]*]]: tensor<3xf32> {dl.name = "p", dl.role = "parameter"}, %[[LR:[^:]*]]: tensor<f32> {dl.name = "lr", dl.role = "hyperparameter"}, %[[ALPHA:[^:]*]]: tensor<f32> {dl.name = "alpha", dl.role = "hyperparameter"}, %[[EPS:[^:]*]]: tensor<f32> {dl.name = "eps", dl.role = "hyperparameter"}, %[[WD:[^:]*]]: tensor<f32> {dl.name = "weight_decay", dl.role = "hyperparameter"}, %[[S:[^:]*]]: tensor<3xf32> {dl.name = "p.square_avg", dl.role = "optimizer_state"}, %[[STEP:[^:]*]]: tensor<f32> {dl.name = "step", dl.role = "optimizer_state"})
// CHECK-SAME:    -> (tensor<f32> {dl.role = "loss"}, tensor<3xf32> {dl.name = "p", dl.role = "parameter"}, tensor<3xf32> {dl.name = "p.square_avg", dl.role = "optimizer_state"}, tensor<f32> {dl.name = "step", dl.role = "optimizer_state"})
// CHECK:         %[[NEXT:.*]] = dl.add %[[STEP]]
// CHECK:         %[[DECAY:.*]] = dl.mul %[[WD]], %[[P]]
// CHECK:         %[[G:.*]] = dl.add %{{.*}}, %[[DECAY]]
// CHECK:         dl.mul %[[ALPHA]], %[[S]]
// CHECK:         dl.mul %[[G]], %[[G]]
// CHECK:         %[[NS:.*]] = dl.add
// CHECK:         %[[ROOT:.*]] = dl.sqrt %[[NS]]
// CHECK:         %[[AVG:.*]] = dl.add %[[ROOT]], %[[EPS]]
// CHECK:         %[[RATIO:.*]] = dl.div %[[G]], %[[AVG]]
// CHECK:         %[[UPD:.*]] = dl.mul %[[LR]], %[[RATIO]]
// CHECK:         %[[NP:.*]] = dl.sub %[[P]], %[[UPD]]
// CHECK:         return %{{.*}}, %[[NP]], %[[NS]], %[[NEXT]]

// Centred with momentum: grad_avg and momentum_buffer are state too.
// CENTERED-LABEL: func.func @train_step(
// CENTERED-SAME:    %[[MU:[^:]*]]: tensor<f32> {dl.name = "momentum", dl.role = "hyperparameter"}, %[[S:[^:]*]]: tensor<3xf32> {dl.name = "p.square_avg", dl.role = "optimizer_state"}, %[[BUF:[^:]*]]: tensor<3xf32> {dl.name = "p.momentum_buffer", dl.role = "optimizer_state"}, %[[A:[^:]*]]: tensor<3xf32> {dl.name = "p.grad_avg", dl.role = "optimizer_state"}, %{{[^:]*}}: tensor<f32> {dl.name = "step", dl.role = "optimizer_state"})
// CENTERED-SAME:    tensor<3xf32> {dl.name = "p.square_avg", dl.role = "optimizer_state"}, tensor<3xf32> {dl.name = "p.momentum_buffer", dl.role = "optimizer_state"}, tensor<3xf32> {dl.name = "p.grad_avg", dl.role = "optimizer_state"}, tensor<f32> {dl.name = "step", dl.role = "optimizer_state"})
// CENTERED:         dl.mul %{{.*}}, %[[S]]
// CENTERED:         %[[NS:.*]] = dl.add
// CENTERED:         dl.mul %{{.*}}, %[[A]]
// CENTERED:         %[[NA:.*]] = dl.add
// CENTERED:         %[[A2:.*]] = dl.mul %[[NA]], %[[NA]]
// CENTERED:         %[[VAR:.*]] = dl.sub %[[NS]], %[[A2]]
// CENTERED:         dl.sqrt %[[VAR]]
// CENTERED:         dl.mul %[[MU]], %[[BUF]]
// CENTERED:         %[[NBUF:.*]] = dl.add
// CENTERED:         return %{{.*}}, %{{.*}}, %[[NS]], %[[NBUF]], %[[NA]], %{{.*}}
func.func @loss(%p: tensor<3xf32> {dl.role = "parameter", dl.name = "p"}) -> tensor<f32> {
  %0 = dl.mul %p, %p : tensor<3xf32>, tensor<3xf32> -> tensor<3xf32>
  %1 = dl.reduce_sum %0 axes = [0] : tensor<3xf32> -> tensor<f32>
  return %1 : tensor<f32>
}
