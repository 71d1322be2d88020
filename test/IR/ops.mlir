// RUN: dlc-opt %s -split-input-file | dlc-opt -split-input-file | FileCheck %s
// RUN: dlc-opt %s -split-input-file --mlir-print-op-generic | dlc-opt -split-input-file | FileCheck %s
// RUN: dlc-opt %s -split-input-file --mlir-print-op-generic | FileCheck %s --check-prefix=GENERIC

// Round trip of every dl op in its custom assembly format, and through the
// generic form (second RUN line): both must print back the same custom form.

//===----------------------------------------------------------------------===//
// Creation
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func @constant$scalar
func.func @constant$scalar() -> tensor<f32> {
  // CHECK: dl.constant dense<1.000000e+00> : tensor<f32>
  %0 = dl.constant dense<1.0> : tensor<f32>
  return %0 : tensor<f32>
}

// -----

// CHECK-LABEL: func @constant$elements
func.func @constant$elements() -> tensor<2x2xf32> {
  // CHECK: dl.constant dense<{{\[}}[1.000000e+00, 2.000000e+00], [3.000000e+00, 4.000000e+00]]> : tensor<2x2xf32>
  %0 = dl.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

// CHECK-LABEL: func @constant$i32
func.func @constant$i32() -> tensor<3xi32> {
  // CHECK: dl.constant dense<[0, 1, 2]> : tensor<3xi32>
  %0 = dl.constant dense<[0, 1, 2]> : tensor<3xi32>
  return %0 : tensor<3xi32>
}

// -----

//===----------------------------------------------------------------------===//
// Elementwise binary ops (numpy broadcasting)
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func @add$same
func.func @add$same(%a: tensor<2x3xf32>, %b: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // CHECK: dl.add %{{.*}}, %{{.*}} : tensor<2x3xf32>, tensor<2x3xf32> -> tensor<2x3xf32>
  %0 = dl.add %a, %b : tensor<2x3xf32>, tensor<2x3xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func @add$rank0
func.func @add$rank0(%a: tensor<f32>, %b: tensor<4x3xf32>) -> tensor<4x3xf32> {
  // CHECK: dl.add %{{.*}}, %{{.*}} : tensor<f32>, tensor<4x3xf32> -> tensor<4x3xf32>
  %0 = dl.add %a, %b : tensor<f32>, tensor<4x3xf32> -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// -----

// CHECK-LABEL: func @add$lower_rank
func.func @add$lower_rank(%a: tensor<4x3xf32>, %b: tensor<3xf32>) -> tensor<4x3xf32> {
  // CHECK: dl.add %{{.*}}, %{{.*}} : tensor<4x3xf32>, tensor<3xf32> -> tensor<4x3xf32>
  %0 = dl.add %a, %b : tensor<4x3xf32>, tensor<3xf32> -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// -----

// Size-1 dimensions stretch on both sides.
// CHECK-LABEL: func @add$size1_both
func.func @add$size1_both(%a: tensor<4x1xf32>, %b: tensor<1x3xf32>) -> tensor<4x3xf32> {
  // CHECK: dl.add %{{.*}}, %{{.*}} : tensor<4x1xf32>, tensor<1x3xf32> -> tensor<4x3xf32>
  %0 = dl.add %a, %b : tensor<4x1xf32>, tensor<1x3xf32> -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// -----

// CHECK-LABEL: func @add$both_rank0
func.func @add$both_rank0(%a: tensor<f32>, %b: tensor<f32>) -> tensor<f32> {
  // CHECK: dl.add %{{.*}}, %{{.*}} : tensor<f32>, tensor<f32> -> tensor<f32>
  %0 = dl.add %a, %b : tensor<f32>, tensor<f32> -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

// CHECK-LABEL: func @sub
func.func @sub(%a: tensor<4x3xf32>, %b: tensor<4x1xf32>) -> tensor<4x3xf32> {
  // CHECK: dl.sub %{{.*}}, %{{.*}} : tensor<4x3xf32>, tensor<4x1xf32> -> tensor<4x3xf32>
  %0 = dl.sub %a, %b : tensor<4x3xf32>, tensor<4x1xf32> -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// -----

// CHECK-LABEL: func @mul
func.func @mul(%lr: tensor<f32>, %g: tensor<10x4xf32>) -> tensor<10x4xf32> {
  // CHECK: dl.mul %{{.*}}, %{{.*}} : tensor<f32>, tensor<10x4xf32> -> tensor<10x4xf32>
  %0 = dl.mul %lr, %g : tensor<f32>, tensor<10x4xf32> -> tensor<10x4xf32>
  return %0 : tensor<10x4xf32>
}

// -----

// CHECK-LABEL: func @div
func.func @div(%a: tensor<8x3xf32>, %n: tensor<f32>) -> tensor<8x3xf32> {
  // CHECK: dl.div %{{.*}}, %{{.*}} : tensor<8x3xf32>, tensor<f32> -> tensor<8x3xf32>
  %0 = dl.div %a, %n : tensor<8x3xf32>, tensor<f32> -> tensor<8x3xf32>
  return %0 : tensor<8x3xf32>
}

// -----

//===----------------------------------------------------------------------===//
// Elementwise unary ops
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func @unary
func.func @unary(%x: tensor<4x3xf32>) -> tensor<4x3xf32> {
  // CHECK: %[[NEG:.*]] = dl.neg %{{.*}} : tensor<4x3xf32>
  // CHECK: %[[EXP:.*]] = dl.exp %[[NEG]] : tensor<4x3xf32>
  // CHECK: %[[LOG:.*]] = dl.log %[[EXP]] : tensor<4x3xf32>
  // CHECK: %[[TANH:.*]] = dl.tanh %[[LOG]] : tensor<4x3xf32>
  // CHECK: %[[SIG:.*]] = dl.sigmoid %[[TANH]] : tensor<4x3xf32>
  // CHECK: %[[RELU:.*]] = dl.relu %[[SIG]] : tensor<4x3xf32>
  // CHECK: %[[SIGN:.*]] = dl.sign %[[RELU]] : tensor<4x3xf32>
  // CHECK: return %[[SIGN]]
  %0 = dl.neg %x : tensor<4x3xf32>
  %1 = dl.exp %0 : tensor<4x3xf32>
  %2 = dl.log %1 : tensor<4x3xf32>
  %3 = dl.tanh %2 : tensor<4x3xf32>
  %4 = dl.sigmoid %3 : tensor<4x3xf32>
  %5 = dl.relu %4 : tensor<4x3xf32>
  %6 = dl.sign %5 : tensor<4x3xf32>
  return %6 : tensor<4x3xf32>
}

// -----

// CHECK-LABEL: func @unary$rank0
func.func @unary$rank0(%x: tensor<f32>) -> tensor<f32> {
  // CHECK: dl.exp %{{.*}} : tensor<f32>
  %0 = dl.exp %x : tensor<f32>
  return %0 : tensor<f32>
}

// -----

//===----------------------------------------------------------------------===//
// Contraction
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func @matmul
func.func @matmul(%a: tensor<4x5xf32>, %b: tensor<5x6xf32>) -> tensor<4x6xf32> {
  // CHECK: dl.matmul %{{.*}}, %{{.*}} : tensor<4x5xf32>, tensor<5x6xf32> -> tensor<4x6xf32>
  %0 = dl.matmul %a, %b : tensor<4x5xf32>, tensor<5x6xf32> -> tensor<4x6xf32>
  return %0 : tensor<4x6xf32>
}

// -----

// CHECK-LABEL: func @matmul$transpose_lhs
func.func @matmul$transpose_lhs(%a: tensor<5x4xf32>, %b: tensor<5x6xf32>) -> tensor<4x6xf32> {
  // CHECK: dl.matmul %{{.*}}, %{{.*}} transpose_lhs : tensor<5x4xf32>, tensor<5x6xf32> -> tensor<4x6xf32>
  %0 = dl.matmul %a, %b transpose_lhs : tensor<5x4xf32>, tensor<5x6xf32> -> tensor<4x6xf32>
  return %0 : tensor<4x6xf32>
}

// -----

// A linear layer x·Wᵀ.
// CHECK-LABEL: func @matmul$transpose_rhs
func.func @matmul$transpose_rhs(%x: tensor<256x400xf32>, %w: tensor<120x400xf32>) -> tensor<256x120xf32> {
  // CHECK: dl.matmul %{{.*}}, %{{.*}} transpose_rhs : tensor<256x400xf32>, tensor<120x400xf32> -> tensor<256x120xf32>
  %0 = dl.matmul %x, %w transpose_rhs : tensor<256x400xf32>, tensor<120x400xf32> -> tensor<256x120xf32>
  return %0 : tensor<256x120xf32>
}

// -----

// CHECK-LABEL: func @matmul$transpose_both
func.func @matmul$transpose_both(%a: tensor<5x4xf32>, %b: tensor<6x5xf32>) -> tensor<4x6xf32> {
  // CHECK: dl.matmul %{{.*}}, %{{.*}} transpose_lhs transpose_rhs : tensor<5x4xf32>, tensor<6x5xf32> -> tensor<4x6xf32>
  %0 = dl.matmul %a, %b transpose_lhs transpose_rhs : tensor<5x4xf32>, tensor<6x5xf32> -> tensor<4x6xf32>
  return %0 : tensor<4x6xf32>
}

// -----

//===----------------------------------------------------------------------===//
// Reduction and normalisation
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func @reduce_sum
func.func @reduce_sum(%x: tensor<256x10xf32>) -> tensor<10xf32> {
  // CHECK: dl.reduce_sum %{{.*}} axes = [0] : tensor<256x10xf32> -> tensor<10xf32>
  %0 = dl.reduce_sum %x axes = [0] : tensor<256x10xf32> -> tensor<10xf32>
  return %0 : tensor<10xf32>
}

// -----

// CHECK-LABEL: func @reduce_sum$keepdims
func.func @reduce_sum$keepdims(%x: tensor<256x10xf32>) -> tensor<256x1xf32> {
  // CHECK: dl.reduce_sum %{{.*}} axes = [1] keepdims : tensor<256x10xf32> -> tensor<256x1xf32>
  %0 = dl.reduce_sum %x axes = [1] keepdims : tensor<256x10xf32> -> tensor<256x1xf32>
  return %0 : tensor<256x1xf32>
}

// -----

// Reducing every axis without keepdims gives a rank-0 tensor.
// CHECK-LABEL: func @reduce_sum$all
func.func @reduce_sum$all(%x: tensor<2x3x4xf32>) -> tensor<f32> {
  // CHECK: dl.reduce_sum %{{.*}} axes = [0, 1, 2] : tensor<2x3x4xf32> -> tensor<f32>
  %0 = dl.reduce_sum %x axes = [0, 1, 2] : tensor<2x3x4xf32> -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

// CHECK-LABEL: func @reduce_sum$multi_keepdims
func.func @reduce_sum$multi_keepdims(%x: tensor<2x3x4xf32>) -> tensor<1x3x1xf32> {
  // CHECK: dl.reduce_sum %{{.*}} axes = [0, 2] keepdims : tensor<2x3x4xf32> -> tensor<1x3x1xf32>
  %0 = dl.reduce_sum %x axes = [0, 2] keepdims : tensor<2x3x4xf32> -> tensor<1x3x1xf32>
  return %0 : tensor<1x3x1xf32>
}

// -----

// CHECK-LABEL: func @reduce_max
func.func @reduce_max(%x: tensor<256x10xf32>) -> (tensor<256xf32>, tensor<256x1xf32>) {
  // CHECK: dl.reduce_max %{{.*}} axes = [1] : tensor<256x10xf32> -> tensor<256xf32>
  // CHECK: dl.reduce_max %{{.*}} axes = [1] keepdims : tensor<256x10xf32> -> tensor<256x1xf32>
  %0 = dl.reduce_max %x axes = [1] : tensor<256x10xf32> -> tensor<256xf32>
  %1 = dl.reduce_max %x axes = [1] keepdims : tensor<256x10xf32> -> tensor<256x1xf32>
  return %0, %1 : tensor<256xf32>, tensor<256x1xf32>
}

// -----

// CHECK-LABEL: func @reduce_max$all
func.func @reduce_max$all(%x: tensor<2x3x4xf32>) -> (tensor<f32>, tensor<1x3x1xf32>) {
  // CHECK: dl.reduce_max %{{.*}} axes = [0, 1, 2] : tensor<2x3x4xf32> -> tensor<f32>
  // CHECK: dl.reduce_max %{{.*}} axes = [0, 2] keepdims : tensor<2x3x4xf32> -> tensor<1x3x1xf32>
  // GENERIC: "dl.reduce_max"(%{{.*}}) <{axes = array<i64: 0, 2>, keepdims}> : (tensor<2x3x4xf32>) -> tensor<1x3x1xf32>
  %0 = dl.reduce_max %x axes = [0, 1, 2] : tensor<2x3x4xf32> -> tensor<f32>
  %1 = dl.reduce_max %x axes = [0, 2] keepdims : tensor<2x3x4xf32> -> tensor<1x3x1xf32>
  return %0, %1 : tensor<f32>, tensor<1x3x1xf32>
}

// -----

// Reducing no axis is the identity; an empty axis that is not reduced is
// fine (only a maximum over an empty axis is undefined; a sum over one is 0).
// CHECK-LABEL: func @reduce_max$no_axes
func.func @reduce_max$no_axes(%x: tensor<0x3xf32>) -> (tensor<0xf32>, tensor<3xf32>) {
  // CHECK: dl.reduce_max %{{.*}} axes = [] : tensor<0x3xf32> -> tensor<0x3xf32>
  // CHECK: dl.reduce_max %{{.*}} axes = [1] : tensor<0x3xf32> -> tensor<0xf32>
  // CHECK: dl.reduce_sum %{{.*}} axes = [0] : tensor<0x3xf32> -> tensor<3xf32>
  %0 = dl.reduce_max %x axes = [] : tensor<0x3xf32> -> tensor<0x3xf32>
  %1 = dl.reduce_max %0 axes = [1] : tensor<0x3xf32> -> tensor<0xf32>
  %2 = dl.reduce_sum %x axes = [0] : tensor<0x3xf32> -> tensor<3xf32>
  return %1, %2 : tensor<0xf32>, tensor<3xf32>
}

// -----

// CHECK-LABEL: func @softmax
func.func @softmax(%x: tensor<256x10xf32>) -> tensor<256x10xf32> {
  // CHECK: dl.softmax %{{.*}} axis = 1 : tensor<256x10xf32>
  %0 = dl.softmax %x axis = 1 : tensor<256x10xf32>
  return %0 : tensor<256x10xf32>
}

// -----

// CHECK-LABEL: func @softmax$axis0
func.func @softmax$axis0(%x: tensor<5xf32>) -> tensor<5xf32> {
  // CHECK: dl.softmax %{{.*}} axis = 0 : tensor<5xf32>
  %0 = dl.softmax %x axis = 0 : tensor<5xf32>
  return %0 : tensor<5xf32>
}

// -----

// CHECK-LABEL: func @log_softmax
func.func @log_softmax(%x: tensor<256x10xf32>, %y: tensor<2x3x4xf32>) -> (tensor<256x10xf32>, tensor<2x3x4xf32>) {
  // CHECK: dl.log_softmax %{{.*}} axis = 1 : tensor<256x10xf32>
  // CHECK: dl.log_softmax %{{.*}} axis = 2 : tensor<2x3x4xf32>
  // GENERIC: "dl.log_softmax"(%{{.*}}) <{axis = 1 : i64}> : (tensor<256x10xf32>) -> tensor<256x10xf32>
  %0 = dl.log_softmax %x axis = 1 : tensor<256x10xf32>
  %1 = dl.log_softmax %y axis = 2 : tensor<2x3x4xf32>
  return %0, %1 : tensor<256x10xf32>, tensor<2x3x4xf32>
}

// -----

//===----------------------------------------------------------------------===//
// Loss
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func @one_hot
func.func @one_hot(%t: tensor<256xi32>) -> tensor<256x10xf32> {
  // CHECK: dl.one_hot %{{.*}} classes = 10 : tensor<256xi32> -> tensor<256x10xf32>
  %0 = dl.one_hot %t classes = 10 : tensor<256xi32> -> tensor<256x10xf32>
  return %0 : tensor<256x10xf32>
}

// -----

// CHECK-LABEL: func @one_hot$rank0
func.func @one_hot$rank0(%t: tensor<i32>) -> tensor<3xf32> {
  // CHECK: dl.one_hot %{{.*}} classes = 3 : tensor<i32> -> tensor<3xf32>
  %0 = dl.one_hot %t classes = 3 : tensor<i32> -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

// CHECK-LABEL: func @softmax_cross_entropy
func.func @softmax_cross_entropy(%x: tensor<256x10xf32>, %t: tensor<256xi32>) -> tensor<f32> {
  // CHECK: dl.softmax_cross_entropy %{{.*}}, %{{.*}} : tensor<256x10xf32>, tensor<256xi32> -> tensor<f32>
  %0 = dl.softmax_cross_entropy %x, %t : tensor<256x10xf32>, tensor<256xi32> -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

//===----------------------------------------------------------------------===//
// Shape
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func @reshape
func.func @reshape(%x: tensor<256x16x5x5xf32>) -> tensor<256x400xf32> {
  // CHECK: dl.reshape %{{.*}} : tensor<256x16x5x5xf32> -> tensor<256x400xf32>
  %0 = dl.reshape %x : tensor<256x16x5x5xf32> -> tensor<256x400xf32>
  return %0 : tensor<256x400xf32>
}

// -----

// CHECK-LABEL: func @reshape$rank0
func.func @reshape$rank0(%x: tensor<1x1xf32>) -> tensor<f32> {
  // CHECK: %[[S:.*]] = dl.reshape %{{.*}} : tensor<1x1xf32> -> tensor<f32>
  // CHECK: dl.reshape %[[S]] : tensor<f32> -> tensor<1xf32>
  %0 = dl.reshape %x : tensor<1x1xf32> -> tensor<f32>
  %1 = dl.reshape %0 : tensor<f32> -> tensor<1xf32>
  return %0 : tensor<f32>
}

// -----

// CHECK-LABEL: func @broadcast_to
func.func @broadcast_to(%x: tensor<1x10xf32>) -> tensor<256x10xf32> {
  // CHECK: dl.broadcast_to %{{.*}} : tensor<1x10xf32> -> tensor<256x10xf32>
  %0 = dl.broadcast_to %x : tensor<1x10xf32> -> tensor<256x10xf32>
  return %0 : tensor<256x10xf32>
}

// -----

// CHECK-LABEL: func @broadcast_to$rank0
func.func @broadcast_to$rank0(%x: tensor<f32>) -> tensor<2x3xf32> {
  // CHECK: dl.broadcast_to %{{.*}} : tensor<f32> -> tensor<2x3xf32>
  %0 = dl.broadcast_to %x : tensor<f32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

//===----------------------------------------------------------------------===//
// Vision
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func @conv2d
func.func @conv2d(%x: tensor<256x1x28x28xf32>, %w: tensor<6x1x5x5xf32>) -> tensor<256x6x28x28xf32> {
  // CHECK: dl.conv2d %{{.*}}, %{{.*}} stride = [1, 1] padding = [2, 2] : tensor<256x1x28x28xf32>, tensor<6x1x5x5xf32> -> tensor<256x6x28x28xf32>
  %0 = dl.conv2d %x, %w stride = [1, 1] padding = [2, 2]
      : tensor<256x1x28x28xf32>, tensor<6x1x5x5xf32> -> tensor<256x6x28x28xf32>
  return %0 : tensor<256x6x28x28xf32>
}

// -----

// Stride 2 floors: (9 + 2*1 - 3) / 2 + 1 = 5; (8 + 0 - 3) / 2 + 1 = 3.
// CHECK-LABEL: func @conv2d$stride_padding
func.func @conv2d$stride_padding(%x: tensor<2x3x9x8xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<2x4x5x3xf32> {
  // CHECK: dl.conv2d %{{.*}}, %{{.*}} stride = [2, 2] padding = [1, 0] : tensor<2x3x9x8xf32>, tensor<4x3x3x3xf32> -> tensor<2x4x5x3xf32>
  %0 = dl.conv2d %x, %w stride = [2, 2] padding = [1, 0]
      : tensor<2x3x9x8xf32>, tensor<4x3x3x3xf32> -> tensor<2x4x5x3xf32>
  return %0 : tensor<2x4x5x3xf32>
}

// -----

// CHECK-LABEL: func @conv2d_backward_data
func.func @conv2d_backward_data(%dy: tensor<256x6x28x28xf32>, %w: tensor<6x1x5x5xf32>) -> tensor<256x1x28x28xf32> {
  // CHECK: dl.conv2d_backward_data %{{.*}}, %{{.*}} stride = [1, 1] padding = [2, 2] : tensor<256x6x28x28xf32>, tensor<6x1x5x5xf32> -> tensor<256x1x28x28xf32>
  %0 = dl.conv2d_backward_data %dy, %w stride = [1, 1] padding = [2, 2]
      : tensor<256x6x28x28xf32>, tensor<6x1x5x5xf32> -> tensor<256x1x28x28xf32>
  return %0 : tensor<256x1x28x28xf32>
}

// -----

// With stride 2 the input shape is not unique given the output: 9 and 10
// both give 5 (kernel 3, padding 1); the declared result type decides.
// CHECK-LABEL: func @conv2d_backward_data$stride2
func.func @conv2d_backward_data$stride2(%dy: tensor<2x4x5x5xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<2x3x10x9xf32> {
  // CHECK: dl.conv2d_backward_data %{{.*}}, %{{.*}} stride = [2, 2] padding = [1, 1] : tensor<2x4x5x5xf32>, tensor<4x3x3x3xf32> -> tensor<2x3x10x9xf32>
  %0 = dl.conv2d_backward_data %dy, %w stride = [2, 2] padding = [1, 1]
      : tensor<2x4x5x5xf32>, tensor<4x3x3x3xf32> -> tensor<2x3x10x9xf32>
  return %0 : tensor<2x3x10x9xf32>
}

// -----

// CHECK-LABEL: func @conv2d_backward_filter
func.func @conv2d_backward_filter(%x: tensor<256x1x28x28xf32>, %dy: tensor<256x6x28x28xf32>) -> tensor<6x1x5x5xf32> {
  // CHECK: dl.conv2d_backward_filter %{{.*}}, %{{.*}} stride = [1, 1] padding = [2, 2] : tensor<256x1x28x28xf32>, tensor<256x6x28x28xf32> -> tensor<6x1x5x5xf32>
  %0 = dl.conv2d_backward_filter %x, %dy stride = [1, 1] padding = [2, 2]
      : tensor<256x1x28x28xf32>, tensor<256x6x28x28xf32> -> tensor<6x1x5x5xf32>
  return %0 : tensor<6x1x5x5xf32>
}

// -----

// CHECK-LABEL: func @avg_pool2d
func.func @avg_pool2d(%x: tensor<256x6x28x28xf32>) -> tensor<256x6x14x14xf32> {
  // CHECK: dl.avg_pool2d %{{.*}} kernel = [2, 2] stride = [2, 2] padding = [0, 0] : tensor<256x6x28x28xf32> -> tensor<256x6x14x14xf32>
  %0 = dl.avg_pool2d %x kernel = [2, 2] stride = [2, 2] padding = [0, 0]
      : tensor<256x6x28x28xf32> -> tensor<256x6x14x14xf32>
  return %0 : tensor<256x6x14x14xf32>
}

// -----

// Overlapping windows with padding: (7 + 2 - 3) / 2 + 1 = 4.
// CHECK-LABEL: func @max_pool2d$overlap
func.func @max_pool2d$overlap(%x: tensor<1x2x7x7xf32>) -> tensor<1x2x4x4xf32> {
  // CHECK: dl.max_pool2d %{{.*}} kernel = [3, 3] stride = [2, 2] padding = [1, 1] : tensor<1x2x7x7xf32> -> tensor<1x2x4x4xf32>
  %0 = dl.max_pool2d %x kernel = [3, 3] stride = [2, 2] padding = [1, 1]
      : tensor<1x2x7x7xf32> -> tensor<1x2x4x4xf32>
  return %0 : tensor<1x2x4x4xf32>
}

// -----

// CHECK-LABEL: func @avg_pool2d_backward
func.func @avg_pool2d_backward(%dy: tensor<256x6x14x14xf32>, %x: tensor<256x6x28x28xf32>) -> tensor<256x6x28x28xf32> {
  // CHECK: dl.avg_pool2d_backward %{{.*}}, %{{.*}} kernel = [2, 2] stride = [2, 2] padding = [0, 0] : tensor<256x6x14x14xf32>, tensor<256x6x28x28xf32> -> tensor<256x6x28x28xf32>
  %0 = dl.avg_pool2d_backward %dy, %x kernel = [2, 2] stride = [2, 2] padding = [0, 0]
      : tensor<256x6x14x14xf32>, tensor<256x6x28x28xf32> -> tensor<256x6x28x28xf32>
  return %0 : tensor<256x6x28x28xf32>
}

// -----

// CHECK-LABEL: func @max_pool2d_backward
func.func @max_pool2d_backward(%dy: tensor<1x2x4x4xf32>, %x: tensor<1x2x7x7xf32>) -> tensor<1x2x7x7xf32> {
  // CHECK: %{{.*}}, %[[WS:.*]] = dl.max_pool2d_with_workspace %{{.*}} kernel = [3, 3] stride = [2, 2] padding = [1, 1] : tensor<1x2x7x7xf32> -> tensor<1x2x4x4xf32>, tensor<32xi8>
  %y, %ws = dl.max_pool2d_with_workspace %x kernel = [3, 3] stride = [2, 2] padding = [1, 1]
      : tensor<1x2x7x7xf32> -> tensor<1x2x4x4xf32>, tensor<32xi8>
  // CHECK: dl.max_pool2d_backward %{{.*}}, %[[WS]] kernel = [3, 3] stride = [2, 2] padding = [1, 1] : tensor<1x2x4x4xf32>, tensor<32xi8> -> tensor<1x2x7x7xf32>
  %0 = dl.max_pool2d_backward %dy, %ws kernel = [3, 3] stride = [2, 2] padding = [1, 1]
      : tensor<1x2x4x4xf32>, tensor<32xi8> -> tensor<1x2x7x7xf32>
  return %0 : tensor<1x2x7x7xf32>
}

// -----

// A window of more than 255 elements needs 4 workspace bytes per output.
// CHECK-LABEL: func @max_pool2d_big_window
func.func @max_pool2d_big_window(%x: tensor<1x1x16x16xf32>) -> tensor<4xi8> {
  // CHECK: tensor<1x1x1x1xf32>, tensor<4xi8>
  %y, %ws = dl.max_pool2d_with_workspace %x kernel = [16, 16] stride = [16, 16] padding = [0, 0]
      : tensor<1x1x16x16xf32> -> tensor<1x1x1x1xf32>, tensor<4xi8>
  return %ws : tensor<4xi8>
}

// -----

// Element types come from the operands: f64 and bf16 work like f32.
// CHECK-LABEL: func @element_types
func.func @element_types(%a: tensor<2x3xf64>, %b: tensor<3xf64>, %h: tensor<2x3xbf16>,
                         %t: tensor<2xi64>) -> (tensor<2x3xf64>, tensor<2x3xbf16>, tensor<f64>) {
  // CHECK: dl.add %{{.*}}, %{{.*}} : tensor<2x3xf64>, tensor<3xf64> -> tensor<2x3xf64>
  %0 = dl.add %a, %b : tensor<2x3xf64>, tensor<3xf64> -> tensor<2x3xf64>
  // CHECK: dl.sigmoid %{{.*}} : tensor<2x3xbf16>
  %1 = dl.sigmoid %h : tensor<2x3xbf16>
  // i64 labels, f64 loss
  // CHECK: dl.softmax_cross_entropy %{{.*}}, %{{.*}} : tensor<2x3xf64>, tensor<2xi64> -> tensor<f64>
  %2 = dl.softmax_cross_entropy %0, %t : tensor<2x3xf64>, tensor<2xi64> -> tensor<f64>
  return %0, %1, %2 : tensor<2x3xf64>, tensor<2x3xbf16>, tensor<f64>
}

// -----

// The generic form parses too, and prints back in the custom form.
// CHECK-LABEL: func @generic_form
func.func @generic_form(%x: tensor<4x3xf32>, %w: tensor<2x3xf32>, %t: tensor<4xi32>) -> tensor<f32> {
  // CHECK: %[[Y:.*]] = dl.matmul %{{.*}}, %{{.*}} transpose_rhs : tensor<4x3xf32>, tensor<2x3xf32> -> tensor<4x2xf32>
  // CHECK: %[[S:.*]] = dl.reduce_sum %[[Y]] axes = [1] keepdims : tensor<4x2xf32> -> tensor<4x1xf32>
  // CHECK: %[[L:.*]] = dl.softmax_cross_entropy %[[Y]], %{{.*}} : tensor<4x2xf32>, tensor<4xi32> -> tensor<f32>
  // GENERIC-LABEL: sym_name = "generic_form"
  // GENERIC: "dl.matmul"(%{{.*}}, %{{.*}}) <{transpose_rhs}> : (tensor<4x3xf32>, tensor<2x3xf32>) -> tensor<4x2xf32>
  // GENERIC: "dl.reduce_sum"(%{{.*}}) <{axes = array<i64: 1>, keepdims}> : (tensor<4x2xf32>) -> tensor<4x1xf32>
  // GENERIC: "dl.softmax_cross_entropy"(%{{.*}}, %{{.*}}) : (tensor<4x2xf32>, tensor<4xi32>) -> tensor<f32>
  %y = "dl.matmul"(%x, %w) <{transpose_rhs}> : (tensor<4x3xf32>, tensor<2x3xf32>) -> tensor<4x2xf32>
  %s = "dl.reduce_sum"(%y) <{axes = array<i64: 1>, keepdims}> : (tensor<4x2xf32>) -> tensor<4x1xf32>
  %l = "dl.softmax_cross_entropy"(%y, %t) : (tensor<4x2xf32>, tensor<4xi32>) -> tensor<f32>
  return %l : tensor<f32>
}

// -----

//===----------------------------------------------------------------------===//
// Vision: groups, dilation, ceil_mode, count_include_pad, adaptive pooling
//===----------------------------------------------------------------------===//

// groups = 2 splits 4 input channels into 2 of 2 (filter (6, 2, 3, 3)); a
// dilation of 2 spans 5 positions: (9 + 2·2 - 5) / 1 + 1 = 9. Defaults
// (dilation [1, 1], groups 1) are not printed.
// CHECK-LABEL: func @conv2d$groups_dilation
func.func @conv2d$groups_dilation(%x: tensor<8x4x9x9xf32>, %w: tensor<6x2x3x3xf32>, %dy: tensor<8x6x9x9xf32>)
    -> (tensor<8x6x9x9xf32>, tensor<8x4x9x9xf32>, tensor<6x2x3x3xf32>) {
  // CHECK: dl.conv2d %{{.*}}, %{{.*}} stride = [1, 1] padding = [2, 2] dilation = [2, 2] groups = 2 : tensor<8x4x9x9xf32>, tensor<6x2x3x3xf32> -> tensor<8x6x9x9xf32>
  %0 = dl.conv2d %x, %w stride = [1, 1] padding = [2, 2] dilation = [2, 2] groups = 2
      : tensor<8x4x9x9xf32>, tensor<6x2x3x3xf32> -> tensor<8x6x9x9xf32>
  // CHECK: dl.conv2d_backward_data %{{.*}}, %{{.*}} stride = [1, 1] padding = [2, 2] dilation = [2, 2] groups = 2 : tensor<8x6x9x9xf32>, tensor<6x2x3x3xf32> -> tensor<8x4x9x9xf32>
  %1 = dl.conv2d_backward_data %dy, %w stride = [1, 1] padding = [2, 2] dilation = [2, 2] groups = 2
      : tensor<8x6x9x9xf32>, tensor<6x2x3x3xf32> -> tensor<8x4x9x9xf32>
  // CHECK: dl.conv2d_backward_filter %{{.*}}, %{{.*}} stride = [1, 1] padding = [2, 2] dilation = [2, 2] groups = 2 : tensor<8x4x9x9xf32>, tensor<8x6x9x9xf32> -> tensor<6x2x3x3xf32>
  %2 = dl.conv2d_backward_filter %x, %dy stride = [1, 1] padding = [2, 2] dilation = [2, 2] groups = 2
      : tensor<8x4x9x9xf32>, tensor<8x6x9x9xf32> -> tensor<6x2x3x3xf32>
  return %0, %1, %2 : tensor<8x6x9x9xf32>, tensor<8x4x9x9xf32>, tensor<6x2x3x3xf32>
}

// -----

// Default-valued attributes print nothing, but are explicit in generic form.
// CHECK-LABEL: func @conv2d$defaults
// GENERIC-LABEL: sym_name = "conv2d$defaults"
func.func @conv2d$defaults(%x: tensor<1x2x5x5xf32>, %w: tensor<3x2x3x3xf32>) -> tensor<1x3x3x3xf32> {
  // CHECK: dl.conv2d %{{.*}}, %{{.*}} stride = [1, 1] padding = [0, 0] : tensor<1x2x5x5xf32>
  // GENERIC: "dl.conv2d"(%{{.*}}, %{{.*}}) <{dilation = array<i64: 1, 1>, groups = 1 : i64, padding = array<i64: 0, 0>, stride = array<i64: 1, 1>}>
  %0 = dl.conv2d %x, %w stride = [1, 1] padding = [0, 0] dilation = [1, 1] groups = 1
      : tensor<1x2x5x5xf32>, tensor<3x2x3x3xf32> -> tensor<1x3x3x3xf32>
  return %0 : tensor<1x3x3x3xf32>
}

// -----

// ceil_mode: ceil((6 + 2 - 3) / 2) + 1 = 4 (floor would give 3); the last
// window starts at 6 - 1 = 5, inside the input.
// CHECK-LABEL: func @pool2d$ceil_mode
func.func @pool2d$ceil_mode(%x: tensor<1x2x6x6xf32>, %dy: tensor<1x2x4x4xf32>)
    -> (tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>, tensor<1x2x6x6xf32>) {
  // CHECK: dl.avg_pool2d %{{.*}} kernel = [3, 3] stride = [2, 2] padding = [1, 1] ceil_mode count_include_pad = false : tensor<1x2x6x6xf32> -> tensor<1x2x4x4xf32>
  %0 = dl.avg_pool2d %x kernel = [3, 3] stride = [2, 2] padding = [1, 1] ceil_mode count_include_pad = false
      : tensor<1x2x6x6xf32> -> tensor<1x2x4x4xf32>
  // CHECK: dl.max_pool2d %{{.*}} kernel = [3, 3] stride = [2, 2] padding = [1, 1] ceil_mode : tensor<1x2x6x6xf32> -> tensor<1x2x4x4xf32>
  %1 = dl.max_pool2d %x kernel = [3, 3] stride = [2, 2] padding = [1, 1] ceil_mode
      : tensor<1x2x6x6xf32> -> tensor<1x2x4x4xf32>
  // CHECK: dl.avg_pool2d_backward %{{.*}}, %{{.*}} kernel = [3, 3] stride = [2, 2] padding = [1, 1] ceil_mode : tensor<1x2x4x4xf32>, tensor<1x2x6x6xf32> -> tensor<1x2x6x6xf32>
  %2 = dl.avg_pool2d_backward %dy, %x kernel = [3, 3] stride = [2, 2] padding = [1, 1] ceil_mode
      : tensor<1x2x4x4xf32>, tensor<1x2x6x6xf32> -> tensor<1x2x6x6xf32>
  return %0, %1, %2 : tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>, tensor<1x2x6x6xf32>
}

// -----

// PyTorch's rule: ceil((5 + 2 - 2) / 2) + 1 = 4, but that window would start
// at 3·2 - 1 = 5, past the input: 3.
// CHECK-LABEL: func @max_pool2d$ceil_last_window
func.func @max_pool2d$ceil_last_window(%x: tensor<1x1x5x5xf32>) -> tensor<1x1x3x3xf32> {
  // CHECK: dl.max_pool2d %{{.*}} kernel = [2, 2] stride = [2, 2] padding = [1, 1] ceil_mode : tensor<1x1x5x5xf32> -> tensor<1x1x3x3xf32>
  %0 = dl.max_pool2d %x kernel = [2, 2] stride = [2, 2] padding = [1, 1] ceil_mode
      : tensor<1x1x5x5xf32> -> tensor<1x1x3x3xf32>
  return %0 : tensor<1x1x3x3xf32>
}

// -----

// CHECK-LABEL: func @max_pool2d_with_workspace$ceil_mode
func.func @max_pool2d_with_workspace$ceil_mode(%x: tensor<1x2x6x6xf32>, %dy: tensor<1x2x3x3xf32>) -> tensor<1x2x6x6xf32> {
  // CHECK: dl.max_pool2d_with_workspace %{{.*}} kernel = [3, 3] stride = [2, 2] padding = [0, 0] ceil_mode : tensor<1x2x6x6xf32> -> tensor<1x2x3x3xf32>, tensor<18xi8>
  %y, %ws = dl.max_pool2d_with_workspace %x kernel = [3, 3] stride = [2, 2] padding = [0, 0] ceil_mode
      : tensor<1x2x6x6xf32> -> tensor<1x2x3x3xf32>, tensor<18xi8>
  // CHECK: dl.max_pool2d_backward %{{.*}}, %{{.*}} kernel = [3, 3] stride = [2, 2] padding = [0, 0] ceil_mode : tensor<1x2x3x3xf32>, tensor<18xi8> -> tensor<1x2x6x6xf32>
  %0 = dl.max_pool2d_backward %dy, %ws kernel = [3, 3] stride = [2, 2] padding = [0, 0] ceil_mode
      : tensor<1x2x3x3xf32>, tensor<18xi8> -> tensor<1x2x6x6xf32>
  return %0 : tensor<1x2x6x6xf32>
}

// -----

// CHECK-LABEL: func @adaptive_avg_pool2d
func.func @adaptive_avg_pool2d(%x: tensor<2x4x7x7xf32>) -> (tensor<2x4x3x3xf32>, tensor<2x4x1x1xf32>) {
  // CHECK: dl.adaptive_avg_pool2d %{{.*}} output_size = [3, 3] : tensor<2x4x7x7xf32> -> tensor<2x4x3x3xf32>
  %0 = dl.adaptive_avg_pool2d %x output_size = [3, 3] : tensor<2x4x7x7xf32> -> tensor<2x4x3x3xf32>
  // CHECK: dl.adaptive_avg_pool2d %{{.*}} output_size = [1, 1] : tensor<2x4x7x7xf32> -> tensor<2x4x1x1xf32>
  %1 = dl.adaptive_avg_pool2d %x output_size = [1, 1] : tensor<2x4x7x7xf32> -> tensor<2x4x1x1xf32>
  return %0, %1 : tensor<2x4x3x3xf32>, tensor<2x4x1x1xf32>
}
