// RUN: dlc-opt %s -dl-autodiff -split-input-file | FileCheck %s

// The VJP rules of the Statistics family (ir/ops/Statistics.cpp).

// d(mean x) = g / n broadcast back.
// CHECK-LABEL: func.func @loss_grad(
// CHECK:         %[[G:.*]] = dl.reshape %{{.*}} : tensor<4xf32> -> tensor<4x1xf32>
// CHECK:         %[[N:.*]] = dl.constant dense<1.000000e+01> : tensor<f32>
// CHECK:         %[[D:.*]] = dl.div %[[G]], %[[N]]
// CHECK:         dl.broadcast_to %[[D]] : tensor<4x1xf32> -> tensor<4x10xf32>
func.func @loss(%x: tensor<4x10xf32> {dl.role = "parameter", dl.name = "x"}) -> tensor<f32> {
  %m = dl.mean %x axes = [1] : tensor<4x10xf32> -> tensor<4xf32>
  %s = dl.reduce_sum %m axes = [0] : tensor<4xf32> -> tensor<f32>
  return %s : tensor<f32>
}

// -----

// amin: mask = 1 - sign(x - y), dx = mask * g / sum(mask).
// CHECK-LABEL: func.func @loss_grad(
// CHECK-SAME:    %[[X:[^:]*]]: tensor<4x10xf32>
// CHECK:         %[[Y:.*]] = dl.reduce_min %[[X]] axes = [1] keepdims
// CHECK:         %[[D:.*]] = dl.sub %[[X]], %[[Y]]
// CHECK:         %[[S:.*]] = dl.sign %[[D]]
// CHECK:         %[[M:.*]] = dl.sub %{{.*}}, %[[S]]
// CHECK:         %[[T:.*]] = dl.reduce_sum %[[M]] axes = [1] keepdims
// CHECK:         %[[Q:.*]] = dl.div %{{.*}}, %[[T]]
// CHECK:         dl.mul %[[M]], %[[Q]]
func.func @loss(%x: tensor<4x10xf32> {dl.role = "parameter", dl.name = "x"}) -> tensor<f32> {
  %m = dl.reduce_min %x axes = [1] keepdims : tensor<4x10xf32> -> tensor<4x1xf32>
  %s = dl.reduce_sum %m axes = [0, 1] : tensor<4x1xf32> -> tensor<f32>
  return %s : tensor<f32>
}

// -----

// logsumexp: dx = exp(x - y) * g.
// CHECK-LABEL: func.func @loss_grad(
// CHECK-SAME:    %[[X:[^:]*]]: tensor<4x10xf32>
// CHECK:         %[[Y:.*]] = dl.logsumexp %[[X]] axes = [1]
// CHECK:         %[[YK:.*]] = dl.reshape %[[Y]] : tensor<4xf32> -> tensor<4x1xf32>
// CHECK:         %[[D:.*]] = dl.sub %[[X]], %[[YK]]
// CHECK:         %[[E:.*]] = dl.exp %[[D]]
// CHECK:         dl.mul %[[E]], %{{.*}} : tensor<4x10xf32>, tensor<4x1xf32> -> tensor<4x10xf32>
func.func @loss(%x: tensor<4x10xf32> {dl.role = "parameter", dl.name = "x"}) -> tensor<f32> {
  %l = dl.logsumexp %x axes = [1] : tensor<4x10xf32> -> tensor<4xf32>
  %s = dl.reduce_sum %l axes = [0] : tensor<4xf32> -> tensor<f32>
  return %s : tensor<f32>
}

// -----

// var (correction 1, n = 10): dx = (x - mean) * (g * 2/9).
// CHECK-LABEL: func.func @loss_grad(
// CHECK-SAME:    %[[X:[^:]*]]: tensor<4x10xf32>
// CHECK:         %[[S:.*]] = dl.reduce_sum %[[X]] axes = [1] keepdims
// CHECK:         %[[MU:.*]] = dl.div %[[S]], %{{.*}}
// CHECK:         %[[C:.*]] = dl.sub %[[X]], %[[MU]]
// CHECK:         %[[K:.*]] = dl.constant dense<0.222222
// CHECK:         %[[G:.*]] = dl.mul %{{.*}}, %[[K]]
// CHECK:         dl.mul %[[C]], %[[G]]
func.func @loss(%x: tensor<4x10xf32> {dl.role = "parameter", dl.name = "x"}) -> tensor<f32> {
  %v = dl.var %x axes = [1] correction = 1 : tensor<4x10xf32> -> tensor<4xf32>
  %s = dl.reduce_sum %v axes = [0] : tensor<4xf32> -> tensor<f32>
  return %s : tensor<f32>
}
