// RUN: dlc-opt %s --dlc-training-pipeline -split-input-file | FileCheck %s
// RUN: dlc-opt %s --dlc-training-pipeline -split-input-file | FileCheck %s --check-prefix=LEFT

// The pipeline `dlc train` runs: autodiff + SGD build @train_step, then
// everything lowers to the LLVM dialect. Functions marked
// llvm.emit_c_interface (the JIT marks every public one) get a C wrapper;
// @loss_grad and @train_step inherit the mark from @loss.

// No op of a dialect above LLVM survives (attributes such as dl.role may).
// LEFT-NOT: {{^ *(%[^ ]+ = )?"?(dl|linalg|tensor|bufferization|memref|arith|math|scf|cf|func|affine|vector)\.[a-z_]+}}

// A two-layer MLP on 8 features, batch 4, 3 classes.
// CHECK-LABEL: llvm.func @loss(
// CHECK-LABEL: llvm.func @_mlir_ciface_loss(
// CHECK-LABEL: llvm.func @loss_grad(
// CHECK-LABEL: llvm.func @_mlir_ciface_loss_grad(
// CHECK-LABEL: llvm.func @train_step(
// CHECK:         llvm.call @malloc
// CHECK:         llvm.return
// Inputs x, t, w1, b1, w2, b2, lr and weight_decay (roles survive
// lowering), then out-parameters, with their roles, for the loss and the
// four updated parameters.
// CHECK-LABEL: llvm.func @_mlir_ciface_train_step(
// CHECK-SAME:    %{{.*}}: !llvm.ptr {dl.role = "input"}, %{{.*}}: !llvm.ptr {dl.role = "target"}, %{{.*}}: !llvm.ptr {dl.name = "w1", dl.role = "parameter"}, %{{.*}}: !llvm.ptr {dl.name = "b1", dl.role = "parameter"}, %{{.*}}: !llvm.ptr {dl.name = "w2", dl.role = "parameter"}, %{{.*}}: !llvm.ptr {dl.name = "b2", dl.role = "parameter"}, %{{.*}}: !llvm.ptr {dl.name = "lr", dl.role = "hyperparameter"}, %{{.*}}: !llvm.ptr {dl.name = "weight_decay", dl.role = "hyperparameter"}, %{{.*}}: !llvm.ptr {dl.role = "loss"}, %{{.*}}: !llvm.ptr {dl.name = "w1", dl.role = "parameter"}, %{{.*}}: !llvm.ptr {dl.name = "b1", dl.role = "parameter"}, %{{.*}}: !llvm.ptr {dl.name = "w2", dl.role = "parameter"}, %{{.*}}: !llvm.ptr {dl.name = "b2", dl.role = "parameter"})
// CHECK-SAME:    attributes {llvm.emit_c_interface}
// CHECK:         llvm.call @train_step(
// CHECK-NOT:   dlc_rt_conv2d
// CHECK:       {{^//[ ]-----}}

func.func @loss(%x: tensor<4x8xf32> {dl.role = "input"}, %t: tensor<4xi32> {dl.role = "target"},
                %w1: tensor<6x8xf32> {dl.role = "parameter", dl.name = "w1"},
                %b1: tensor<6xf32> {dl.role = "parameter", dl.name = "b1"},
                %w2: tensor<3x6xf32> {dl.role = "parameter", dl.name = "w2"},
                %b2: tensor<3xf32> {dl.role = "parameter", dl.name = "b2"})
    -> tensor<f32> attributes {llvm.emit_c_interface} {
  %0 = dl.matmul %x, %w1 transpose_rhs : tensor<4x8xf32>, tensor<6x8xf32> -> tensor<4x6xf32>
  %1 = dl.add %0, %b1 : tensor<4x6xf32>, tensor<6xf32> -> tensor<4x6xf32>
  %2 = dl.relu %1 : tensor<4x6xf32>
  %3 = dl.matmul %2, %w2 transpose_rhs : tensor<4x6xf32>, tensor<3x6xf32> -> tensor<4x3xf32>
  %4 = dl.add %3, %b2 : tensor<4x3xf32>, tensor<3xf32> -> tensor<4x3xf32>
  %5 = dl.softmax_cross_entropy %4, %t : tensor<4x3xf32>, tensor<4xi32> -> tensor<f32>
  return %5 : tensor<f32>
}

// -----

