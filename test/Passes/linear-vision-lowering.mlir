// RUN: dlc-opt %s -dl-decompose -split-input-file | FileCheck %s
// RUN: dlc-opt %s -dl-decompose -dl-lower-to-runtime -split-input-file | FileCheck %s --check-prefix=RT
// RUN: dlc-opt %s -dlc-lower-to-linalg-pipeline -split-input-file | FileCheck %s --check-prefix=PIPE

// How the vision extensions lower: adaptive pooling decomposes (a mean, or
// two averaging matmuls); grouped/dilated convolution and ceil-mode pooling
// pass their parameters to the oneDNN kernels.

// Global pooling is a mean over H and W.
// CHECK-LABEL: func.func @adaptive_global(
// CHECK-DAG:     %[[S:.*]] = dl.reduce_sum %{{.*}} axes = [2, 3] keepdims : tensor<2x4x5x6xf32> -> tensor<2x4x1x1xf32>
// CHECK-DAG:     %[[N:.*]] = dl.constant dense<3.000000e+01> : tensor<f32>
// CHECK:         %[[M:.*]] = dl.div %[[S]], %[[N]] : tensor<2x4x1x1xf32>, tensor<f32> -> tensor<2x4x1x1xf32>
// CHECK-NEXT:    return %[[M]]
// PIPE-LABEL: func.func @adaptive_global(
// PIPE-NOT:     call
// PIPE:         linalg.generic
// PIPE-SAME:      "reduction", "reduction"
// PIPE:         return
func.func @adaptive_global(%x: tensor<2x4x5x6xf32>) -> tensor<2x4x1x1xf32> {
  %0 = dl.adaptive_avg_pool2d %x output_size = [1, 1] : tensor<2x4x5x6xf32> -> tensor<2x4x1x1xf32>
  return %0 : tensor<2x4x1x1xf32>
}

// -----

// Other sizes: Pₕ (3, 7)·x·P_wᵀ (P_w (2, 6): windows [0,3) [3,6)), both
// batched matmuls sharing the matrix, which run on the runtime.
// CHECK-LABEL: func.func @adaptive(
// CHECK:         %[[PH:.*]] = dl.constant {{.*}} : tensor<3x7xf32>
// CHECK:         %[[PW:.*]] = dl.constant dense<{{\[\[}}0.333333343, 0.333333343, 0.333333343, 0.000000e+00, 0.000000e+00, 0.000000e+00], [0.000000e+00, 0.000000e+00, 0.000000e+00, 0.333333343, 0.333333343, 0.333333343]]> : tensor<2x6xf32>
// CHECK:         %[[X:.*]] = dl.reshape %{{.*}} : tensor<2x4x7x6xf32> -> tensor<8x7x6xf32>
// CHECK:         %[[P1:.*]] = dl.reshape %[[PH]] : tensor<3x7xf32> -> tensor<1x3x7xf32>
// CHECK:         %[[R:.*]] = dl.batch_matmul %[[P1]], %[[X]] : tensor<1x3x7xf32>, tensor<8x7x6xf32> -> tensor<8x3x6xf32>
// CHECK:         %[[P2:.*]] = dl.reshape %[[PW]] : tensor<2x6xf32> -> tensor<1x2x6xf32>
// CHECK:         %[[C:.*]] = dl.batch_matmul %[[R]], %[[P2]] transpose_rhs : tensor<8x3x6xf32>, tensor<1x2x6xf32> -> tensor<8x3x2xf32>
// CHECK:         dl.reshape %[[C]] : tensor<8x3x2xf32> -> tensor<2x4x3x2xf32>
// RT-LABEL: func.func @adaptive(
// RT-COUNT-2:  call @dlc_rt_batch_matmul
func.func @adaptive(%x: tensor<2x4x7x6xf32>) -> tensor<2x4x3x2xf32> {
  %0 = dl.adaptive_avg_pool2d %x output_size = [3, 2] : tensor<2x4x7x6xf32> -> tensor<2x4x3x2xf32>
  return %0 : tensor<2x4x3x2xf32>
}

// -----

