// RUN: dlc-opt %s -split-input-file | dlc-opt -split-input-file | FileCheck %s
// RUN: dlc-opt %s -split-input-file --mlir-print-op-generic | dlc-opt -split-input-file | FileCheck %s

// Round trip of the Sequence family (ir/ops/Sequence.td), custom and generic forms.

// CHECK-LABEL: func @embedding
func.func @embedding(%ids: tensor<4x7xi64>, %w: tensor<100x32xf32>, %g: tensor<4x7x32xf32>)
    -> (tensor<4x7x32xf32>, tensor<100x32xf32>, tensor<4x7x32xf32>) {
  // CHECK: dl.embedding %{{.*}}, %{{.*}} padding_idx = 0 : tensor<4x7xi64>, tensor<100x32xf32> -> tensor<4x7x32xf32>
  %0 = dl.embedding %ids, %w padding_idx = 0 : tensor<4x7xi64>, tensor<100x32xf32> -> tensor<4x7x32xf32>
  // CHECK: dl.embedding_dense_backward %{{.*}}, %{{.*}} num_weights = 100 : tensor<4x7x32xf32>, tensor<4x7xi64> -> tensor<100x32xf32>
  %1 = dl.embedding_dense_backward %g, %ids num_weights = 100 : tensor<4x7x32xf32>, tensor<4x7xi64> -> tensor<100x32xf32>
  // CHECK: dl.embedding %{{.*}}, %{{.*}} : tensor<4x7xi64>, tensor<100x32xf32> -> tensor<4x7x32xf32>
  %2 = dl.embedding %ids, %w : tensor<4x7xi64>, tensor<100x32xf32> -> tensor<4x7x32xf32>
  return %0, %1, %2 : tensor<4x7x32xf32>, tensor<100x32xf32>, tensor<4x7x32xf32>
}

// -----

// CHECK-LABEL: func @index_ops
func.func @index_ops(%x: tensor<3x5xf64>, %i: tensor<4xi32>, %s: tensor<3x4xf64>, %m: tensor<2xi1>)
    -> (tensor<3x4xf64>, tensor<3x5xf64>, tensor<4xi1>) {
  // CHECK: dl.index_select %{{.*}}, %{{.*}} dim = 1 : tensor<3x5xf64>, tensor<4xi32> -> tensor<3x4xf64>
  %0 = dl.index_select %x, %i dim = 1 : tensor<3x5xf64>, tensor<4xi32> -> tensor<3x4xf64>
  // CHECK: dl.index_add %{{.*}}, %{{.*}}, %{{.*}} dim = 1 : tensor<3x5xf64>, tensor<4xi32>, tensor<3x4xf64> -> tensor<3x5xf64>
  %1 = dl.index_add %x, %i, %s dim = 1 : tensor<3x5xf64>, tensor<4xi32>, tensor<3x4xf64> -> tensor<3x5xf64>
  // CHECK: dl.index_select %{{.*}}, %{{.*}} dim = 0 : tensor<2xi1>, tensor<4xi32> -> tensor<4xi1>
  %2 = dl.index_select %m, %i dim = 0 : tensor<2xi1>, tensor<4xi32> -> tensor<4xi1>
  return %0, %1, %2 : tensor<3x4xf64>, tensor<3x5xf64>, tensor<4xi1>
}

// -----

// CHECK-LABEL: func @repeat_arange_mask
func.func @repeat_arange_mask(%x: tensor<2x4xf32>, %len: tensor<4xi32>)
    -> (tensor<6x4xf32>, tensor<12xi32>, tensor<5xf32>, tensor<4x10xi1>) {
  // CHECK: dl.repeat_interleave %{{.*}} repeats = 3 dim = 0 : tensor<2x4xf32> -> tensor<6x4xf32>
  %0 = dl.repeat_interleave %x repeats = 3 dim = 0 : tensor<2x4xf32> -> tensor<6x4xf32>
  // CHECK: dl.repeat_interleave %{{.*}} repeats = 3 dim = 0 : tensor<4xi32> -> tensor<12xi32>
  %1 = dl.repeat_interleave %len repeats = 3 dim = 0 : tensor<4xi32> -> tensor<12xi32>
  // CHECK: dl.arange start = 1.000000e+00 end = 0.000000e+00 step = -2.000000e-01 : tensor<5xf32>
  %2 = dl.arange start = 1.0 end = 0.0 step = -0.2 : tensor<5xf32>
  // CHECK: dl.sequence_mask %{{.*}} maxlen = 10 : tensor<4xi32> -> tensor<4x10xi1>
  %3 = dl.sequence_mask %len maxlen = 10 : tensor<4xi32> -> tensor<4x10xi1>
  return %0, %1, %2, %3 : tensor<6x4xf32>, tensor<12xi32>, tensor<5xf32>, tensor<4x10xi1>
}
