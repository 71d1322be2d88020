// RUN: dlc-opt %s -dl-decompose -split-input-file | FileCheck %s

// The decompositions of the Criterion family (ir/ops/Criterion.cpp).

// cross_entropy: class_weighted_sum(sum_c t, lse) - class_weighted_sum(t, x - max)
// per row (one log per row; the first over the kept size-1 class axis),
// summed and divided by the sum of the picked weights (target_weights
// without smoothing, summed over classes, then rows).
// CHECK-LABEL: func.func @cross_entropy(
// CHECK-SAME:    %[[X:[^:]*]]: tensor<8x5xf32>, %[[Y:[^:]*]]: tensor<8xi64>, %[[W:[^:]*]]: tensor<5xf32>)
// CHECK-NEXT:    %[[T:.*]] = dl.target_weights %[[Y]] classes = 5 weight %[[W]] {label_smoothing = 1.000000e-01 : f64}
// CHECK-NEXT:    %[[M:.*]] = dl.reduce_max %[[X]] axes = [1] keepdims
// CHECK-NEXT:    %[[Z:.*]] = dl.sub %[[X]], %[[M]] : tensor<8x5xf32>, tensor<8x1xf32> -> tensor<8x5xf32>
// CHECK-NEXT:    %[[E:.*]] = dl.exp %[[Z]]
// CHECK-NEXT:    %[[S:.*]] = dl.reduce_sum %[[E]] axes = [1] keepdims : tensor<8x5xf32> -> tensor<8x1xf32>
// CHECK-NEXT:    %[[LSE:.*]] = dl.log %[[S]] : tensor<8x1xf32>
// CHECK-NEXT:    %[[ST:.*]] = dl.reduce_sum %[[T]] axes = [1] keepdims : tensor<8x5xf32> -> tensor<8x1xf32>
// CHECK-NEXT:    %[[A:.*]] = dl.class_weighted_sum %[[ST]], %[[LSE]] : tensor<8x1xf32>, tensor<8x1xf32> -> tensor<8xf32>
// CHECK-NEXT:    %[[TZ:.*]] = dl.class_weighted_sum %[[T]], %[[Z]] : tensor<8x5xf32>, tensor<8x5xf32> -> tensor<8xf32>
// CHECK-NEXT:    %[[PER:.*]] = dl.sub %[[A]], %[[TZ]]
// CHECK-NEXT:    %[[T0:.*]] = dl.target_weights %[[Y]] classes = 5 weight %[[W]] : tensor<8xi64>, tensor<5xf32> -> tensor<8x5xf32>
// CHECK-NEXT:    %[[PICKED:.*]] = dl.reduce_sum %[[T0]] axes = [1] : tensor<8x5xf32> -> tensor<8xf32>
// CHECK-NEXT:    %[[DEN:.*]] = dl.reduce_sum %[[PICKED]] axes = [0] : tensor<8xf32> -> tensor<f32>
// CHECK-NEXT:    %[[SUM:.*]] = dl.reduce_sum %[[PER]] axes = [0] : tensor<8xf32> -> tensor<f32>
// CHECK-NEXT:    %[[MEAN:.*]] = dl.div %[[SUM]], %[[DEN]]
// CHECK-NEXT:    return %[[MEAN]]
func.func @cross_entropy(%x: tensor<8x5xf32>, %y: tensor<8xi64>, %w: tensor<5xf32>) -> tensor<f32> {
  %0 = dl.cross_entropy %x, %y weight %w {label_smoothing = 0.1 : f64} : tensor<8x5xf32>, tensor<8xi64>, tensor<5xf32> -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

// nll_loss on (N, C, T), reduction none: -sum over the class axis 1.
// CHECK-LABEL: func.func @nll_loss(
// CHECK-SAME:    %[[X:[^:]*]]: tensor<4x5x3xf32>, %[[Y:[^:]*]]: tensor<4x3xi32>)
// CHECK-NEXT:    %[[T:.*]] = dl.target_weights %[[Y]] classes = 5 : tensor<4x3xi32> -> tensor<4x5x3xf32>
// CHECK-NEXT:    %[[S:.*]] = dl.class_weighted_sum %[[T]], %[[X]] : tensor<4x5x3xf32>, tensor<4x5x3xf32> -> tensor<4x3xf32>
// CHECK-NEXT:    %[[N:.*]] = dl.neg %[[S]]
// CHECK-NEXT:    return %[[N]]
func.func @nll_loss(%x: tensor<4x5x3xf32>, %y: tensor<4x3xi32>) -> tensor<4x3xf32> {
  %0 = dl.nll_loss %x, %y {reduction = "none"} : tensor<4x5x3xf32>, tensor<4x3xi32> -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// -----

// CHECK-LABEL: func.func @mse_loss(
// CHECK-SAME:    %[[A:[^:]*]]: tensor<10xf32>, %[[B:[^:]*]]: tensor<10xf32>)
// CHECK-DAG:     %[[N:.*]] = dl.constant dense<1.000000e+01> : tensor<f32>
// CHECK-DAG:     %[[D:.*]] = dl.sub %[[A]], %[[B]]
// CHECK:         %[[SQ:.*]] = dl.mul %[[D]], %[[D]]
// CHECK:         %[[S:.*]] = dl.reduce_sum %[[SQ]] axes = [0] : tensor<10xf32> -> tensor<f32>
// CHECK:         %[[M:.*]] = dl.div %[[S]], %[[N]]
// CHECK:         return %[[M]]
func.func @mse_loss(%a: tensor<10xf32>, %b: tensor<10xf32>) -> tensor<f32> {
  %0 = dl.mse_loss %a, %b : tensor<10xf32>, tensor<10xf32> -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

// d2l's masked softmax: fill with -1e6, then softmax over the last axis.
// CHECK-LABEL: func.func @masked_softmax(
// CHECK-SAME:    %[[S:[^:]*]]: tensor<2x3x5xf32>, %[[N:[^:]*]]: tensor<2xi32>)
// CHECK-NEXT:    %[[F:.*]] = dl.sequence_fill %[[S]], %[[N]] value = -1.000000e+06
// CHECK-NEXT:    dl.reduce_max %[[F]] axes = [2] keepdims
func.func @masked_softmax(%s: tensor<2x3x5xf32>, %n: tensor<2xi32>) -> tensor<2x3x5xf32> {
  %0 = dl.masked_softmax %s valid_lens %n : tensor<2x3x5xf32>, tensor<2xi32>
  return %0 : tensor<2x3x5xf32>
}
