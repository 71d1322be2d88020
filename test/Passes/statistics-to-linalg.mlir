// RUN: dlc-opt %s -dl-lower-to-linalg -split-input-file | FileCheck %s

// The Statistics family's lowering (passes/lowering/StatisticsToLinalg.cpp,
// and the decompositions of mean, reduce_min and var).

// mean: reduce_sum, then a division by n.
// CHECK-LABEL: func.func @mean(
// CHECK:         linalg.generic {{.*}}iterator_types = ["parallel", "reduction"]
// CHECK:           arith.addf
// CHECK:         linalg.generic
// CHECK:           arith.divf
func.func @mean(%x: tensor<4x10xf32>) -> tensor<4xf32> {
  %0 = dl.mean %x axes = [1] : tensor<4x10xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// reduce_min = -reduce_max(-x).
// CHECK-LABEL: func.func @reduce_min(
// CHECK:           arith.negf
// CHECK:           arith.maximumf
// CHECK:           arith.negf
func.func @reduce_min(%x: tensor<4x10xf32>) -> tensor<4xf32> {
  %0 = dl.reduce_min %x axes = [1] : tensor<4x10xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// argmax: one generic carrying (max, index); strictly greater keeps the
// first index, a NaN wins over a number.
// CHECK-LABEL: func.func @argmax(
// CHECK:         %[[R:.*]]:2 = linalg.generic {{.*}}iterator_types = ["parallel", "reduction"]
// CHECK-SAME:      outs(%{{.*}}, %{{.*}} : tensor<4xf32>, tensor<4xi64>)
// CHECK:           linalg.index 1
// CHECK:           arith.cmpf ogt
// CHECK:           arith.cmpf uno
// CHECK:           arith.cmpf ord
// CHECK:           arith.select
// CHECK:           arith.select
// CHECK:         return %[[R]]#1
func.func @argmax(%x: tensor<4x10xf32>) -> tensor<4xi64> {
  %0 = dl.argmax %x axis = 1 : tensor<4x10xf32> -> tensor<4xi64>
  return %0 : tensor<4xi64>
}

// -----

// logsumexp: max pass, sum of exp(x - shift) pass, log; shift = 0 where the
// max is infinite.
// CHECK-LABEL: func.func @logsumexp(
// CHECK:         linalg.generic {{.*}}iterator_types = ["parallel", "reduction"]
// CHECK:           arith.maximumf
// CHECK:         linalg.generic {{.*}}iterator_types = ["parallel", "reduction"]
// CHECK:           math.absf
// CHECK:           arith.cmpf oeq
// CHECK:           arith.select
// CHECK:           math.exp
// CHECK:         linalg.generic
// CHECK:           math.log
func.func @logsumexp(%x: tensor<4x10xf32>) -> tensor<4xf32> {
  %0 = dl.logsumexp %x axes = [1] : tensor<4x10xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// var: two passes (sum, then squared deviations), divided by n - correction.
// CHECK-LABEL: func.func @var(
// CHECK:         %[[DIVISOR:.*]] = arith.constant dense<9.000000e+00> : tensor<f32>
// CHECK:         linalg.generic {{.*}}iterator_types = ["parallel", "reduction"]
// CHECK:           arith.subf
// CHECK:           arith.mulf
// CHECK:         linalg.generic {{.*}}iterator_types = ["parallel", "reduction"]
// CHECK:         linalg.generic {{.*}}ins(%{{.*}}, %[[DIVISOR]] : tensor<4xf32>, tensor<f32>)
// CHECK-NEXT:      ^bb0
// CHECK-NEXT:      arith.divf
func.func @var(%x: tensor<4x10xf32>) -> tensor<4xf32> {
  %0 = dl.var %x axes = [1] correction = 1 : tensor<4x10xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
