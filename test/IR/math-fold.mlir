// RUN: dlc-opt %s -canonicalize | FileCheck %s

// Folders of the Math family.

// A cast to the input's own type is the input; other casts stay.
// CHECK-LABEL: func.func @cast(
// CHECK-SAME:    %[[X:[^:]*]]: tensor<4xf32>
// CHECK:         %[[I:.*]] = dl.cast %[[X]] : tensor<4xf32> -> tensor<4xi32>
// CHECK-NOT:     dl.cast
// CHECK:         return %[[X]], %[[I]]
func.func @cast(%x: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xi32>) {
  %0 = dl.cast %x : tensor<4xf32> -> tensor<4xf32>
  %1 = dl.cast %x : tensor<4xf32> -> tensor<4xi32>
  return %0, %1 : tensor<4xf32>, tensor<4xi32>
}
