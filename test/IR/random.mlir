// RUN: dlc-opt %s -split-input-file | dlc-opt -split-input-file | FileCheck %s
// RUN: dlc-opt %s -split-input-file --mlir-print-op-generic | dlc-opt -split-input-file | FileCheck %s

// Round trip of the Random family (ir/ops/Random.td), custom and generic forms.

// CHECK-LABEL: func @dropout
func.func @dropout(%x: tensor<4x3xf32>, %rng: tensor<2xi64> {dl.role = "rng_state", dl.name = "rng"}) -> tensor<4x3xf32> {
  // CHECK: dl.dropout %{{.*}}, %{{.*}} p = 5.000000e-01 op_id = 0 : tensor<4x3xf32>, tensor<2xi64>
  %0 = dl.dropout %x, %rng p = 0.5 op_id = 0 : tensor<4x3xf32>, tensor<2xi64>
  return %0 : tensor<4x3xf32>
}

// -----

// p = 1 (all zeros) and a rank-0 f64 input are valid.
// CHECK-LABEL: func @dropout_all_f64
func.func @dropout_all_f64(%x: tensor<f64>, %rng: tensor<2xi64>) -> tensor<f64> {
  // CHECK: dl.dropout %{{.*}}, %{{.*}} p = 1.000000e+00 op_id = 7 : tensor<f64>, tensor<2xi64>
  %0 = dl.dropout %x, %rng p = 1.0 op_id = 7 : tensor<f64>, tensor<2xi64>
  return %0 : tensor<f64>
}
