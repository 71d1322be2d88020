// RUN: dlc-opt %s -split-input-file | dlc-opt -split-input-file | FileCheck %s
// RUN: dlc-opt %s -split-input-file --mlir-print-op-generic | dlc-opt -split-input-file | FileCheck %s

// Round trip of the Statistics family (ir/ops/Statistics.td), custom and generic forms.

// CHECK-LABEL: func @mean
func.func @mean(%x: tensor<4x10xf32>) -> (tensor<4xf32>, tensor<1x1xf32>, tensor<4x0xf32>) {
  // CHECK: dl.mean %{{.*}} axes = [1] : tensor<4x10xf32> -> tensor<4xf32>
  %0 = dl.mean %x axes = [1] : tensor<4x10xf32> -> tensor<4xf32>
  // CHECK: dl.mean %{{.*}} axes = [0, 1] keepdims : tensor<4x10xf32> -> tensor<1x1xf32>
  %1 = dl.mean %x axes = [0, 1] keepdims : tensor<4x10xf32> -> tensor<1x1xf32>
  // No axes: the identity.
  // CHECK: dl.mean %{{.*}} axes = [] : tensor<4x0xf32> -> tensor<4x0xf32>
  %e = tensor.empty() : tensor<4x0xf32>
  %2 = dl.mean %e axes = [] : tensor<4x0xf32> -> tensor<4x0xf32>
  return %0, %1, %2 : tensor<4xf32>, tensor<1x1xf32>, tensor<4x0xf32>
}

// -----

// CHECK-LABEL: func @reduce_min
func.func @reduce_min(%x: tensor<4x10xf64>) -> tensor<4x1xf64> {
  // CHECK: dl.reduce_min %{{.*}} axes = [1] keepdims : tensor<4x10xf64> -> tensor<4x1xf64>
  %0 = dl.reduce_min %x axes = [1] keepdims : tensor<4x10xf64> -> tensor<4x1xf64>
  return %0 : tensor<4x1xf64>
}

// -----

// CHECK-LABEL: func @argmax
func.func @argmax(%x: tensor<8x10xf32>) -> (tensor<8xi64>, tensor<1x10xi64>) {
  // CHECK: dl.argmax %{{.*}} axis = 1 : tensor<8x10xf32> -> tensor<8xi64>
  %0 = dl.argmax %x axis = 1 : tensor<8x10xf32> -> tensor<8xi64>
  // CHECK: dl.argmax %{{.*}} axis = 0 keepdims : tensor<8x10xf32> -> tensor<1x10xi64>
  %1 = dl.argmax %x axis = 0 keepdims : tensor<8x10xf32> -> tensor<1x10xi64>
  return %0, %1 : tensor<8xi64>, tensor<1x10xi64>
}

// -----

// CHECK-LABEL: func @logsumexp
func.func @logsumexp(%x: tensor<2x3x4xf32>) -> tensor<3xf32> {
  // CHECK: dl.logsumexp %{{.*}} axes = [0, 2] : tensor<2x3x4xf32> -> tensor<3xf32>
  %0 = dl.logsumexp %x axes = [0, 2] : tensor<2x3x4xf32> -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

// CHECK-LABEL: func @var
func.func @var(%x: tensor<4x10xf32>) -> (tensor<4xf32>, tensor<1x1xf32>) {
  // CHECK: dl.var %{{.*}} axes = [1] correction = 1 : tensor<4x10xf32> -> tensor<4xf32>
  %0 = dl.var %x axes = [1] correction = 1 : tensor<4x10xf32> -> tensor<4xf32>
  // CHECK: dl.var %{{.*}} axes = [0, 1] correction = 0 keepdims : tensor<4x10xf32> -> tensor<1x1xf32>
  %1 = dl.var %x axes = [0, 1] correction = 0 keepdims : tensor<4x10xf32> -> tensor<1x1xf32>
  return %0, %1 : tensor<4xf32>, tensor<1x1xf32>
}
