// RUN: dlc-opt %s -split-input-file | dlc-opt -split-input-file | FileCheck %s
// RUN: dlc-opt %s -split-input-file --mlir-print-op-generic | dlc-opt -split-input-file | FileCheck %s

// Round trip of the DataMovement family (ir/ops/DataMovement.td), custom and
// generic forms.

// CHECK-LABEL: func @permute
func.func @permute(%x: tensor<2x3x4x5xf32>, %i: tensor<2x3xi64>) -> (tensor<4x2x5x3xf32>, tensor<3x2xi64>) {
  // CHECK: dl.permute %{{.*}} dims = [2, 0, 3, 1] : tensor<2x3x4x5xf32> -> tensor<4x2x5x3xf32>
  %0 = dl.permute %x dims = [2, 0, 3, 1] : tensor<2x3x4x5xf32> -> tensor<4x2x5x3xf32>
  // CHECK: dl.permute %{{.*}} dims = [1, 0] : tensor<2x3xi64> -> tensor<3x2xi64>
  %1 = dl.permute %i dims = [1, 0] : tensor<2x3xi64> -> tensor<3x2xi64>
  return %0, %1 : tensor<4x2x5x3xf32>, tensor<3x2xi64>
}

// -----

// CHECK-LABEL: func @cat
func.func @cat(%a: tensor<2x1xf32>, %b: tensor<2x3xf32>, %c: tensor<2x2xf32>) -> tensor<2x6xf32> {
  // CHECK: dl.cat %{{.*}}, %{{.*}}, %{{.*}} dim = 1 : tensor<2x1xf32>, tensor<2x3xf32>, tensor<2x2xf32> -> tensor<2x6xf32>
  %0 = dl.cat %a, %b, %c dim = 1 : tensor<2x1xf32>, tensor<2x3xf32>, tensor<2x2xf32> -> tensor<2x6xf32>
  return %0 : tensor<2x6xf32>
}

// -----

// CHECK-LABEL: func @slice
func.func @slice(%x: tensor<8x3xf32>, %b: tensor<5xi1>) -> (tensor<4x3xf32>, tensor<0xi1>) {
  // CHECK: dl.slice %{{.*}} start = [1, 0] stop = [8, 3] step = [2, 1] : tensor<8x3xf32> -> tensor<4x3xf32>
  %0 = dl.slice %x start = [1, 0] stop = [8, 3] step = [2, 1] : tensor<8x3xf32> -> tensor<4x3xf32>
  // CHECK: dl.slice %{{.*}} start = [2] stop = [2] step = [1] : tensor<5xi1> -> tensor<0xi1>
  %1 = dl.slice %b start = [2] stop = [2] step = [1] : tensor<5xi1> -> tensor<0xi1>
  return %0, %1 : tensor<4x3xf32>, tensor<0xi1>
}

// -----

// CHECK-LABEL: func @pad
func.func @pad(%x: tensor<2x3xf32>, %i: tensor<4xi32>) -> (tensor<5x6xf32>, tensor<2x3xf32>, tensor<6xi32>) {
  // CHECK: dl.pad %{{.*}} pad = [1, 2, 0, 3] value = -1.500000e+00 : tensor<2x3xf32> -> tensor<5x6xf32>
  %0 = dl.pad %x pad = [1, 2, 0, 3] value = -1.5 : tensor<2x3xf32> -> tensor<5x6xf32>
  // The default value 0 is not printed.
  // CHECK: dl.pad %{{.*}} pad = [] : tensor<2x3xf32> -> tensor<2x3xf32>
  %1 = dl.pad %x pad = [] : tensor<2x3xf32> -> tensor<2x3xf32>
  // CHECK: dl.pad %{{.*}} pad = [2, 0] value = 7.000000e+00 : tensor<4xi32> -> tensor<6xi32>
  %2 = dl.pad %i pad = [2, 0] value = 7.0 : tensor<4xi32> -> tensor<6xi32>
  return %0, %1, %2 : tensor<5x6xf32>, tensor<2x3xf32>, tensor<6xi32>
}

// -----

// CHECK-LABEL: func @flip
func.func @flip(%x: tensor<2x3x4xbf16>) -> tensor<2x3x4xbf16> {
  // CHECK: dl.flip %{{.*}} dims = [0, 2] : tensor<2x3x4xbf16>
  %0 = dl.flip %x dims = [0, 2] : tensor<2x3x4xbf16>
  return %0 : tensor<2x3x4xbf16>
}