// RT-LABEL: func.func @conv_pool(
// RT-DAG:      %[[C0:.*]] = arith.constant 0 : i64
// RT-DAG:      %[[C1:.*]] = arith.constant 1 : i64
// RT-DAG:      %[[C2:.*]] = arith.constant 2 : i64
// RT-DAG:      %[[C3:.*]] = arith.constant 3 : i64
// stride, padding, dilation (H, W), groups
// RT:          call @dlc_rt_conv2d_fwd(%{{.*}}, %{{.*}}, %{{.*}}, %[[C1]], %[[C1]], %[[C2]], %[[C2]], %[[C2]], %[[C2]], %[[C2]])
// kernel, stride, padding, ceil_mode, count_include_pad
// RT:          call @dlc_rt_avg_pool2d_fwd(%{{.*}}, %{{.*}}, %[[C3]], %[[C3]], %[[C2]], %[[C2]], %[[C1]], %[[C1]], %[[C1]], %[[C0]])
// RT:          call @dlc_rt_max_pool2d_fwd(%{{.*}}, %{{.*}}, %[[C3]], %[[C3]], %[[C2]], %[[C2]], %[[C1]], %[[C1]], %[[C1]])
func.func @conv_pool(%x: tensor<8x4x9x9xf32>, %w: tensor<6x2x3x3xf32>) -> (tensor<8x6x5x5xf32>, tensor<8x6x5x5xf32>) {
  %0 = dl.conv2d %x, %w stride = [1, 1] padding = [2, 2] dilation = [2, 2] groups = 2
      : tensor<8x4x9x9xf32>, tensor<6x2x3x3xf32> -> tensor<8x6x9x9xf32>
  %1 = dl.avg_pool2d %0 kernel = [3, 3] stride = [2, 2] padding = [1, 1] ceil_mode count_include_pad = false
      : tensor<8x6x9x9xf32> -> tensor<8x6x5x5xf32>
  %2 = dl.max_pool2d %0 kernel = [3, 3] stride = [2, 2] padding = [1, 1] ceil_mode
      : tensor<8x6x9x9xf32> -> tensor<8x6x5x5xf32>
  return %1, %2 : tensor<8x6x5x5xf32>, tensor<8x6x5x5xf32>
}

// -----

// A 1×1, stride-1, unpadded convolution is w (1, O, C) · x (N, C, H·W),
// which runs on oneDNN's matmul primitive (measured faster than its
// convolution); other convolutions are left to the conv kernel.
// CHECK-LABEL: func.func @conv1x1(
// CHECK-SAME:    %[[X:[^:]*]]: tensor<2x3x4x5xf32>, %[[W:[^:]*]]: tensor<6x3x1x1xf32>
// CHECK-DAG:     %[[WR:.*]] = dl.reshape %[[W]] : tensor<6x3x1x1xf32> -> tensor<1x6x3xf32>
// CHECK-DAG:     %[[XR:.*]] = dl.reshape %[[X]] : tensor<2x3x4x5xf32> -> tensor<2x3x20xf32>
// CHECK:         %[[P:.*]] = dl.batch_matmul %[[WR]], %[[XR]] : tensor<1x6x3xf32>, tensor<2x3x20xf32> -> tensor<2x6x20xf32>
// CHECK:         %[[Y:.*]] = dl.reshape %[[P]] : tensor<2x6x20xf32> -> tensor<2x6x4x5xf32>
// CHECK:         dl.conv2d %{{.*}}, %{{.*}} stride = [2, 2] padding = [0, 0]
// CHECK:         dl.conv2d %{{.*}}, %{{.*}} stride = [1, 1] padding = [0, 0] groups = 3
// RT-LABEL: func.func @conv1x1(
// RT:          call @dlc_rt_batch_matmul
// RT-COUNT-2:  call @dlc_rt_conv2d_fwd
func.func @conv1x1(%x: tensor<2x3x4x5xf32>, %w: tensor<6x3x1x1xf32>, %g: tensor<6x1x1x1xf32>)
    -> (tensor<2x6x4x5xf32>, tensor<2x6x2x3xf32>, tensor<2x6x4x5xf32>) {
  %0 = dl.conv2d %x, %w stride = [1, 1] padding = [0, 0] : tensor<2x3x4x5xf32>, tensor<6x3x1x1xf32> -> tensor<2x6x4x5xf32>
  %1 = dl.conv2d %x, %w stride = [2, 2] padding = [0, 0] : tensor<2x3x4x5xf32>, tensor<6x3x1x1xf32> -> tensor<2x6x2x3xf32>
  %2 = dl.conv2d %x, %g stride = [1, 1] padding = [0, 0] groups = 3 : tensor<2x3x4x5xf32>, tensor<6x1x1x1xf32> -> tensor<2x6x4x5xf32>
  return %0, %1, %2 : tensor<2x6x4x5xf32>, tensor<2x6x2x3xf32>, tensor<2x6x4x5xf32>
}
