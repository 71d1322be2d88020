// RUN: dlc-opt %s -dl-autodiff -split-input-file | FileCheck %s

// The VJP rules of the Random family (ir/ops/Random.cpp).

// The gradient of dropout is dropout of the cotangent with the same key, p
// and op_id: the mask is regenerated, not stored. The key gets no gradient.
// CHECK-LABEL: func.func @loss_grad(
// CHECK-SAME:    %[[X:[^:]*]]: tensor<3xf32>
// CHECK-SAME:    %[[K:[^:]*]]: tensor<2xi64>
// CHECK:         dl.dropout %[[X]], %[[K]] p = 2.500000e-01 op_id = 3
// CHECK:         %[[G:.*]] = dl.broadcast_to
// CHECK:         %[[DX:.*]] = dl.dropout %[[G]], %[[K]] p = 2.500000e-01 op_id = 3 : tensor<3xf32>, tensor<2xi64>
// CHECK:         return {{.*}}, %[[DX]]
func.func @loss(%x: tensor<3xf32> {dl.role = "parameter", dl.name = "x"},
                %rng: tensor<2xi64> {dl.role = "rng_state", dl.name = "rng"}) -> tensor<f32> {
  %d = dl.dropout %x, %rng p = 0.25 op_id = 3 : tensor<3xf32>, tensor<2xi64>
  %s = dl.reduce_sum %d axes = [0] : tensor<3xf32> -> tensor<f32>
  return %s : tensor<f32>
}
