// Known bug, kept as an expected failure until dl-autodiff is fixed:
// `dl.trainable` is honoured on any argument. On a non-tensor argument
// dl-autodiff crashes (segfault building a zero DenseElementsAttr for a
// non-shaped type); on an i32 tensor it returns a "gradient"
// dense<0> : tensor<4xi32> that dl-sgd then turns into invalid dl.mul IR.
// Expected: a dl-autodiff error naming the argument, no crash.
// XFAIL: *
// RUN: not dlc-opt %s -dl-autodiff -split-input-file 2>&1 | FileCheck %s

// CHECK: error: dl-autodiff:
func.func @loss(%x: tensor<f32>, %s: f32 {dl.trainable}) -> tensor<f32> {
  return %x : tensor<f32>
}

// -----

// CHECK: error: dl-autodiff:
func.func @loss(%x: tensor<4x3xf32>, %t: tensor<4xi32> {dl.trainable}) -> tensor<f32> {
  %0 = dl.softmax_cross_entropy %x, %t : tensor<4x3xf32>, tensor<4xi32> -> tensor<f32>
  return %0 : tensor<f32>
}
