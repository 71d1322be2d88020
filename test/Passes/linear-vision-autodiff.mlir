// RUN: dlc-opt %s -dl-autodiff -split-input-file | FileCheck %s

// The vision extensions' VJP rules (ir/ops/Vision.cpp): the backward ops
// carry the forward's groups, dilation, ceil_mode and count_include_pad.

// CHECK-LABEL: func.func @loss_grad(
// CHECK:         dl.conv2d_backward_data %{{.*}}, %{{.*}} stride = [1, 2] padding = [1, 2] dilation = [1, 2] groups = 2 : tensor<2x6x6x4xf32>, tensor<6x2x3x3xf32> -> tensor<2x4x6x7xf32>
// CHECK:         dl.conv2d_backward_filter %{{.*}}, %{{.*}} stride = [1, 2] padding = [1, 2] dilation = [1, 2] groups = 2 : tensor<2x4x6x7xf32>, tensor<2x6x6x4xf32> -> tensor<6x2x3x3xf32>
func.func @loss(%x: tensor<2x4x6x7xf32> {dl.role = "parameter", dl.name = "x"},
                %w: tensor<6x2x3x3xf32> {dl.role = "parameter", dl.name = "w"}) -> tensor<f32> {
  %y = dl.conv2d %x, %w stride = [1, 2] padding = [1, 2] dilation = [1, 2] groups = 2
      : tensor<2x4x6x7xf32>, tensor<6x2x3x3xf32> -> tensor<2x6x6x4xf32>
  %s = dl.reduce_sum %y axes = [0, 1, 2, 3] : tensor<2x6x6x4xf32> -> tensor<f32>
  return %s : tensor<f32>
}

// -----

// CHECK-LABEL: func.func @loss_grad(
// CHECK:         dl.max_pool2d_with_workspace %{{.*}} kernel = [3, 3] stride = [2, 2] padding = [1, 1] ceil_mode : tensor<1x2x6x6xf32> -> tensor<1x2x4x4xf32>, tensor<32xi8>
// CHECK:         dl.avg_pool2d_backward %{{.*}}, %{{.*}} kernel = [3, 3] stride = [2, 2] padding = [1, 1] ceil_mode count_include_pad = false : tensor<1x2x4x4xf32>, tensor<1x2x6x6xf32> -> tensor<1x2x6x6xf32>
// CHECK:         dl.max_pool2d_backward %{{.*}}, %{{.*}} kernel = [3, 3] stride = [2, 2] padding = [1, 1] ceil_mode : tensor<1x2x4x4xf32>, tensor<32xi8> -> tensor<1x2x6x6xf32>
func.func @loss(%x: tensor<1x2x6x6xf32> {dl.role = "parameter", dl.name = "x"}) -> tensor<f32> {
  %a = dl.max_pool2d %x kernel = [3, 3] stride = [2, 2] padding = [1, 1] ceil_mode
      : tensor<1x2x6x6xf32> -> tensor<1x2x4x4xf32>
  %b = dl.avg_pool2d %x kernel = [3, 3] stride = [2, 2] padding = [1, 1] ceil_mode count_include_pad = false
      : tensor<1x2x6x6xf32> -> tensor<1x2x4x4xf32>
  %c = dl.add %a, %b : tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32> -> tensor<1x2x4x4xf32>
  %s = dl.reduce_sum %c axes = [0, 1, 2, 3] : tensor<1x2x4x4xf32> -> tensor<f32>
  return %s : tensor<f32>
}

// -----

// Adaptive pooling is x ↦ Pₕ·x·P_wᵀ: dx = Pₕᵀ·g·P_w, with the (3, 7)
// averaging matrix (windows [0,3) [2,5) [4,7), so 1/3 each).
// CHECK-LABEL: func.func @loss_grad(
// CHECK:         %[[P:.*]] = dl.constant dense<{{\[\[}}0.333333343, 0.333333343, 0.333333343, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00], [0.000000e+00, 0.000000e+00, 0.333333343, 0.333333343, 0.333333343, 0.000000e+00, 0.000000e+00], [0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.333333343, 0.333333343, 0.333333343]]> : tensor<3x7xf32>
// CHECK:         %[[G:.*]] = dl.reshape %{{.*}} : tensor<2x4x3x3xf32> -> tensor<8x3x3xf32>
// CHECK:         %[[R:.*]] = dl.batch_matmul %[[P]], %[[G]] transpose_lhs : tensor<3x7xf32>, tensor<8x3x3xf32> -> tensor<8x7x3xf32>
// CHECK:         %[[C:.*]] = dl.batch_matmul %[[R]], %{{.*}} : tensor<8x7x3xf32>, tensor<3x7xf32> -> tensor<8x7x7xf32>
// CHECK:         dl.reshape %[[C]] : tensor<8x7x7xf32> -> tensor<2x4x7x7xf32>
func.func @loss(%x: tensor<2x4x7x7xf32> {dl.role = "parameter", dl.name = "x"}) -> tensor<f32> {
  %y = dl.adaptive_avg_pool2d %x output_size = [3, 3] : tensor<2x4x7x7xf32> -> tensor<2x4x3x3xf32>
  %s = dl.reduce_sum %y axes = [0, 1, 2, 3] : tensor<2x4x3x3xf32> -> tensor<f32>
  return %s : tensor<f32>
}

// -----

// Global: g / (H·W) spread over the image.
// CHECK-LABEL: func.func @loss_grad(
// CHECK:         %[[B:.*]] = dl.broadcast_to %{{.*}} : tensor<2x4x1x1xf32> -> tensor<2x4x5x6xf32>
// CHECK:         %[[N:.*]] = dl.constant dense<3.000000e+01> : tensor<f32>
// CHECK:         dl.div %[[B]], %[[N]] : tensor<2x4x5x6xf32>, tensor<f32> -> tensor<2x4x5x6xf32>
func.func @loss(%x: tensor<2x4x5x6xf32> {dl.role = "parameter", dl.name = "x"}) -> tensor<f32> {
  %y = dl.adaptive_avg_pool2d %x output_size = [1, 1] : tensor<2x4x5x6xf32> -> tensor<2x4x1x1xf32>
  %s = dl.reduce_sum %y axes = [0, 1, 2, 3] : tensor<2x4x1x1xf32> -> tensor<f32>
  return %s : tensor<f32>
}
