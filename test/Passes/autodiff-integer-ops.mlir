// Ops whose operands are all integers (one_hot of labels) pass no cotangent
// back and need no gradient rule: d2l's cross-entropy from scratch differentiates.
// RUN: dlc-opt %s -dl-autodiff | FileCheck %s

// CHECK-LABEL: func.func @loss_grad(
// CHECK:         dl.one_hot
// CHECK:         return
func.func @loss(%x: tensor<4x3xf32> {dl.role = "parameter"}, %t: tensor<4xi32>) -> tensor<f32> {
  %p = dl.softmax %x axis = 1 : tensor<4x3xf32>
  %l = dl.log %p : tensor<4x3xf32>
  %h = dl.one_hot %t classes = 3 : tensor<4xi32> -> tensor<4x3xf32>
  %0 = dl.mul %h, %l : tensor<4x3xf32>, tensor<4x3xf32> -> tensor<4x3xf32>
  %1 = dl.reduce_sum %0 axes = [0, 1] : tensor<4x3xf32> -> tensor<f32>
  %2 = dl.neg %1 : tensor<f32>
  return %2 : tensor<f32>
}
