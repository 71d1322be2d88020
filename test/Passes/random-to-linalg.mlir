// RUN: dlc-opt %s -dl-lower-to-linalg -split-input-file | FileCheck %s

// The Random family's lowering (passes/lowering/RandomToLinalg.cpp).

// Seed and step are read once; each element's row-major index is the
// counter word 0 of ten Philox rounds (two 32-bit multiply-highs each); its
// top 24 bits are compared with ceil(p * 2^24) = 4194304 for p = 0.25, and
// a kept element is scaled by 1/(1 - p) = 4/3.
// CHECK-LABEL: func.func @dropout(
// CHECK-SAME:    %[[X:[^:]*]]: tensor<4x3xf32>, %[[K:[^:]*]]: tensor<2xi64>
// CHECK:         %[[SEED:.*]] = tensor.extract %[[K]][%{{.*}}] : tensor<2xi64>
// CHECK:         %[[STEP:.*]] = tensor.extract %[[K]][%{{.*}}] : tensor<2xi64>
// CHECK:         linalg.generic
// CHECK-SAME:      ins(%[[X]] : tensor<4x3xf32>)
// CHECK:           linalg.index 0
// CHECK:           arith.constant 3 : i32
// CHECK:           linalg.index 1
// CHECK-COUNT-20:  arith.mului_extended
// CHECK-NOT:       arith.mului_extended
// CHECK:           arith.constant 8 : i32
// CHECK:           arith.shrui
// CHECK:           %[[T:.*]] = arith.constant 4194304 : i32
// CHECK:           %[[KEEP:.*]] = arith.cmpi uge, %{{.*}}, %[[T]] : i32
// CHECK:           %[[S:.*]] = arith.constant 1.33333337 : f32
// CHECK:           %[[M:.*]] = arith.select %[[KEEP]], %[[S]], %{{.*}} : f32
// CHECK:           %[[Y:.*]] = arith.mulf %{{.*}}, %[[M]] : f32
// CHECK:           linalg.yield %[[Y]]
func.func @dropout(%x: tensor<4x3xf32>, %rng: tensor<2xi64>) -> tensor<4x3xf32> {
  %0 = dl.dropout %x, %rng p = 0.25 op_id = 5 : tensor<4x3xf32>, tensor<2xi64>
  return %0 : tensor<4x3xf32>
}

// -----

// p = 1: the threshold 2^24 is above every 24-bit value, so nothing is kept.
// CHECK-LABEL: func.func @dropout_all(
// CHECK:         linalg.generic
// CHECK:           arith.constant 16777216 : i32
// CHECK:           arith.cmpi uge
func.func @dropout_all(%x: tensor<5xf64>, %rng: tensor<2xi64>) -> tensor<5xf64> {
  %0 = dl.dropout %x, %rng p = 1.0 op_id = 0 : tensor<5xf64>, tensor<2xi64>
  return %0 : tensor<5xf64>
}
