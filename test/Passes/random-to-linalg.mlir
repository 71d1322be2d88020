// RUN: dlc-opt %s -dl-lower-to-linalg -split-input-file | FileCheck %s

// The Random family's lowering (passes/lowering/RandomToLinalg.cpp).

// Seed and step are read once; each element's row-major index is counter
// word 0 of ten Philox rounds (two 32-bit multiply-highs each: 0xD2511F53 =
// -766435501 on the index, 0xCD9E8D57 = -845247145 on the step's low word;
// the op id and the seed's low word are xor-ed in); the top 24 bits of the
// result are compared with ceil(p * 2^24) = 4194304 for p = 0.25, and a kept
// element is scaled by 1/(1 - p) = 4/3. Only word 0 is used, so the last
// round needs one product: 19 in all. (Constants are hoisted.)
// CHECK-LABEL: func.func @dropout(
// CHECK-SAME:    %[[X:[^:]*]]: tensor<4x3xf32>, %[[K:[^:]*]]: tensor<2xi64>
// CHECK-DAG:     %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-DAG:     %[[S:.*]] = arith.constant 1.33333337 : f32
// CHECK-DAG:     %[[T:.*]] = arith.constant 4194304 : i32
// CHECK-DAG:     %[[M0:.*]] = arith.constant -766435501 : i32
// CHECK-DAG:     %[[M1:.*]] = arith.constant -845247145 : i32
// CHECK-DAG:     %[[STRIDE:.*]] = arith.constant 3 : i32
// CHECK-DAG:     %[[OPID:.*]] = arith.constant 5 : i32
// CHECK:         %[[SEED:.*]] = tensor.extract %[[K]][%{{.*}}] : tensor<2xi64>
// CHECK:         %[[SEEDLO:.*]] = arith.trunci %[[SEED]] : i64 to i32
// CHECK:         %[[STEP:.*]] = tensor.extract %[[K]][%{{.*}}] : tensor<2xi64>
// CHECK:         %[[STEPLO:.*]] = arith.trunci %[[STEP]] : i64 to i32
// CHECK:         linalg.generic
// CHECK-SAME:      ins(%[[X]] : tensor<4x3xf32>)
// CHECK:           ^bb0(%[[IN:[^:]*]]: f32
// CHECK:           linalg.index 0
// CHECK:           arith.muli %{{.*}}, %[[STRIDE]] : i32
// CHECK:           linalg.index 1
// CHECK:           %[[P0L:.*]], %[[P0H:.*]] = arith.mului_extended %[[M0]], %{{.*}} : i32
// CHECK:           %[[P1L:.*]], %[[P1H:.*]] = arith.mului_extended %[[M1]], %[[STEPLO]] : i32
// CHECK:           %[[A:.*]] = arith.xori %[[P1H]], %[[OPID]] : i32
// CHECK:           arith.xori %[[A]], %[[SEEDLO]] : i32
// CHECK-COUNT-17:  arith.mului_extended
// CHECK-NOT:       arith.mului_extended
// CHECK:           arith.shrui %{{.*}}, %{{.*}} : i32
// CHECK:           %[[KEEP:.*]] = arith.cmpi uge, %{{.*}}, %[[T]] : i32
// CHECK:           %[[M:.*]] = arith.select %[[KEEP]], %[[S]], %[[ZERO]] : f32
// CHECK:           %[[Y:.*]] = arith.mulf %[[IN]], %[[M]] : f32
// CHECK:           linalg.yield %[[Y]]
func.func @dropout(%x: tensor<4x3xf32>, %rng: tensor<2xi64>) -> tensor<4x3xf32> {
  %0 = dl.dropout %x, %rng p = 0.25 op_id = 5 : tensor<4x3xf32>, tensor<2xi64>
  return %0 : tensor<4x3xf32>
}

// -----

// p = 1: the threshold 2^24 is above every 24-bit value, so nothing is kept.
// CHECK-LABEL: func.func @dropout_all(
// CHECK-DAG:     %[[T:.*]] = arith.constant 16777216 : i32
// CHECK:         linalg.generic
// CHECK:           arith.cmpi uge, %{{.*}}, %[[T]] : i32
func.func @dropout_all(%x: tensor<5xf64>, %rng: tensor<2xi64>) -> tensor<5xf64> {
  %0 = dl.dropout %x, %rng p = 1.0 op_id = 0 : tensor<5xf64>, tensor<2xi64>
  return %0 : tensor<5xf64>
}
