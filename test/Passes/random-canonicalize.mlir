// RUN: dlc-opt %s -canonicalize -split-input-file | FileCheck %s

// dl.dropout's folder (ir/ops/Random.cpp): p = 0 is the identity.

// CHECK-LABEL: func.func @dropout_p0(
// CHECK-SAME:    %[[X:[^:]*]]: tensor<4xf32>
// CHECK-NOT:     dl.dropout
// CHECK:         return %[[X]]
func.func @dropout_p0(%x: tensor<4xf32>, %rng: tensor<2xi64>) -> tensor<4xf32> {
  %0 = dl.dropout %x, %rng p = 0.0 op_id = 0 : tensor<4xf32>, tensor<2xi64>
  return %0 : tensor<4xf32>
}

// -----

// Any other p stays.
// CHECK-LABEL: func.func @dropout_p01(
// CHECK:         dl.dropout %{{.*}} p = 1.000000e-01
func.func @dropout_p01(%x: tensor<4xf32>, %rng: tensor<2xi64>) -> tensor<4xf32> {
  %0 = dl.dropout %x, %rng p = 0.1 op_id = 0 : tensor<4xf32>, tensor<2xi64>
  return %0 : tensor<4xf32>
}
