// RUN: dlc-opt %s -dl-autodiff -split-input-file | FileCheck %s

// The VJP rules of the Math family (ir/ops/Math.cpp).

// d|x| = g * sign(x)
// CHECK-LABEL: func.func @loss_grad(
// CHECK-SAME:    %[[X:[^:]*]]: tensor<3xf32>
// CHECK:         %[[S:.*]] = dl.sign %[[X]]
// CHECK:         dl.mul %{{.*}}, %[[S]]
func.func @loss(%x: tensor<3xf32> {dl.role = "parameter", dl.name = "x"}) -> tensor<f32> {
  %a = dl.abs %x : tensor<3xf32>
  %s = dl.reduce_sum %a axes = [0] : tensor<3xf32> -> tensor<f32>
  return %s : tensor<f32>
}
