// RUN: dlc-opt %s -dl-decompose -split-input-file | FileCheck %s
// RUN: dlc-opt %s -dl-decompose -cse -split-input-file | FileCheck %s --check-prefix=CSE

// dl-decompose replaces every op implementing DecomposableOpInterface by the
// primitive dl ops its decompose method builds; other ops are left alone.

// softmax: exp(x - max) / sum(exp(x - max)), reductions kept (size-1 axis)
// so that sub and div broadcast them back.
// CHECK-LABEL: func.func @softmax(
// CHECK-SAME:    %[[X:.*]]: tensor<2x3xf32>)
// CHECK-NEXT:    %[[M:.*]] = dl.reduce_max %[[X]] axes = [1] keepdims : tensor<2x3xf32> -> tensor<2x1xf32>
// CHECK-NEXT:    %[[D:.*]] = dl.sub %[[X]], %[[M]] : tensor<2x3xf32>, tensor<2x1xf32> -> tensor<2x3xf32>
// CHECK-NEXT:    %[[E:.*]] = dl.exp %[[D]] : tensor<2x3xf32>
// CHECK-NEXT:    %[[S:.*]] = dl.reduce_sum %[[E]] axes = [1] keepdims : tensor<2x3xf32> -> tensor<2x1xf32>
// CHECK-NEXT:    %[[Y:.*]] = dl.div %[[E]], %[[S]] : tensor<2x3xf32>, tensor<2x1xf32> -> tensor<2x3xf32>
// CHECK-NEXT:    return %[[Y]]
func.func @softmax(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = dl.softmax %x axis = 1 : tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// Any axis of any rank.
// CHECK-LABEL: func.func @softmax$middle_axis(
// CHECK-NEXT:    dl.reduce_max %{{.*}} axes = [1] keepdims : tensor<2x3x4xf32> -> tensor<2x1x4xf32>
// CHECK-NEXT:    dl.sub %{{.*}}, %{{.*}} : tensor<2x3x4xf32>, tensor<2x1x4xf32> -> tensor<2x3x4xf32>
// CHECK-NEXT:    dl.exp
// CHECK-NEXT:    dl.reduce_sum %{{.*}} axes = [1] keepdims : tensor<2x3x4xf32> -> tensor<2x1x4xf32>
// CHECK-NEXT:    dl.div
// CHECK-NOT:     dl.softmax
func.func @softmax$middle_axis(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %0 = dl.softmax %x axis = 1 : tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// log_softmax: z = x - max; z - log(sum(exp(z))). No log of a probability.
// CHECK-LABEL: func.func @log_softmax(
// CHECK-SAME:    %[[X:.*]]: tensor<4x3xf32>)
// CHECK-NEXT:    %[[M:.*]] = dl.reduce_max %[[X]] axes = [0] keepdims : tensor<4x3xf32> -> tensor<1x3xf32>
// CHECK-NEXT:    %[[Z:.*]] = dl.sub %[[X]], %[[M]] : tensor<4x3xf32>, tensor<1x3xf32> -> tensor<4x3xf32>
// CHECK-NEXT:    %[[E:.*]] = dl.exp %[[Z]] : tensor<4x3xf32>
// CHECK-NEXT:    %[[S:.*]] = dl.reduce_sum %[[E]] axes = [0] keepdims : tensor<4x3xf32> -> tensor<1x3xf32>
// CHECK-NEXT:    %[[L:.*]] = dl.log %[[S]] : tensor<1x3xf32>
// CHECK-NEXT:    %[[Y:.*]] = dl.sub %[[Z]], %[[L]] : tensor<4x3xf32>, tensor<1x3xf32> -> tensor<4x3xf32>
// CHECK-NEXT:    return %[[Y]]
func.func @log_softmax(%x: tensor<4x3xf32>) -> tensor<4x3xf32> {
  %0 = dl.log_softmax %x axis = 0 : tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// -----

// softmax_cross_entropy: mean over rows of logsumexp - picked logit, with
// logsumexp = max + log(sum(exp(x - max))) and picked = sum(one_hot * x).
// CHECK-LABEL: func.func @softmax_cross_entropy(
// CHECK-SAME:    %[[X:.*]]: tensor<4x3xf32>, %[[T:.*]]: tensor<4xi32>) -> tensor<f32>
// CHECK-DAG:     %[[N:.*]] = dl.constant dense<4.000000e+00> : tensor<f32>
// CHECK-DAG:     %[[M:.*]] = dl.reduce_max %[[X]] axes = [1] keepdims : tensor<4x3xf32> -> tensor<4x1xf32>
// CHECK:         %[[D:.*]] = dl.sub %[[X]], %[[M]] : tensor<4x3xf32>, tensor<4x1xf32> -> tensor<4x3xf32>
// CHECK-NEXT:    %[[E:.*]] = dl.exp %[[D]] : tensor<4x3xf32>
// CHECK-NEXT:    %[[S:.*]] = dl.reduce_sum %[[E]] axes = [1] keepdims : tensor<4x3xf32> -> tensor<4x1xf32>
// CHECK-NEXT:    %[[LOG:.*]] = dl.log %[[S]] : tensor<4x1xf32>
// CHECK-NEXT:    %[[LSE:.*]] = dl.add %[[LOG]], %[[M]] : tensor<4x1xf32>, tensor<4x1xf32> -> tensor<4x1xf32>
// CHECK-NEXT:    %[[OH:.*]] = dl.one_hot %[[T]] classes = 3 : tensor<4xi32> -> tensor<4x3xf32>
// CHECK-NEXT:    %[[TX:.*]] = dl.mul %[[OH]], %[[X]] : tensor<4x3xf32>, tensor<4x3xf32> -> tensor<4x3xf32>
// CHECK-NEXT:    %[[P:.*]] = dl.reduce_sum %[[TX]] axes = [1] keepdims : tensor<4x3xf32> -> tensor<4x1xf32>
// CHECK-NEXT:    %[[TERM:.*]] = dl.sub %[[LSE]], %[[P]] : tensor<4x1xf32>, tensor<4x1xf32> -> tensor<4x1xf32>
// CHECK-NEXT:    %[[TOTAL:.*]] = dl.reduce_sum %[[TERM]] axes = [0, 1] : tensor<4x1xf32> -> tensor<f32>
// CHECK-NEXT:    %[[L:.*]] = dl.div %[[TOTAL]], %[[N]] : tensor<f32>, tensor<f32> -> tensor<f32>
// CHECK-NEXT:    return %[[L]]
func.func @softmax_cross_entropy(%x: tensor<4x3xf32>, %t: tensor<4xi32>) -> tensor<f32> {
  %0 = dl.softmax_cross_entropy %x, %t : tensor<4x3xf32>, tensor<4xi32> -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

// Primitive ops, reduce_max included, have nothing to decompose.
// CHECK-LABEL: func.func @primitives_untouched(
// CHECK-NEXT:    dl.reduce_max
// CHECK-NEXT:    dl.exp
// CHECK-NEXT:    dl.one_hot
// CHECK-NEXT:    return
func.func @primitives_untouched(%x: tensor<2x3xf32>, %t: tensor<2xi32>) -> (tensor<2xf32>, tensor<2x3xf32>) {
  %0 = dl.reduce_max %x axes = [1] : tensor<2x3xf32> -> tensor<2xf32>
  %1 = dl.exp %0 : tensor<2xf32>
  %2 = dl.one_hot %t classes = 3 : tensor<2xi32> -> tensor<2x3xf32>
  return %1, %2 : tensor<2xf32>, tensor<2x3xf32>
}

// -----

// A training step computes the loss and, for its gradient, softmax of the
// same logits: decomposed, both start with the same row max, exp and sum,
// and cse keeps one of each (and one one_hot).
// CHECK-LABEL: func.func @loss_and_gradient(
// CHECK-COUNT-2: dl.reduce_max
// CSE-LABEL: func.func @loss_and_gradient(
// CSE:         %[[M:.*]] = dl.reduce_max
// CSE:         %[[E:.*]] = dl.exp
// CSE-NEXT:    %[[S:.*]] = dl.reduce_sum %[[E]] axes = [1] keepdims
// CSE:         %[[OH:.*]] = dl.one_hot
// CSE-NOT:     dl.reduce_max
// CSE-NOT:     dl.exp
// CSE:         %[[P:.*]] = dl.div %[[E]], %[[S]]
// CSE-NEXT:    %[[D:.*]] = dl.sub %[[P]], %[[OH]]
// CSE-NEXT:    return
func.func @loss_and_gradient(%x: tensor<4x3xf32>, %t: tensor<4xi32>) -> (tensor<f32>, tensor<4x3xf32>) {
  %0 = dl.softmax_cross_entropy %x, %t : tensor<4x3xf32>, tensor<4xi32> -> tensor<f32>
  %1 = dl.softmax %x axis = 1 : tensor<4x3xf32>
  %2 = dl.one_hot %t classes = 3 : tensor<4xi32> -> tensor<4x3xf32>
  %3 = dl.sub %1, %2 : tensor<4x3xf32>, tensor<4x3xf32> -> tensor<4x3xf32>
  return %0, %3 : tensor<f32>, tensor<4x3xf32>
}
