// RUN: dlc-opt %s -dl-lower-to-linalg -split-input-file | FileCheck %s

// The Criterion family's lowering (passes/lowering/CriterionToLinalg.cpp).

// One generic over (N, C, T): the target is read without the class axis 1,
// the weight along it; the class index is linalg.index 1.
// CHECK-DAG:   #[[TGT:.*]] = affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-DAG:   #[[CLS:.*]] = affine_map<(d0, d1, d2) -> (d1)>
// CHECK-LABEL: func.func @target_weights(
// CHECK-DAG:     %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-DAG:     %[[OFF:.*]] = arith.constant 5.000000e-02 : f32
// CHECK-DAG:     %[[ON:.*]] = arith.constant 8.000000e-01 : f32
// CHECK-DAG:     %[[C:.*]] = arith.constant 5 : i64
// CHECK-DAG:     %[[IGN:.*]] = arith.constant 0 : i64
// CHECK:         linalg.generic {indexing_maps = [#[[TGT]], #[[CLS]], #{{.*}}], iterator_types = ["parallel", "parallel", "parallel"]}
// CHECK:         ^bb0(%[[T:.*]]: i64, %[[W:.*]]: f32, %{{.*}}: f32):
// CHECK:           arith.cmpi sge, %[[T]]
// CHECK:           arith.cmpi slt, %[[T]], %[[C]]
// CHECK:           %[[NOTIGN:.*]] = arith.cmpi ne, %[[T]], %[[IGN]]
// CHECK:           %[[VALID:.*]] = arith.andi %{{.*}}, %[[NOTIGN]]
// CHECK:           %[[K:.*]] = linalg.index 1
// CHECK:           %[[KI:.*]] = arith.index_cast %[[K]] : index to i64
// CHECK:           %[[HIT:.*]] = arith.cmpi eq, %[[T]], %[[KI]]
// CHECK:           %[[V:.*]] = arith.select %[[HIT]], %[[ON]], %[[OFF]]
// CHECK:           %[[VW:.*]] = arith.mulf %[[V]], %[[W]]
// CHECK:           %[[R:.*]] = arith.select %[[VALID]], %[[VW]], %[[ZERO]]
// CHECK:           linalg.yield %[[R]]
func.func @target_weights(%t: tensor<4x7xi64>, %w: tensor<5xf32>) -> tensor<4x5x7xf32> {
  %0 = dl.target_weights %t classes = 5 weight %w {ignore_index = 0 : i64, label_smoothing = 0.25 : f64} : tensor<4x7xi64>, tensor<5xf32> -> tensor<4x5x7xf32>
  return %0 : tensor<4x5x7xf32>
}

// -----

// CHECK-DAG:   #[[ID:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-DAG:   #[[LEN:.*]] = affine_map<(d0, d1, d2) -> (d0)>
// CHECK-LABEL: func.func @sequence_fill(
// CHECK:         %[[FILL:.*]] = arith.constant -1.000000e+06 : f32
// CHECK:         linalg.generic {indexing_maps = [#[[ID]], #[[LEN]], #[[ID]]]
// CHECK:         ^bb0(%[[X:.*]]: f32, %[[N:.*]]: i32, %{{.*}}: f32):
// CHECK:           %[[K:.*]] = linalg.index 2
// CHECK:           %[[KI:.*]] = arith.index_cast %[[K]] : index to i32
// CHECK:           %[[KEEP:.*]] = arith.cmpi slt, %[[KI]], %[[N]]
// CHECK:           %[[R:.*]] = arith.select %[[KEEP]], %[[X]], %[[FILL]]
// CHECK:           linalg.yield %[[R]]
func.func @sequence_fill(%x: tensor<2x3x5xf32>, %n: tensor<2xi32>) -> tensor<2x3x5xf32> {
  %0 = dl.sequence_fill %x, %n value = -1.0e6 : tensor<2x3x5xf32>, tensor<2xi32>
  return %0 : tensor<2x3x5xf32>
}

