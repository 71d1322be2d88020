// RUN: dlc-opt %s -dl-autodiff="func=predict" | FileCheck %s
// RUN: not dlc-opt %s -dl-autodiff="func=nope" 2>&1 | FileCheck %s --check-prefix=NOPE

// The `func` option picks the function to differentiate: @predict gives
// @predict_grad; @loss (the default) is then left alone.

// CHECK-LABEL: func.func @loss(
// CHECK-LABEL: func.func @predict(
// CHECK-LABEL: func.func @predict_grad(
// CHECK-SAME:    %[[X:.*]]: tensor<3xf32>{{( \{[^}]*\})?}}) -> (tensor<f32>{{( \{[^}]*\})?}}, tensor<3xf32>{{( \{[^}]*\})?}})
// CHECK:         %[[G:.*]] = dl.broadcast_to %{{.*}} : tensor<1xf32> -> tensor<3xf32>
// CHECK-NEXT:    %[[DX:.*]] = dl.mul %[[G]], %{{.*}} : tensor<3xf32>, tensor<3xf32> -> tensor<3xf32>
// CHECK-NEXT:    return %{{.*}}, %[[DX]]
// CHECK-NOT:   @loss_grad

// NOPE: error: dl-autodiff: no function @nope to differentiate

func.func @loss(%x: tensor<f32> {dl.role = "parameter"}) -> tensor<f32> {
  return %x : tensor<f32>
}

func.func @predict(%x: tensor<3xf32> {dl.role = "parameter"}) -> tensor<f32> {
  %0 = dl.exp %x : tensor<3xf32>
  %1 = dl.reduce_sum %0 axes = [0] : tensor<3xf32> -> tensor<f32>
  return %1 : tensor<f32>
}
