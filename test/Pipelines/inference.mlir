// RUN: dlc-opt %s --dlc-inference-pipeline -split-input-file | FileCheck %s
// RUN: dlc-opt %s --dlc-inference-pipeline -split-input-file | FileCheck %s --check-prefix=LEFT

// dl → LLVM dialect without autodiff or SGD.

// LEFT-NOT: {{^ *(%[^ ]+ = )?"?(dl|linalg|tensor|bufferization|memref|arith|math|scf|cf|func|affine|vector)\.[a-z_]+}}
// LEFT-NOT: _grad
// LEFT-NOT: train_step

// A small CNN classifier head: conv, max pooling and matmul run in the
// runtime, the rest as loops. The result becomes an out-parameter: the C wrapper takes
// three inputs and one output descriptor.
// CHECK-DAG:   llvm.func @_mlir_ciface_dlc_rt_conv2d_fwd(!llvm.ptr, !llvm.ptr, !llvm.ptr, i64, i64, i64, i64, i64, i64, i64)
// CHECK-DAG:   llvm.func @_mlir_ciface_dlc_rt_max_pool2d_fwd(!llvm.ptr, !llvm.ptr, i64, i64, i64, i64, i64, i64, i64)
// CHECK-DAG:   llvm.func @_mlir_ciface_dlc_rt_matmul(!llvm.ptr, !llvm.ptr, !llvm.ptr, i64, i64)
// CHECK-LABEL: llvm.func @predict(
// CHECK-DAG:     %[[ZERO:.*]] = llvm.mlir.constant(0 : i64) : i64
// CHECK-DAG:     %[[ONE:.*]] = llvm.mlir.constant(1 : i64) : i64
// CHECK-DAG:     %[[TWO:.*]] = llvm.mlir.constant(2 : i64) : i64
// CHECK:         llvm.call @dlc_rt_conv2d_fwd({{.*}}, %[[ONE]], %[[ONE]], %[[ZERO]], %[[ZERO]], %[[ONE]], %[[ONE]], %[[ONE]])
// CHECK:         llvm.call @dlc_rt_max_pool2d_fwd({{.*}}, %[[TWO]], %[[TWO]], %[[TWO]], %[[TWO]], %[[ZERO]], %[[ZERO]], %[[ZERO]])
// x·Wᵀ: transpose flags (0, 1)
// CHECK:         llvm.call @dlc_rt_matmul({{.*}}, %[[ZERO]], %[[ONE]])
// CHECK:         llvm.return
// CHECK-LABEL: llvm.func @_mlir_ciface_predict(
// CHECK-SAME:    %{{.*}}: !llvm.ptr, %{{.*}}: !llvm.ptr, %{{.*}}: !llvm.ptr, %{{.*}}: !llvm.ptr)
// CHECK-SAME:    attributes {llvm.emit_c_interface}
// CHECK:         llvm.call @predict(
func.func @predict(%x: tensor<2x1x6x6xf32>, %k: tensor<2x1x3x3xf32>, %w: tensor<3x8xf32>) -> tensor<2x3xf32>
    attributes {llvm.emit_c_interface} {
  %c = dl.conv2d %x, %k stride = [1, 1] padding = [0, 0] : tensor<2x1x6x6xf32>, tensor<2x1x3x3xf32> -> tensor<2x2x4x4xf32>
  %r = dl.relu %c : tensor<2x2x4x4xf32>
  %p = dl.max_pool2d %r kernel = [2, 2] stride = [2, 2] padding = [0, 0] : tensor<2x2x4x4xf32> -> tensor<2x2x2x2xf32>
  %f = dl.reshape %p : tensor<2x2x2x2xf32> -> tensor<2x8xf32>
  %0 = dl.matmul %f, %w transpose_rhs : tensor<2x8xf32>, tensor<3x8xf32> -> tensor<2x3xf32>
  %1 = dl.softmax %0 axis = 1 : tensor<2x3xf32>
  return %1 : tensor<2x3xf32>
}

// -----

// Even a function named @loss is not differentiated, and without
// llvm.emit_c_interface no C wrapper is emitted.
// CHECK-LABEL: llvm.func @loss(
// CHECK-NOT:   _mlir_ciface_loss
// CHECK-NOT:   llvm.func @loss_grad
func.func @loss(%x: tensor<4x3xf32>, %t: tensor<4xi32>) -> tensor<f32> {
  %0 = dl.softmax_cross_entropy %x, %t : tensor<4x3xf32>, tensor<4xi32> -> tensor<f32>
  return %0 : tensor<f32>
}