// -----

// Stable per-element loss with Kahan's log1p; pos_weight read along the last axis.
// CHECK-DAG:   #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG:   #[[LAST:.*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-LABEL: func.func @bce_none(
// CHECK:         linalg.generic {indexing_maps = [#[[ID]], #[[ID]], #[[LAST]], #[[ID]]]
// CHECK:           math.absf
// CHECK:           math.exp
// CHECK:           math.log
// CHECK:           arith.cmpf oeq
// CHECK:           arith.maximumf
// CHECK:           linalg.yield
// CHECK-NOT:     linalg.generic
func.func @bce_none(%x: tensor<4x3xf32>, %t: tensor<4x3xf32>, %p: tensor<3xf32>) -> tensor<4x3xf32> {
  %0 = dl.binary_cross_entropy_with_logits %x, %t pos_weight %p {reduction = "none"} : tensor<4x3xf32>, tensor<4x3xf32>, tensor<3xf32> -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// -----

// "mean": the per-element generic, a sum reduction, a division by the count.
// CHECK-LABEL: func.func @bce_mean(
// CHECK:         %[[N:.*]] = arith.constant dense<1.200000e+01> : tensor<f32>
// CHECK:         %[[PER:.*]] = linalg.generic
// CHECK:           math.log
// CHECK:         %[[SUM:.*]] = linalg.generic {{.*}} iterator_types = ["reduction", "reduction"]} ins(%[[PER]]
// CHECK:         linalg.generic {{.*}} ins(%[[SUM]], %[[N]]
// CHECK:           arith.divf
func.func @bce_mean(%x: tensor<4x3xf32>, %t: tensor<4x3xf32>) -> tensor<f32> {
  %0 = dl.binary_cross_entropy_with_logits %x, %t : tensor<4x3xf32>, tensor<4x3xf32> -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

// Through the decomposition: no dl op is left.
// CHECK-LABEL: func.func @cross_entropy(
// CHECK-NOT:     dl.
// CHECK:         linalg.index 1
// CHECK-NOT:     dl.
// CHECK:         math.log
// CHECK-NOT:     dl.
// CHECK:         return
func.func @cross_entropy(%x: tensor<8x5xf32>, %y: tensor<8xi64>) -> tensor<f32> {
  %0 = dl.cross_entropy %x, %y : tensor<8x5xf32>, tensor<8xi64> -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

// CHECK-LABEL: func.func @masked_softmax(
// CHECK-NOT:     dl.
// CHECK:         arith.constant -1.000000e+06
// CHECK-NOT:     dl.
// CHECK:         math.exp
// CHECK-NOT:     dl.
// CHECK:         return
func.func @masked_softmax(%s: tensor<2x3x5xf32>, %n: tensor<2x3xi64>) -> tensor<2x3x5xf32> {
  %0 = dl.masked_softmax %s valid_lens %n : tensor<2x3x5xf32>, tensor<2x3xi64>
  return %0 : tensor<2x3x5xf32>
}

// -----

// CHECK-LABEL: func.func @mse_loss(
// CHECK-NOT:     dl.
// CHECK:         arith.subf
// CHECK:         arith.mulf
// CHECK-NOT:     dl.
// CHECK:         return
func.func @mse_loss(%a: tensor<10xf32>, %b: tensor<10xf32>) -> tensor<f32> {
  %0 = dl.mse_loss %a, %b {reduction = "sum"} : tensor<10xf32>, tensor<10xf32> -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

// CHECK-LABEL: func.func @nll_loss(
// CHECK-NOT:     dl.
// CHECK:         linalg.index 1
// CHECK-NOT:     dl.
// CHECK:         return
func.func @nll_loss(%x: tensor<8x5xf32>, %y: tensor<8xi32>) -> tensor<8xf32> {
  %0 = dl.nll_loss %x, %y {reduction = "none"} : tensor<8x5xf32>, tensor<8xi32> -> tensor<8xf32>
  return %0 : tensor<8xf32>
}
