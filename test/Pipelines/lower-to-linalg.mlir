// RUN: dlc-opt %s --dlc-lower-to-linalg-pipeline -split-input-file | FileCheck %s

// dl → linalg on tensors: conv/pool to runtime calls, everything else to
// linalg, and chains of elementwise generics fused into one loop nest.

// add → sigmoid → relu fuse into a single generic reading x and b.
// CHECK-DAG:   #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG:   #[[ROW:.*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-LABEL: func.func @elementwise_chain(
// CHECK-SAME:    %[[X:.*]]: tensor<4x3xf32>, %[[B:.*]]: tensor<3xf32>)
// CHECK:         %[[R:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[ROW]], #[[ID]]], iterator_types = ["parallel", "parallel"]} ins(%[[X]], %[[B]] : tensor<4x3xf32>, tensor<3xf32>)
// CHECK:           arith.addf
// CHECK:           math.exp
// CHECK:           arith.divf
// CHECK:           arith.maxnumf
// CHECK:           linalg.yield
// CHECK-NEXT:    } -> tensor<4x3xf32>
// CHECK-NEXT:    return %[[R]]
// CHECK-NOT:     linalg.generic
func.func @elementwise_chain(%x: tensor<4x3xf32>, %b: tensor<3xf32>) -> tensor<4x3xf32> {
  %0 = dl.add %x, %b : tensor<4x3xf32>, tensor<3xf32> -> tensor<4x3xf32>
  %1 = dl.sigmoid %0 : tensor<4x3xf32>
  %2 = dl.relu %1 : tensor<4x3xf32>
  return %2 : tensor<4x3xf32>
}

// -----

// Runtime calls and linalg side by side; no dl op is left.
// CHECK-LABEL: func.func @conv_relu(
// CHECK:         call @dlc_rt_conv2d_fwd
// CHECK:         bufferization.to_tensor
// CHECK:         linalg.generic
// CHECK:           arith.maxnumf
// CHECK-NOT:     dl.
func.func @conv_relu(%x: tensor<1x1x4x4xf32>, %k: tensor<1x1x3x3xf32>) -> tensor<1x1x4x4xf32> {
  %0 = dl.conv2d %x, %k stride = [1, 1] padding = [1, 1] : tensor<1x1x4x4xf32>, tensor<1x1x3x3xf32> -> tensor<1x1x4x4xf32>
  %1 = dl.relu %0 : tensor<1x1x4x4xf32>
  return %1 : tensor<1x1x4x4xf32>
}

// -----

// The pipeline runs no autodiff: @loss stays alone.
// CHECK-LABEL: func.func @loss(
// CHECK-NOT:   @loss_grad
// CHECK-NOT:   @train_step
func.func @loss(%x: tensor<3xf32>) -> tensor<f32> {
  %0 = dl.reduce_sum %x axes = [0] : tensor<3xf32> -> tensor<f32>
  return %0 : tensor<f32>
}
