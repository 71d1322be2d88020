// RUN: dlc-opt %s -dl-autodiff -split-input-file | FileCheck %s

// The VJP rules of the DataMovement family (ir/ops/DataMovement.cpp).

// permute: the cotangent permuted back by the inverse permutation.
// CHECK-LABEL: func.func @loss_grad(
// CHECK:         %[[G:.*]] = dl.broadcast_to %{{.*}} : tensor<{{.*}}> -> tensor<4x2x5x3xf32>
// CHECK:         dl.permute %[[G]] dims = [1, 3, 0, 2] : tensor<4x2x5x3xf32> -> tensor<2x3x4x5xf32>
func.func @loss(%x: tensor<2x3x4x5xf32> {dl.role = "parameter", dl.name = "x"}) -> tensor<f32> {
  %y = dl.permute %x dims = [2, 0, 3, 1] : tensor<2x3x4x5xf32> -> tensor<4x2x5x3xf32>
  %s = dl.reduce_sum %y axes = [0, 1, 2, 3] : tensor<4x2x5x3xf32> -> tensor<f32>
  return %s : tensor<f32>
}

// -----

// cat: each input gets its slice of the cotangent along dim.
// CHECK-LABEL: func.func @loss_grad(
// CHECK-DAG:     dl.slice %[[G:.*]] start = [0, 0] stop = [2, 1] step = [1, 1] : tensor<2x6xf32> -> tensor<2x1xf32>
// CHECK-DAG:     dl.slice %[[G]] start = [0, 1] stop = [2, 4] step = [1, 1] : tensor<2x6xf32> -> tensor<2x3xf32>
// CHECK-DAG:     dl.slice %[[G]] start = [0, 4] stop = [2, 6] step = [1, 1] : tensor<2x6xf32> -> tensor<2x2xf32>
func.func @loss(%a: tensor<2x1xf32> {dl.role = "parameter", dl.name = "a"},
                %b: tensor<2x3xf32> {dl.role = "parameter", dl.name = "b"},
                %c: tensor<2x2xf32> {dl.role = "parameter", dl.name = "c"}) -> tensor<f32> {
  %y = dl.cat %a, %b, %c dim = 1 : tensor<2x1xf32>, tensor<2x3xf32>, tensor<2x2xf32> -> tensor<2x6xf32>
  %s = dl.reduce_sum %y axes = [0, 1] : tensor<2x6xf32> -> tensor<f32>
  return %s : tensor<f32>
}

// -----

// slice with step 1: the cotangent zero-padded back to the input's place.
// CHECK-LABEL: func.func @loss_grad(
// CHECK:         %[[G:.*]] = dl.broadcast_to %{{.*}} : tensor<{{.*}}> -> tensor<3x2xf32>
// CHECK:         dl.pad %[[G]] pad = [1, 0, 2, 3] : tensor<3x2xf32> -> tensor<8x3xf32>
func.func @loss(%x: tensor<8x3xf32> {dl.role = "parameter", dl.name = "x"}) -> tensor<f32> {
  %y = dl.slice %x start = [2, 1] stop = [5, 3] step = [1, 1] : tensor<8x3xf32> -> tensor<3x2xf32>
  %s = dl.reduce_sum %y axes = [0, 1] : tensor<3x2xf32> -> tensor<f32>
  return %s : tensor<f32>
}

// -----

