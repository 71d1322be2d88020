// RUN: dlc-opt %s -dl-autodiff -dl-adagrad | FileCheck %s

// dl-adagrad: torch's Adagrad. The runtime zero-fills <name>.sum, so the
// first step (step == 0) adds initial_accumulator_value in-graph; the
// learning rate decays as lr / (1 + step * lr_decay).

// CHECK-LABEL: func.func @train_step(
// CHECK-SAME:    %[[P:[^:]*]]: tensor<3xf32> {dl.name = "p", dl.role = "parameter"}, %[[LR:[^:]*]]: tensor<f32> {dl.name = "lr", dl.role = "hyperparameter"}, %[[DECAY:[^:]*]]: tensor<f32> {dl.name = "lr_decay", dl.role = "hyperparameter"}, %[[WD:[^:]*]]: tensor<f32> {dl.name = "weight_decay", dl.role = "hyperparameter"}, %[[EPS:[^:]*]]: tensor<f32> {dl.name = "eps", dl.role = "hyperparameter"}, %[[IAV:[^:]*]]: tensor<f32> {dl.name = "initial_accumulator_value", dl.role = "hyperparameter"}, %[[SUM:[^:]*]]: tensor<3xf32> {dl.name = "p.sum", dl.role = "optimizer_state"}, %[[STEP:[^:]*]]: tensor<f32> {dl.name = "step", dl.role = "optimizer_state"})
// CHECK-SAME:    -> (tensor<f32> {dl.role = "loss"}, tensor<3xf32> {dl.name = "p", dl.role = "parameter"}, tensor<3xf32> {dl.name = "p.sum", dl.role = "optimizer_state"}, tensor<f32> {dl.name = "step", dl.role = "optimizer_state"})
// CHECK:         %[[NEXT:.*]] = dl.add %[[STEP]]
// CHECK:         %[[SD:.*]] = dl.mul %[[STEP]], %[[DECAY]]
// CHECK:         %[[DEN:.*]] = dl.add %{{.*}}, %[[SD]]
// CHECK:         %[[CLR:.*]] = dl.div %[[LR]], %[[DEN]]
// CHECK:         %[[ZERO:.*]] = dl.constant dense<0.000000e+00> : tensor<f32>
// CHECK:         %[[FIRST:.*]] = dl.eq %[[STEP]], %[[ZERO]] : tensor<f32>, tensor<f32> -> tensor<i1>
// CHECK:         %[[FIRSTF:.*]] = dl.cast %[[FIRST]] : tensor<i1> -> tensor<f32>
// CHECK:         %[[START:.*]] = dl.mul %[[IAV]], %[[FIRSTF]]
// CHECK:         %[[G:.*]] = dl.add
// CHECK:         %[[S0:.*]] = dl.add %[[SUM]], %[[START]]
// CHECK:         %[[G2:.*]] = dl.mul %[[G]], %[[G]]
// CHECK:         %[[NSUM:.*]] = dl.add %[[S0]], %[[G2]]
// CHECK:         %[[ROOT:.*]] = dl.sqrt %[[NSUM]]
// CHECK:         %[[STD:.*]] = dl.add %[[ROOT]], %[[EPS]]
// CHECK:         %[[RATIO:.*]] = dl.div %[[G]], %[[STD]]
// CHECK:         %[[UPD:.*]] = dl.mul %[[CLR]], %[[RATIO]]
// CHECK:         %[[NP:.*]] = dl.sub %[[P]], %[[UPD]]
// CHECK:         return %{{.*}}, %[[NP]], %[[NSUM]], %[[NEXT]]
func.func @loss(%p: tensor<3xf32> {dl.role = "parameter", dl.name = "p"}) -> tensor<f32> {
  %0 = dl.mul %p, %p : tensor<3xf32>, tensor<3xf32> -> tensor<3xf32>
  %1 = dl.reduce_sum %0 axes = [0] : tensor<3xf32> -> tensor<f32>
  return %1 : tensor<f32>
}
