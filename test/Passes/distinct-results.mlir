// RUN: dlc-opt %s -dl-distinct-results -split-input-file | FileCheck %s

// dl-distinct-results gives every repeated returned tensor a copy of its own
// (so each result bufferizes to its own out-parameter buffer).

// CHECK-LABEL: func.func @twice(
// CHECK:         %[[Y:.*]] = dl.exp
// CHECK-NEXT:    %[[E:.*]] = tensor.empty() : tensor<4xf32>
// CHECK-NEXT:    %[[C:.*]] = linalg.copy ins(%[[Y]] : tensor<4xf32>) outs(%[[E]] : tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT:    return %[[Y]], %[[C]] : tensor<4xf32>, tensor<4xf32>
func.func @twice(%x: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  %0 = dl.exp %x : tensor<4xf32>
  return %0, %0 : tensor<4xf32>, tensor<4xf32>
}

// -----

// Three times, around another result, and an argument returned twice: one
// copy per repetition; the first occurrence stays.
// CHECK-LABEL: func.func @mixed(
// CHECK-SAME:    %[[X:[^:]*]]: tensor<2x3xf32>
// CHECK:         %[[Y:.*]] = dl.exp
// CHECK:         %[[C1:.*]] = linalg.copy ins(%[[Y]] : {{.*}})
// CHECK:         %[[C2:.*]] = linalg.copy ins(%[[Y]] : {{.*}})
// CHECK:         %[[C3:.*]] = linalg.copy ins(%[[X]] : {{.*}})
// CHECK:         return %[[Y]], %[[X]], %[[C1]], %[[C2]], %[[C3]] :
func.func @mixed(%x: tensor<2x3xf32>) -> (tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>) {
  %0 = dl.exp %x : tensor<2x3xf32>
  return %0, %x, %0, %0, %x : tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>
}

// -----

// Distinct results are left alone.
// CHECK-LABEL: func.func @distinct(
// CHECK-NOT:     linalg.copy
// CHECK:         return
func.func @distinct(%x: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  %0 = dl.exp %x : tensor<4xf32>
  return %0, %x : tensor<4xf32>, tensor<4xf32>
}