// slice with step 3 (elements 1, 4, 7 of 9): one zero pair interleaved
// after each element (reshape, pad, reshape), cut after the last element,
// then padded to the input's place.
// CHECK-LABEL: func.func @loss_grad(
// CHECK:         %[[G:.*]] = dl.broadcast_to %{{.*}} : tensor<{{.*}}> -> tensor<3x2xf32>
// CHECK:         %[[R:.*]] = dl.reshape %[[G]] : tensor<3x2xf32> -> tensor<3x1x2xf32>
// CHECK:         %[[P:.*]] = dl.pad %[[R]] pad = [0, 0, 0, 2] : tensor<3x1x2xf32> -> tensor<3x3x2xf32>
// CHECK:         %[[F:.*]] = dl.reshape %[[P]] : tensor<3x3x2xf32> -> tensor<9x2xf32>
// CHECK:         %[[C:.*]] = dl.slice %[[F]] start = [0, 0] stop = [7, 2] step = [1, 1] : tensor<9x2xf32> -> tensor<7x2xf32>
// CHECK:         dl.pad %[[C]] pad = [0, 0, 1, 1] : tensor<7x2xf32> -> tensor<9x2xf32>
func.func @loss(%x: tensor<9x2xf32> {dl.role = "parameter", dl.name = "x"}) -> tensor<f32> {
  %y = dl.slice %x start = [1, 0] stop = [9, 2] step = [3, 1] : tensor<9x2xf32> -> tensor<3x2xf32>
  %s = dl.reduce_sum %y axes = [0, 1] : tensor<3x2xf32> -> tensor<f32>
  return %s : tensor<f32>
}

// -----

// An empty slice passes zeros back.
// CHECK-LABEL: func.func @loss_grad(
// CHECK:         %[[Z:.*]] = dl.constant dense<0.000000e+00> : tensor<4xf32>
// CHECK:         return {{.*}}%[[Z]]
func.func @loss(%x: tensor<4xf32> {dl.role = "parameter", dl.name = "x"}) -> tensor<f32> {
  %y = dl.slice %x start = [2] stop = [2] step = [1] : tensor<4xf32> -> tensor<0xf32>
  %s = dl.reduce_sum %y axes = [0] : tensor<0xf32> -> tensor<f32>
  return %s : tensor<f32>
}

// -----

// pad: the cotangent sliced back.
// CHECK-LABEL: func.func @loss_grad(
// CHECK:         %[[G:.*]] = dl.broadcast_to %{{.*}} : tensor<{{.*}}> -> tensor<5x6xf32>
// CHECK:         dl.slice %[[G]] start = [0, 1] stop = [2, 4] step = [1, 1] : tensor<5x6xf32> -> tensor<2x3xf32>
func.func @loss(%x: tensor<2x3xf32> {dl.role = "parameter", dl.name = "x"}) -> tensor<f32> {
  %y = dl.pad %x pad = [1, 2, 0, 3] value = -1.5 : tensor<2x3xf32> -> tensor<5x6xf32>
  %s = dl.reduce_sum %y axes = [0, 1] : tensor<5x6xf32> -> tensor<f32>
  return %s : tensor<f32>
}

// -----

// flip: the cotangent flipped back.
// CHECK-LABEL: func.func @loss_grad(
// CHECK:         %[[G:.*]] = dl.broadcast_to %{{.*}} : tensor<{{.*}}> -> tensor<2x3x4xf32>
// CHECK:         dl.flip %[[G]] dims = [0, 2] : tensor<2x3x4xf32>
func.func @loss(%x: tensor<2x3x4xf32> {dl.role = "parameter", dl.name = "x"}) -> tensor<f32> {
  %y = dl.flip %x dims = [0, 2] : tensor<2x3x4xf32>
  %s = dl.reduce_sum %y axes = [0, 1, 2] : tensor<2x3x4xf32> -> tensor<f32>
  return %s : tensor<f32>
}

// -----

// Integer data movement (token ids) needs no cotangent: autodiff passes
// over the integer pad feeding one_hot and builds nothing for it.
// CHECK-LABEL: func.func @loss_grad(
// CHECK:         dl.pad %{{.*}} pad = [1, 1] : tensor<4xi32> -> tensor<6xi32>
// CHECK-NOT:     dl.slice
// CHECK:         return
func.func @loss(%x: tensor<6x3xf32> {dl.role = "parameter", dl.name = "x"}, %t: tensor<4xi32>) -> tensor<f32> {
  %u = dl.pad %t pad = [1, 1] : tensor<4xi32> -> tensor<6xi32>
  %h = dl.one_hot %u classes = 3 : tensor<6xi32> -> tensor<6x3xf32>
  %p = dl.mul %h, %x : tensor<6x3xf32>, tensor<6x3xf32> -> tensor<6x3xf32>
  %s = dl.reduce_sum %p axes = [0, 1] : tensor<6x3xf32> -> tensor<f32>
  return %s : tensor<f32>
}
