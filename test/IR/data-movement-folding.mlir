// RUN: dlc-opt %s -canonicalize -split-input-file | FileCheck %s

// Folders of the DataMovement family (ir/ops/DataMovement.cpp).

// CHECK-LABEL: func @identities
// CHECK-SAME:    %[[X:[^:]*]]: tensor<2x3xf32>
// CHECK-NOT:     dl.
// CHECK:         return %[[X]], %[[X]], %[[X]], %[[X]], %[[X]], %[[X]]
func.func @identities(%x: tensor<2x3xf32>) -> (tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>) {
  %0 = dl.permute %x dims = [0, 1] : tensor<2x3xf32> -> tensor<2x3xf32>
  %1 = dl.cat %x dim = 1 : tensor<2x3xf32> -> tensor<2x3xf32>
  %2 = dl.slice %x start = [0, 0] stop = [2, 3] step = [1, 1] : tensor<2x3xf32> -> tensor<2x3xf32>
  %3 = dl.pad %x pad = [0, 0] value = 4.0 : tensor<2x3xf32> -> tensor<2x3xf32>
  %4 = dl.flip %x dims = [] : tensor<2x3xf32>
  %f = dl.flip %x dims = [1] : tensor<2x3xf32>
  %5 = dl.flip %f dims = [1] : tensor<2x3xf32>
  return %0, %1, %2, %3, %4, %5 : tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>
}

// -----

// permute(permute(x, a), b) is one permute by a∘b (result dim i is x's dim
// a[b[i]]): [1, 2, 0] then [2, 0, 1] is the identity, [1, 2, 0] twice is [2, 0, 1].
// CHECK-LABEL: func @compose
// CHECK-SAME:    %[[X:[^:]*]]: tensor<2x3x4xf32>
// CHECK:         %[[P:.*]] = dl.permute %[[X]] dims = [2, 0, 1] : tensor<2x3x4xf32> -> tensor<4x2x3xf32>
// CHECK:         return %[[X]], %[[P]]
func.func @compose(%x: tensor<2x3x4xf32>) -> (tensor<2x3x4xf32>, tensor<4x2x3xf32>) {
  %a = dl.permute %x dims = [1, 2, 0] : tensor<2x3x4xf32> -> tensor<3x4x2xf32>
  %b = dl.permute %a dims = [2, 0, 1] : tensor<3x4x2xf32> -> tensor<2x3x4xf32>
  %c = dl.permute %a dims = [1, 2, 0] : tensor<3x4x2xf32> -> tensor<4x2x3xf32>
  return %b, %c : tensor<2x3x4xf32>, tensor<4x2x3xf32>
}

// -----

// Flips along different dims stay.
// CHECK-LABEL: func @flips_differ
// CHECK:         dl.flip %{{.*}} dims = [0]
// CHECK:         dl.flip %{{.*}} dims = [1]
func.func @flips_differ(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %f = dl.flip %x dims = [0] : tensor<2x3xf32>
  %g = dl.flip %f dims = [1] : tensor<2x3xf32>
  return %g : tensor<2x3xf32>
}