// A small convolutional net: convolution and (overlapping, padded) pooling,
// forward and backward, become calls of the oneDNN runtime through its C
// interface. The input %x
// is not a parameter, so no conv2d_backward_data survives.
// CHECK-DAG:   llvm.func @_mlir_ciface_dlc_rt_conv2d_fwd(!llvm.ptr, !llvm.ptr, !llvm.ptr, i64, i64, i64, i64, i64, i64, i64) attributes {llvm.emit_c_interface, sym_visibility = "private"}
// CHECK-DAG:   llvm.func @_mlir_ciface_dlc_rt_conv2d_bwd_filter(!llvm.ptr, !llvm.ptr, !llvm.ptr, i64, i64, i64, i64, i64, i64, i64)
// CHECK-DAG:   llvm.func @_mlir_ciface_dlc_rt_avg_pool2d_fwd(!llvm.ptr, !llvm.ptr, i64, i64, i64, i64, i64, i64, i64, i64)
// CHECK-DAG:   llvm.func @_mlir_ciface_dlc_rt_avg_pool2d_bwd(!llvm.ptr, !llvm.ptr, !llvm.ptr, i64, i64, i64, i64, i64, i64, i64, i64)
// CHECK-LABEL: llvm.func @train_step(
// CHECK-DAG:     llvm.call @dlc_rt_conv2d_fwd(
// CHECK-DAG:     llvm.call @dlc_rt_avg_pool2d_fwd(
// CHECK-DAG:     llvm.call @dlc_rt_avg_pool2d_bwd(
// CHECK-DAG:     llvm.call @dlc_rt_conv2d_bwd_filter(
// CHECK:         llvm.return
// CHECK-LABEL: llvm.func @_mlir_ciface_train_step(
// CHECK-NOT:   dlc_rt_conv2d_bwd_data
func.func @loss(%x: tensor<4x1x4x4xf32>, %t: tensor<4xi32>,
                %k: tensor<2x1x3x3xf32> {dl.role = "parameter"},
                %w: tensor<3x8xf32> {dl.role = "parameter"}, %b: tensor<3xf32> {dl.role = "parameter"})
    -> tensor<f32> attributes {llvm.emit_c_interface} {
  %c = dl.conv2d %x, %k stride = [1, 1] padding = [1, 1] : tensor<4x1x4x4xf32>, tensor<2x1x3x3xf32> -> tensor<4x2x4x4xf32>
  %s = dl.sigmoid %c : tensor<4x2x4x4xf32>
  %p = dl.avg_pool2d %s kernel = [3, 3] stride = [2, 2] padding = [1, 1] : tensor<4x2x4x4xf32> -> tensor<4x2x2x2xf32>
  %f = dl.reshape %p : tensor<4x2x2x2xf32> -> tensor<4x8xf32>
  %0 = dl.matmul %f, %w transpose_rhs : tensor<4x8xf32>, tensor<3x8xf32> -> tensor<4x3xf32>
  %1 = dl.add %0, %b : tensor<4x3xf32>, tensor<3xf32> -> tensor<4x3xf32>
  %2 = dl.softmax_cross_entropy %1, %t : tensor<4x3xf32>, tensor<4xi32> -> tensor<f32>
  return %2 : tensor<f32>
}

// -----

// Max pooling in training: the forward runs as max_pool2d_fwd_train, whose
// workspace (an i8 buffer) goes straight to max_pool2d_bwd; the inference
// kernel and any recomputation of the forward are gone.
// CHECK-DAG:   llvm.func @_mlir_ciface_dlc_rt_max_pool2d_fwd_train(!llvm.ptr, !llvm.ptr, !llvm.ptr, i64, i64, i64, i64, i64, i64, i64)
// CHECK-DAG:   llvm.func @_mlir_ciface_dlc_rt_max_pool2d_bwd(!llvm.ptr, !llvm.ptr, !llvm.ptr, i64, i64, i64, i64, i64, i64, i64)
// CHECK-LABEL: llvm.func @train_step(
// CHECK:         llvm.call @dlc_rt_max_pool2d_fwd_train(
// CHECK:         llvm.call @dlc_rt_max_pool2d_bwd(
// CHECK:         llvm.return
func.func @loss(%x: tensor<2x3x6x6xf32> {dl.role = "parameter", dl.name = "x"}) -> tensor<f32>
    attributes {llvm.emit_c_interface} {
  %p = dl.max_pool2d %x kernel = [3, 3] stride = [2, 2] padding = [1, 1] : tensor<2x3x6x6xf32> -> tensor<2x3x3x3xf32>
  %s = dl.reduce_sum %p axes = [0, 1, 2, 3] : tensor<2x3x3x3xf32> -> tensor<f32>
  return %s : tensor<f32>
}
