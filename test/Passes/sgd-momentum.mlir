// RUN: dlc-opt %s -dl-autodiff -dl-sgd=momentum | FileCheck %s
// RUN: dlc-opt %s -dl-autodiff "-dl-sgd=momentum nesterov" | FileCheck %s --check-prefix=NESTEROV

// dl-sgd with torch's momentum buffer: hyperparameters momentum and
// dampening follow lr and weight_decay; state <name>.momentum_buffer and
// `step`. The buffer is zero-filled by the runtime; torch's first buffer is
// the gradient itself, so the gradient's coefficient is
// c = 1 - dampening * (1 - [step == 0]): 1 at step 0, 1 - dampening after.

// CHECK-LABEL: func.func @train_step(
// CHECK-SAME:    %[[P:[^:]*]]: tensor<3xf32> {dl.name = "p", dl.role = "parameter"}, %[[LR:[^:]*]]: tensor<f32> {dl.name = "lr", dl.role = "hyperparameter"}, %[[WD:[^:]*]]: tensor<f32> {dl.name = "weight_decay", dl.role = "hyperparameter"}, %[[MU:[^:]*]]: tensor<f32> {dl.name = "momentum", dl.role = "hyperparameter"}, %[[DAMP:[^:]*]]: tensor<f32> {dl.name = "dampening", dl.role = "hyperparameter"}, %[[BUF:[^:]*]]: tensor<3xf32> {dl.name = "p.momentum_buffer", dl.role = "optimizer_state"}, %[[STEP:[^:]*]]: tensor<f32> {dl.name = "step", dl.role = "optimizer_state"})
// CHECK-SAME:    -> (tensor<f32> {dl.role = "loss"}, tensor<3xf32> {dl.name = "p", dl.role = "parameter"}, tensor<3xf32> {dl.name = "p.momentum_buffer", dl.role = "optimizer_state"}, tensor<f32> {dl.name = "step", dl.role = "optimizer_state"})
// CHECK:         %[[NEXT:.*]] = dl.add %[[STEP]]
// CHECK:         %[[FIRST:.*]] = dl.eq %[[STEP]]
// CHECK:         %[[FIRSTF:.*]] = dl.cast %[[FIRST]] : tensor<i1> -> tensor<f32>
// CHECK:         %[[LATER:.*]] = dl.sub %{{.*}}, %[[FIRSTF]]
// CHECK:         %[[DL:.*]] = dl.mul %[[DAMP]], %[[LATER]]
// CHECK:         %[[C:.*]] = dl.sub %{{.*}}, %[[DL]]
// CHECK:         %[[DECAY:.*]] = dl.mul %[[WD]], %[[P]]
// CHECK:         %[[D:.*]] = dl.add %{{.*}}, %[[DECAY]]
// CHECK:         %[[OLD:.*]] = dl.mul %[[MU]], %[[BUF]]
// CHECK:         %[[NEW:.*]] = dl.mul %[[C]], %[[D]]
// CHECK:         %[[NBUF:.*]] = dl.add %[[OLD]], %[[NEW]]
// CHECK:         %[[UPD:.*]] = dl.mul %[[LR]], %[[NBUF]]
// CHECK:         %[[NP:.*]] = dl.sub %[[P]], %[[UPD]]
// CHECK:         return %{{.*}}, %[[NP]], %[[NBUF]], %[[NEXT]]

// Nesterov steps along d + momentum * buf'.
// NESTEROV-LABEL: func.func @train_step(
// NESTEROV-SAME:    %[[MU:[^:]*]]: tensor<f32> {dl.name = "momentum", dl.role = "hyperparameter"}
// NESTEROV-SAME:    %[[BUF:[^:]*]]: tensor<3xf32> {dl.name = "p.momentum_buffer", dl.role = "optimizer_state"}
// NESTEROV:         dl.mul %[[MU]], %[[BUF]]
// NESTEROV:         %[[NBUF:.*]] = dl.add %{{.*}}, %{{.*}} : tensor<3xf32>
// NESTEROV-NEXT:    %[[LOOK:.*]] = dl.mul %[[MU]], %[[NBUF]]
// NESTEROV-NEXT:    %[[DIR:.*]] = dl.add %[[D:.*]], %[[LOOK]]
// NESTEROV-NEXT:    %[[UPD:.*]] = dl.mul %{{.*}}, %[[DIR]]
// NESTEROV-NEXT:    %[[NP:.*]] = dl.sub %{{.*}}, %[[UPD]]
// NESTEROV-NEXT:    return %{{.*}}, %[[NP]], %[[NBUF]], %{{.*}}
func.func @loss(%p: tensor<3xf32> {dl.role = "parameter", dl.name = "p"}) -> tensor<f32> {
  %0 = dl.mul %p, %p : tensor<3xf32>, tensor<3xf32> -> tensor<3xf32>
  %1 = dl.reduce_sum %0 axes = [0] : tensor<3xf32> -> tensor<f32>
  return %1 : tensor<f32>
}
