// RUN: dlc-opt %s -canonicalize -split-input-file | FileCheck %s

// Folders of dl.reshape, dl.broadcast_to and dl.constant under -canonicalize.

// A reshape to its own type folds away.
// CHECK-LABEL: func @reshape$identity
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
// CHECK-NOT: dl.reshape
// CHECK: return %[[X]]
func.func @reshape$identity(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = dl.reshape %x : tensor<2x3xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// reshape(reshape(x)) composes into one reshape of x.
// CHECK-LABEL: func @reshape$compose
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>)
// CHECK-NEXT: %[[R:.*]] = dl.reshape %[[X]] : tensor<2x3x4xf32> -> tensor<4x6xf32>
// CHECK-NEXT: return %[[R]]
func.func @reshape$compose(%x: tensor<2x3x4xf32>) -> tensor<4x6xf32> {
  %0 = dl.reshape %x : tensor<2x3x4xf32> -> tensor<24xf32>
  %1 = dl.reshape %0 : tensor<24xf32> -> tensor<4x6xf32>
  return %1 : tensor<4x6xf32>
}

// -----

// Composing back to the original type leaves nothing.
// CHECK-LABEL: func @reshape$round_trip
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
// CHECK-NOT: dl.reshape
// CHECK: return %[[X]]
func.func @reshape$round_trip(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = dl.reshape %x : tensor<2x3xf32> -> tensor<6xf32>
  %1 = dl.reshape %0 : tensor<6xf32> -> tensor<2x3xf32>
  return %1 : tensor<2x3xf32>
}

// -----

// A chain of three, with an identity in the middle and a dead reshape.
// CHECK-LABEL: func @reshape$chain
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
// CHECK-NEXT: %[[R:.*]] = dl.reshape %[[X]] : tensor<2x3xf32> -> tensor<6xf32>
// CHECK-NEXT: %[[S:.*]] = dl.add %[[R]], %[[R]]
// CHECK-NEXT: return %[[S]]
func.func @reshape$chain(%x: tensor<2x3xf32>) -> tensor<6xf32> {
  %0 = dl.reshape %x : tensor<2x3xf32> -> tensor<6xf32>
  %1 = dl.reshape %0 : tensor<6xf32> -> tensor<6xf32>
  %2 = dl.add %1, %1 : tensor<6xf32>, tensor<6xf32> -> tensor<6xf32>
  %3 = dl.reshape %x : tensor<2x3xf32> -> tensor<3x2xf32>
  return %2 : tensor<6xf32>
}

// -----

// A reshape of a constant is not constant-folded (no attribute folding).
// CHECK-LABEL: func @reshape$of_constant
// CHECK: %[[C:.*]] = dl.constant dense<{{.*}}> : tensor<2x3xf32>
// CHECK: dl.reshape %[[C]] : tensor<2x3xf32> -> tensor<6xf32>
func.func @reshape$of_constant() -> tensor<6xf32> {
  %c = dl.constant dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf32>
  %0 = dl.reshape %c : tensor<2x3xf32> -> tensor<6xf32>
  return %0 : tensor<6xf32>
}

// -----

// CHECK-LABEL: func @broadcast_to$identity
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
// CHECK-NOT: dl.broadcast_to
// CHECK: return %[[X]]
func.func @broadcast_to$identity(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = dl.broadcast_to %x : tensor<2x3xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// A real broadcast stays.
// CHECK-LABEL: func @broadcast_to$stays
// CHECK: dl.broadcast_to %{{.*}} : tensor<1x3xf32> -> tensor<2x3xf32>
func.func @broadcast_to$stays(%x: tensor<1x3xf32>) -> tensor<2x3xf32> {
  %0 = dl.broadcast_to %x : tensor<1x3xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// Constants fold to their attribute: equal ones are uniqued, dead ones erased.
// CHECK-LABEL: func @constant$unique
// CHECK-NEXT: %[[C:.*]] = dl.constant dense<1.000000e+00> : tensor<f32>
// CHECK-NOT: dl.constant
// CHECK: return %[[C]], %[[C]]
func.func @constant$unique() -> (tensor<f32>, tensor<f32>) {
  %0 = dl.constant dense<1.0> : tensor<f32>
  %1 = dl.constant dense<1.0> : tensor<f32>
  %2 = dl.constant dense<2.0> : tensor<f32>
  return %0, %1 : tensor<f32>, tensor<f32>
}

// -----

// Constants are hoisted to the start of the block by the folder.
// CHECK-LABEL: func @constant$hoisted
// CHECK-NEXT: dl.constant dense<2.000000e+00> : tensor<f32>
// CHECK-NEXT: dl.exp
// CHECK-NEXT: dl.mul
func.func @constant$hoisted(%x: tensor<3xf32>) -> tensor<3xf32> {
  %0 = dl.exp %x : tensor<3xf32>
  %c = dl.constant dense<2.0> : tensor<f32>
  %1 = dl.mul %c, %0 : tensor<f32>, tensor<3xf32> -> tensor<3xf32>
  return %1 : tensor<3xf32>
}

// -----

// Unused pure ops are erased.
// CHECK-LABEL: func @dead_ops
// CHECK-NOT: dl.
// CHECK: return
func.func @dead_ops(%x: tensor<4x3xf32>) -> tensor<4x3xf32> {
  %0 = dl.sigmoid %x : tensor<4x3xf32>
  %1 = dl.reduce_sum %x axes = [0] : tensor<4x3xf32> -> tensor<3xf32>
  return %x : tensor<4x3xf32>
}
