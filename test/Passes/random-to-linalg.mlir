// RUN: dlc-opt %s -dl-lower-to-linalg -split-input-file | FileCheck %s

// The Random family's lowering (passes/lowering/RandomToLinalg.cpp).

// 12 elements, a multiple of 4: the generic runs over (blocks, 4) = (3, 4).
// Seed and step are read once; block d0 is counter word 0 of ten Philox
// rounds (two 32-bit multiply-highs each: 0xD2511F53 = -766435501 on
// counter word 0, 0xCD9E8D57 = -845247145 on word 2, the step's low word;
// the op id and the seed's low word are xor-ed in); lane d1 picks one of the
// four words, whose top 24 bits are compared with ceil(p * 2^24) = 4194304
// for p = 0.25; a kept element is scaled by 1/(1 - p) = 4/3. (Constants
// are hoisted.)
// CHECK-LABEL: func.func @dropout(
// CHECK-SAME:    %[[X:[^:]*]]: tensor<4x3xf32>, %[[K:[^:]*]]: tensor<2xi64>
// CHECK-DAG:     %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-DAG:     %[[S:.*]] = arith.constant 1.33333337 : f32
// CHECK-DAG:     %[[T:.*]] = arith.constant 4194304 : i32
// CHECK-DAG:     %[[M0:.*]] = arith.constant -766435501 : i32
// CHECK-DAG:     %[[M1:.*]] = arith.constant -845247145 : i32
// CHECK-DAG:     %[[OPID:.*]] = arith.constant 5 : i32
// CHECK:         %[[SEED:.*]] = tensor.extract %[[K]][%{{.*}}] : tensor<2xi64>
// CHECK:         %[[SEEDLO:.*]] = arith.trunci %[[SEED]] : i64 to i32
// CHECK:         %[[STEP:.*]] = tensor.extract %[[K]][%{{.*}}] : tensor<2xi64>
// CHECK:         %[[STEPLO:.*]] = arith.trunci %[[STEP]] : i64 to i32
// CHECK:         %[[FLAT:.*]] = tensor.collapse_shape %[[X]] {{\[\[}}0, 1]] : tensor<4x3xf32> into tensor<12xf32>
// CHECK:         %[[BLOCKS:.*]] = tensor.expand_shape %[[FLAT]] {{\[\[}}0, 1]] output_shape [3, 4] : tensor<12xf32> into tensor<3x4xf32>
// CHECK:         %[[G:.*]] = linalg.generic
// CHECK-SAME:      ins(%[[BLOCKS]] : tensor<3x4xf32>)
// CHECK:           ^bb0(%[[IN:[^:]*]]: f32
// CHECK:           %[[B:.*]] = linalg.index 0
// CHECK:           %[[C0:.*]] = arith.index_castui %[[B]] : index to i32
// CHECK:           %[[P0L:.*]], %[[P0H:.*]] = arith.mului_extended %[[M0]], %[[C0]] : i32
// CHECK:           %[[P1L:.*]], %[[P1H:.*]] = arith.mului_extended %[[M1]], %[[STEPLO]] : i32
// CHECK:           %[[A:.*]] = arith.xori %[[P1H]], %[[OPID]] : i32
// CHECK:           arith.xori %[[A]], %[[SEEDLO]] : i32
// CHECK-COUNT-18:  arith.mului_extended
// CHECK-NOT:       arith.mului_extended
// CHECK:           linalg.index 1
// CHECK-COUNT-3:   arith.select
// CHECK:           arith.shrui %{{.*}}, %{{.*}} : i32
// CHECK:           %[[KEEP:.*]] = arith.cmpi uge, %{{.*}}, %[[T]] : i32
// CHECK:           %[[M:.*]] = arith.select %[[KEEP]], %[[S]], %[[ZERO]] : f32
// CHECK:           %[[Y:.*]] = arith.mulf %[[IN]], %[[M]] : f32
// CHECK:           linalg.yield %[[Y]]
// CHECK:         %[[YFLAT:.*]] = tensor.collapse_shape %[[G]] {{\[\[}}0, 1]] : tensor<3x4xf32> into tensor<12xf32>
// CHECK:         tensor.expand_shape %[[YFLAT]] {{\[\[}}0, 1]] output_shape [4, 3] : tensor<12xf32> into tensor<4x3xf32>
func.func @dropout(%x: tensor<4x3xf32>, %rng: tensor<2xi64>) -> tensor<4x3xf32> {
  %0 = dl.dropout %x, %rng p = 0.25 op_id = 5 : tensor<4x3xf32>, tensor<2xi64>
  return %0 : tensor<4x3xf32>
}

// -----

// 5 elements: each element computes its block, index >> 2, and picks word
// index & 3. p = 1: the threshold 2^24 is above every 24-bit value.
// CHECK-LABEL: func.func @dropout_all(
// CHECK-DAG:     %[[T:.*]] = arith.constant 16777216 : i32
// CHECK-DAG:     %[[TWO:.*]] = arith.constant 2 : i32
// CHECK-DAG:     %[[THREE:.*]] = arith.constant 3 : i32
// CHECK:         linalg.generic
// CHECK-SAME:      ins(%{{.*}} : tensor<5xf64>)
// CHECK:           %[[I:.*]] = arith.addi
// CHECK:           %[[BLOCK:.*]] = arith.shrui %[[I]], %[[TWO]] : i32
// CHECK:           arith.andi %[[I]], %[[THREE]] : i32
// CHECK:           arith.mului_extended %{{.*}}, %[[BLOCK]] : i32
// CHECK:           arith.cmpi uge, %{{.*}}, %[[T]] : i32
func.func @dropout_all(%x: tensor<5xf64>, %rng: tensor<2xi64>) -> tensor<5xf64> {
  %0 = dl.dropout %x, %rng p = 1.0 op_id = 0 : tensor<5xf64>, tensor<2xi64>
  return %0 : tensor<5xf64>
}
