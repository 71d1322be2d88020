// RUN: dlc-opt %s -dl-autodiff -dl-adam | FileCheck %s
// RUN: dlc-opt %s -dl-autodiff "-dl-adam=adamw amsgrad" | FileCheck %s --check-prefix=AMS

// dl-adam builds @train_step with torch's Adam: hyperparameters lr, beta1,
// beta2, eps, weight_decay (runtime arguments), per parameter the state
// <name>.exp_avg and <name>.exp_avg_sq, and the f32 `step`; every state is
// an argument and a result of the same name. Bias corrections come from
// t = step + 1 in-graph.

// CHECK-LABEL: func.func @train_step(
// CHECK-SAME:    %[[P:[^:]*]]: tensor<3xf32> {dl.name = "p", dl.role = "parameter"}, %[[LR:[^:]*]]: tensor<f32> {dl.name = "lr", dl.role = "hyperparameter"}, %[[B1:[^:]*]]: tensor<f32> {dl.name = "beta1", dl.role = "hyperparameter"}, %[[B2:[^:]*]]: tensor<f32> {dl.name = "beta2", dl.role = "hyperparameter"}, %[[EPS:[^:]*]]: tensor<f32> {dl.name = "eps", dl.role = "hyperparameter"}, %[[WD:[^:]*]]: tensor<f32> {dl.name = "weight_decay", dl.role = "hyperparameter"},
// CHECK-SAME:    %[[M:[^:]*]]: tensor<3xf32> {dl.name = "p.exp_avg", dl.role = "optimizer_state"}, %[[V:[^:]*]]: tensor<3xf32> {dl.name = "p.exp_avg_sq", dl.role = "optimizer_state"}, %[[STEP:[^:]*]]: tensor<f32> {dl.name = "step", dl.role = "optimizer_state"})
// CHECK-SAME:    -> (tensor<f32> {dl.role = "loss"}, tensor<3xf32> {dl.name = "p", dl.role = "parameter"}, tensor<3xf32> {dl.name = "p.exp_avg", dl.role = "optimizer_state"}, tensor<3xf32> {dl.name = "p.exp_avg_sq", dl.role = "optimizer_state"}, tensor<f32> {dl.name = "step", dl.role = "optimizer_state"})
// CHECK:         %[[NEXT:.*]] = dl.add %[[STEP]], %{{.*}} : tensor<f32>, tensor<f32> -> tensor<f32>
// CHECK:         %[[T:.*]] = dl.add %[[STEP]], %{{.*}} : tensor<f32>, tensor<f32> -> tensor<f32>
// CHECK:         %[[B1T:.*]] = dl.pow %[[B1]], %[[T]]
// CHECK:         %[[C1:.*]] = dl.sub %{{.*}}, %[[B1T]]
// CHECK:         %[[STEPSIZE:.*]] = dl.div %[[LR]], %[[C1]]
// CHECK:         %[[B2T:.*]] = dl.pow %[[B2]], %[[T]]
// CHECK:         %[[C2:.*]] = dl.sub %{{.*}}, %[[B2T]]
// CHECK:         %[[SQRTC2:.*]] = dl.sqrt %[[C2]]
// CHECK:         %[[DECAY:.*]] = dl.mul %[[WD]], %[[P]]
// CHECK:         %[[G:.*]] = dl.add %{{.*}}, %[[DECAY]]
// CHECK:         dl.mul %[[B1]], %[[M]]
// CHECK:         %[[NM:.*]] = dl.add
// CHECK:         dl.mul %[[B2]], %[[V]]
// CHECK:         dl.mul %[[G]], %[[G]]
// CHECK:         %[[NV:.*]] = dl.add
// CHECK:         %[[SQRTV:.*]] = dl.sqrt %[[NV]]
// CHECK:         %[[VHAT:.*]] = dl.div %[[SQRTV]], %[[SQRTC2]]
// CHECK:         %[[DENOM:.*]] = dl.add %[[VHAT]], %[[EPS]]
// CHECK:         %[[RATIO:.*]] = dl.div %[[NM]], %[[DENOM]]
// CHECK:         %[[UPD:.*]] = dl.mul %[[STEPSIZE]], %[[RATIO]]
// CHECK:         %[[NP:.*]] = dl.sub %[[P]], %[[UPD]]
// CHECK:         return %{{.*}}, %[[NP]], %[[NM]], %[[NV]], %[[NEXT]]

// AdamW decays the parameter, not the gradient; AMSGrad keeps the largest
// second moment as <name>.max_exp_avg_sq and normalises by it.
// AMS-LABEL: func.func @train_step(
// AMS-SAME:    %[[P:[^:]*]]: tensor<3xf32> {dl.name = "p", dl.role = "parameter"}, %[[LR:[^:]*]]: tensor<f32> {dl.name = "lr", dl.role = "hyperparameter"}
// AMS-SAME:    %[[WD:[^:]*]]: tensor<f32> {dl.name = "weight_decay", dl.role = "hyperparameter"}, %{{[^:]*}}: tensor<3xf32> {dl.name = "p.exp_avg", dl.role = "optimizer_state"}, %[[V:[^:]*]]: tensor<3xf32> {dl.name = "p.exp_avg_sq", dl.role = "optimizer_state"}, %[[VMAX:[^:]*]]: tensor<3xf32> {dl.name = "p.max_exp_avg_sq", dl.role = "optimizer_state"}, %{{[^:]*}}: tensor<f32> {dl.name = "step", dl.role = "optimizer_state"})
// AMS-SAME:    tensor<3xf32> {dl.name = "p.max_exp_avg_sq", dl.role = "optimizer_state"}, tensor<f32> {dl.name = "step", dl.role = "optimizer_state"})
// AMS:         %[[LRWD:.*]] = dl.mul %[[LR]], %[[WD]]
// AMS:         %[[KEEP:.*]] = dl.sub %{{.*}}, %[[LRWD]]
// AMS:         %[[DECAYED:.*]] = dl.mul %[[P]], %[[KEEP]]
// AMS-NOT:     dl.mul %[[WD]], %[[P]]
// AMS:         dl.mul %{{.*}}, %[[V]]
// AMS:         %[[NV:.*]] = dl.add
// AMS:         %[[NMAX:.*]] = dl.maximum %[[VMAX]], %[[NV]]
// AMS:         dl.sqrt %[[NMAX]]
// AMS:         %[[NP:.*]] = dl.sub %[[DECAYED]], %{{.*}}
// AMS:         return %{{.*}}, %[[NP]], %{{.*}}, %[[NV]], %[[NMAX]], %{{.*}}
func.func @loss(%p: tensor<3xf32> {dl.role = "parameter", dl.name = "p"}) -> tensor<f32> {
  %0 = dl.mul %p, %p : tensor<3xf32>, tensor<3xf32> -> tensor<3xf32>
  %1 = dl.reduce_sum %0 axes = [0] : tensor<3xf32> -> tensor<f32>
  return %1 : tensor<f32>
}
