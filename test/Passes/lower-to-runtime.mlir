// RUN: dlc-opt %s -dl-lower-to-runtime -split-input-file | FileCheck %s
// RUN: dlc-opt %s -dl-lower-to-runtime="matmul=false" -split-input-file | FileCheck %s --check-prefix=NOMM

// Convolution, pooling and (unless matmul=false) matmul become calls of the
// oneDNN runtime on buffers:
// operands through to_buffer read_only (cast to dynamic memrefs), a
// fresh 64-byte-aligned memref.alloc for the result, attributes as i64
// constants, and the result back through to_tensor restrict writable.

// CHECK-LABEL: module {
// CHECK:       func.func private @dlc_rt_conv2d_fwd(memref<?x?x?x?xf32>, memref<?x?x?x?xf32>, memref<?x?x?x?xf32>, i64, i64, i64, i64, i64, i64, i64) attributes {llvm.emit_c_interface}
// CHECK-LABEL: func.func @conv2d(
// CHECK-SAME:    %[[X:.*]]: tensor<2x1x9x10xf32>, %[[W:.*]]: tensor<4x1x3x3xf32>)
// CHECK-DAG:     %[[C0:.*]] = arith.constant 0 : i64
// CHECK-DAG:     %[[C1:.*]] = arith.constant 1 : i64
// CHECK-DAG:     %[[C2:.*]] = arith.constant 2 : i64
// CHECK-DAG:     %[[C3:.*]] = arith.constant 3 : i64
// CHECK:         %[[XB:.*]] = bufferization.to_buffer %[[X]] read_only {dl.kernel_call = {{[0-9]+}} : i64} : tensor<2x1x9x10xf32> to memref<2x1x9x10xf32>
// CHECK-NEXT:    %[[XD:.*]] = memref.cast %[[XB]] : memref<2x1x9x10xf32> to memref<?x?x?x?xf32>
// CHECK-NEXT:    %[[WB:.*]] = bufferization.to_buffer %[[W]] read_only {dl.kernel_call = {{[0-9]+}} : i64} : tensor<4x1x3x3xf32> to memref<4x1x3x3xf32>
// CHECK-NEXT:    %[[WD:.*]] = memref.cast %[[WB]] : memref<4x1x3x3xf32> to memref<?x?x?x?xf32>
// CHECK-NEXT:    %[[OUT:.*]] = memref.alloc() {alignment = 64 : i64} : memref<2x4x5x3xf32>
// CHECK-NEXT:    %[[OD:.*]] = memref.cast %[[OUT]] : memref<2x4x5x3xf32> to memref<?x?x?x?xf32>
// stride (H, W), then padding (H, W)
// CHECK-NEXT:    call @dlc_rt_conv2d_fwd(%[[XD]], %[[WD]], %[[OD]], %[[C2]], %[[C3]], %[[C1]], %[[C0]], %[[C1]], %[[C1]], %[[C1]])
// CHECK-NEXT:    %[[Y:.*]] = bufferization.to_tensor %[[OUT]] restrict writable : memref<2x4x5x3xf32> to tensor<2x4x5x3xf32>
// CHECK-NEXT:    return %[[Y]]
// CHECK-NOT:   dl.conv2d
func.func @conv2d(%x: tensor<2x1x9x10xf32>, %w: tensor<4x1x3x3xf32>) -> tensor<2x4x5x3xf32> {
  %0 = dl.conv2d %x, %w stride = [2, 3] padding = [1, 0] : tensor<2x1x9x10xf32>, tensor<4x1x3x3xf32> -> tensor<2x4x5x3xf32>
  return %0 : tensor<2x4x5x3xf32>
}

// -----

// Backward ops: bwd_data takes (grad, filter), bwd_filter (input, grad).
// CHECK-DAG:   func.func private @dlc_rt_conv2d_bwd_data(memref<?x?x?x?xf32>, memref<?x?x?x?xf32>, memref<?x?x?x?xf32>, i64, i64, i64, i64, i64, i64, i64) attributes {llvm.emit_c_interface}
// CHECK-DAG:   func.func private @dlc_rt_conv2d_bwd_filter(memref<?x?x?x?xf32>, memref<?x?x?x?xf32>, memref<?x?x?x?xf32>, i64, i64, i64, i64, i64, i64, i64) attributes {llvm.emit_c_interface}
// CHECK-LABEL: func.func @conv2d_backward(
// CHECK-SAME:    %[[DY:[^:]*]]: tensor<2x4x5x3xf32>, %[[W:[^:]*]]: tensor<4x1x3x3xf32>, %[[X:[^:]*]]: tensor<2x1x9x10xf32>)
// CHECK-DAG:     %[[C0:.*]] = arith.constant 0 : i64
// CHECK-DAG:     %[[C1:.*]] = arith.constant 1 : i64
// CHECK-DAG:     %[[C2:.*]] = arith.constant 2 : i64
// CHECK-DAG:     %[[C3:.*]] = arith.constant 3 : i64
// CHECK:         %[[DYB:.*]] = bufferization.to_buffer %[[DY]] read_only
// CHECK-NEXT:    %[[DYD:.*]] = memref.cast %[[DYB]]
// CHECK-NEXT:    %[[WB:.*]] = bufferization.to_buffer %[[W]] read_only
// CHECK-NEXT:    %[[WD:.*]] = memref.cast %[[WB]]
// CHECK-NEXT:    %[[DX:.*]] = memref.alloc() {alignment = 64 : i64} : memref<2x1x9x10xf32>
// CHECK-NEXT:    %[[DXD:.*]] = memref.cast %[[DX]]
// CHECK-NEXT:    call @dlc_rt_conv2d_bwd_data(%[[DYD]], %[[WD]], %[[DXD]], %[[C2]], %[[C3]], %[[C1]], %[[C0]], %[[C1]], %[[C1]], %[[C1]])
// CHECK-NEXT:    %[[DXT:.*]] = bufferization.to_tensor %[[DX]] restrict writable : memref<2x1x9x10xf32> to tensor<2x1x9x10xf32>
// CHECK-NEXT:    %[[XB:.*]] = bufferization.to_buffer %[[X]] read_only
// CHECK-NEXT:    %[[XD:.*]] = memref.cast %[[XB]]
// CHECK-NEXT:    %[[DYB2:.*]] = bufferization.to_buffer %[[DY]] read_only
// CHECK-NEXT:    %[[DYD2:.*]] = memref.cast %[[DYB2]]
// CHECK-NEXT:    %[[DW:.*]] = memref.alloc() {alignment = 64 : i64} : memref<4x1x3x3xf32>
// CHECK-NEXT:    %[[DWD:.*]] = memref.cast %[[DW]]
// CHECK-NEXT:    call @dlc_rt_conv2d_bwd_filter(%[[XD]], %[[DYD2]], %[[DWD]], %[[C2]], %[[C3]], %[[C1]], %[[C0]], %[[C1]], %[[C1]], %[[C1]])
// CHECK-NEXT:    %[[DWT:.*]] = bufferization.to_tensor %[[DW]] restrict writable : memref<4x1x3x3xf32> to tensor<4x1x3x3xf32>
// CHECK-NEXT:    return %[[DXT]], %[[DWT]]
func.func @conv2d_backward(%dy: tensor<2x4x5x3xf32>, %w: tensor<4x1x3x3xf32>, %x: tensor<2x1x9x10xf32>)
    -> (tensor<2x1x9x10xf32>, tensor<4x1x3x3xf32>) {
  %0 = dl.conv2d_backward_data %dy, %w stride = [2, 3] padding = [1, 0] : tensor<2x4x5x3xf32>, tensor<4x1x3x3xf32> -> tensor<2x1x9x10xf32>
  %1 = dl.conv2d_backward_filter %x, %dy stride = [2, 3] padding = [1, 0] : tensor<2x1x9x10xf32>, tensor<2x4x5x3xf32> -> tensor<4x1x3x3xf32>
  return %0, %1 : tensor<2x1x9x10xf32>, tensor<4x1x3x3xf32>
}

// -----

// Pooling: one kernel per algorithm (runtime/abi/Kernels.def), kernel,
// stride and padding as (H, W) pairs, then ceil_mode and (average)
// count_include_pad.
// CHECK-DAG:   func.func private @dlc_rt_max_pool2d_fwd(memref<?x?x?x?xf32>, memref<?x?x?x?xf32>, i64, i64, i64, i64, i64, i64, i64) attributes {llvm.emit_c_interface}
// CHECK-DAG:   func.func private @dlc_rt_avg_pool2d_fwd(memref<?x?x?x?xf32>, memref<?x?x?x?xf32>, i64, i64, i64, i64, i64, i64, i64, i64) attributes {llvm.emit_c_interface}
// CHECK-LABEL: func.func @pool2d(
// CHECK-DAG:     %[[C0:.*]] = arith.constant 0 : i64
// CHECK-DAG:     %[[C1:.*]] = arith.constant 1 : i64
// CHECK-DAG:     %[[C2:.*]] = arith.constant 2 : i64
// CHECK-DAG:     %[[C3:.*]] = arith.constant 3 : i64
// CHECK:         %[[MAX:.*]] = memref.alloc() {alignment = 64 : i64} : memref<1x2x4x4xf32>
// CHECK-NEXT:    %[[MAXD:.*]] = memref.cast %[[MAX]]
// CHECK-NEXT:    call @dlc_rt_max_pool2d_fwd(%{{.*}}, %[[MAXD]], %[[C3]], %[[C3]], %[[C2]], %[[C2]], %[[C1]], %[[C1]], %[[C0]])
// CHECK-NEXT:    bufferization.to_tensor %[[MAX]] restrict writable
// CHECK:         %[[AVG:.*]] = memref.alloc() {alignment = 64 : i64} : memref<1x2x3x3xf32>
// CHECK-NEXT:    %[[AVGD:.*]] = memref.cast %[[AVG]]
// CHECK-NEXT:    call @dlc_rt_avg_pool2d_fwd(%{{.*}}, %[[AVGD]], %[[C2]], %[[C2]], %[[C2]], %[[C2]], %[[C0]], %[[C0]], %[[C0]], %[[C1]])
// CHECK-NEXT:    bufferization.to_tensor %[[AVG]] restrict writable
func.func @pool2d(%x: tensor<1x2x7x7xf32>) -> (tensor<1x2x4x4xf32>, tensor<1x2x3x3xf32>) {
  %0 = dl.max_pool2d %x kernel = [3, 3] stride = [2, 2] padding = [1, 1] : tensor<1x2x7x7xf32> -> tensor<1x2x4x4xf32>
  %1 = dl.avg_pool2d %x kernel = [2, 2] stride = [2, 2] padding = [0, 0] : tensor<1x2x7x7xf32> -> tensor<1x2x3x3xf32>
  return %0, %1 : tensor<1x2x4x4xf32>, tensor<1x2x3x3xf32>
}

// -----

// A kernel with two results, one of them bytes: the training forward of max
// pooling returns its arg-max workspace, which the backward takes as an
// integer (i8) operand. Each result gets its own buffer.
// CHECK-DAG:   func.func private @dlc_rt_max_pool2d_fwd_train(memref<?x?x?x?xf32>, memref<?x?x?x?xf32>, memref<?xi8>, i64, i64, i64, i64, i64, i64, i64) attributes {llvm.emit_c_interface}
// CHECK-DAG:   func.func private @dlc_rt_max_pool2d_bwd(memref<?x?x?x?xf32>, memref<?xi8>, memref<?x?x?x?xf32>, i64, i64, i64, i64, i64, i64, i64) attributes {llvm.emit_c_interface}
// CHECK-DAG:   func.func private @dlc_rt_avg_pool2d_bwd(memref<?x?x?x?xf32>, memref<?x?x?x?xf32>, memref<?x?x?x?xf32>, i64, i64, i64, i64, i64, i64, i64, i64) attributes {llvm.emit_c_interface}
// CHECK-LABEL: func.func @pool2d_backward(
// CHECK-SAME:    %[[DY:[^:]*]]: tensor<1x2x4x4xf32>, %[[X:[^:]*]]: tensor<1x2x7x7xf32>)
// CHECK-DAG:     %[[C0:.*]] = arith.constant 0 : i64
// CHECK-DAG:     %[[C1:.*]] = arith.constant 1 : i64
// CHECK-DAG:     %[[C2:.*]] = arith.constant 2 : i64
// CHECK-DAG:     %[[C3:.*]] = arith.constant 3 : i64
// CHECK:         %[[Y:.*]] = memref.alloc() {alignment = 64 : i64} : memref<1x2x4x4xf32>
// CHECK-NEXT:    %[[YD:.*]] = memref.cast %[[Y]] : memref<1x2x4x4xf32> to memref<?x?x?x?xf32>
// CHECK-NEXT:    %[[WS:.*]] = memref.alloc() {alignment = 64 : i64} : memref<32xi8>
// CHECK-NEXT:    %[[WSD:.*]] = memref.cast %[[WS]] : memref<32xi8> to memref<?xi8>
// CHECK-NEXT:    call @dlc_rt_max_pool2d_fwd_train(%{{.*}}, %[[YD]], %[[WSD]], %[[C3]], %[[C3]], %[[C2]], %[[C2]], %[[C1]], %[[C1]], %[[C0]])
// CHECK-NEXT:    bufferization.to_tensor %[[Y]] restrict writable
// The workspace buffer goes straight to the backward (to_buffer of
// to_tensor folds away).
// CHECK:         %[[WSB:.*]] = memref.cast %[[WS]] : memref<32xi8> to memref<?xi8>
// CHECK:         call @dlc_rt_max_pool2d_bwd(%{{.*}}, %[[WSB]], %{{.*}}, %[[C3]], %[[C3]], %[[C2]], %[[C2]], %[[C1]], %[[C1]], %[[C0]])
// CHECK:         call @dlc_rt_avg_pool2d_bwd(%{{.*}}, %{{.*}}, %{{.*}}, %[[C3]], %[[C3]], %[[C2]], %[[C2]], %[[C1]], %[[C1]], %[[C0]], %[[C1]])
func.func @pool2d_backward(%dy: tensor<1x2x4x4xf32>, %x: tensor<1x2x7x7xf32>)
    -> (tensor<1x2x4x4xf32>, tensor<1x2x7x7xf32>, tensor<1x2x7x7xf32>) {
  %y, %ws = dl.max_pool2d_with_workspace %x kernel = [3, 3] stride = [2, 2] padding = [1, 1] : tensor<1x2x7x7xf32> -> tensor<1x2x4x4xf32>, tensor<32xi8>
  %0 = dl.max_pool2d_backward %dy, %ws kernel = [3, 3] stride = [2, 2] padding = [1, 1] : tensor<1x2x4x4xf32>, tensor<32xi8> -> tensor<1x2x7x7xf32>
  %1 = dl.avg_pool2d_backward %dy, %x kernel = [3, 3] stride = [2, 2] padding = [1, 1] : tensor<1x2x4x4xf32>, tensor<1x2x7x7xf32> -> tensor<1x2x7x7xf32>
  return %y, %0, %1 : tensor<1x2x4x4xf32>, tensor<1x2x7x7xf32>, tensor<1x2x7x7xf32>
}

// -----

// Average pooling whose windows tile the input is left to dl-lower-to-linalg
// (one routing function, `backendFor`, decides for both passes).
// CHECK-LABEL: func.func @tiling_avg_pool(
// CHECK-NOT:     call
// CHECK:         dl.avg_pool2d
// CHECK:         dl.avg_pool2d_backward
func.func @tiling_avg_pool(%x: tensor<1x2x8x8xf32>, %dy: tensor<1x2x4x4xf32>) -> (tensor<1x2x4x4xf32>, tensor<1x2x8x8xf32>) {
  %0 = dl.avg_pool2d %x kernel = [2, 2] stride = [2, 2] padding = [0, 0] : tensor<1x2x8x8xf32> -> tensor<1x2x4x4xf32>
  %1 = dl.avg_pool2d_backward %dy, %x kernel = [2, 2] stride = [2, 2] padding = [0, 0] : tensor<1x2x4x4xf32>, tensor<1x2x8x8xf32> -> tensor<1x2x8x8xf32>
  return %0, %1 : tensor<1x2x4x4xf32>, tensor<1x2x8x8xf32>
}

// -----

// matmul runs as oneDNN sgemm on rank-2 dynamic memrefs, the transposes as
// 0/1 flags; with matmul=false it is left for dl-lower-to-linalg.
// CHECK:       func.func private @dlc_rt_matmul(memref<?x?xf32>, memref<?x?xf32>, memref<?x?xf32>, i64, i64) attributes {llvm.emit_c_interface}
// CHECK-LABEL: func.func @matmul(
// CHECK-SAME:    %[[A:[^:]*]]: tensor<2x5xf32>, %[[B:[^:]*]]: tensor<3x5xf32>, %[[AT:[^:]*]]: tensor<5x2xf32>)
// CHECK-DAG:     %[[C0:.*]] = arith.constant 0 : i64
// CHECK-DAG:     %[[C1:.*]] = arith.constant 1 : i64
// CHECK:         %[[AB:.*]] = bufferization.to_buffer %[[A]] read_only {dl.kernel_call = {{[0-9]+}} : i64} : tensor<2x5xf32> to memref<2x5xf32>
// CHECK-NEXT:    %[[AD:.*]] = memref.cast %[[AB]] : memref<2x5xf32> to memref<?x?xf32>
// CHECK-NEXT:    %[[BB:.*]] = bufferization.to_buffer %[[B]] read_only {dl.kernel_call = {{[0-9]+}} : i64} : tensor<3x5xf32> to memref<3x5xf32>
// CHECK-NEXT:    %[[BD:.*]] = memref.cast %[[BB]] : memref<3x5xf32> to memref<?x?xf32>
// CHECK-NEXT:    %[[C:.*]] = memref.alloc() {alignment = 64 : i64} : memref<2x3xf32>
// CHECK-NEXT:    %[[CD:.*]] = memref.cast %[[C]] : memref<2x3xf32> to memref<?x?xf32>
// CHECK-NEXT:    call @dlc_rt_matmul(%[[AD]], %[[BD]], %[[CD]], %[[C0]], %[[C1]])
// CHECK-NEXT:    %[[R0:.*]] = bufferization.to_tensor %[[C]] restrict writable : memref<2x3xf32> to tensor<2x3xf32>
// CHECK:         call @dlc_rt_matmul(%{{.*}}, %{{.*}}, %{{.*}}, %[[C1]], %[[C0]])
// CHECK:         call @dlc_rt_matmul(%{{.*}}, %{{.*}}, %{{.*}}, %[[C1]], %[[C1]])
// NOMM-LABEL:  func.func @matmul(
// NOMM-NOT:      call
// NOMM-COUNT-3:  dl.matmul
func.func @matmul(%a: tensor<2x5xf32>, %b: tensor<3x5xf32>, %at: tensor<5x2xf32>)
    -> (tensor<2x3xf32>, tensor<2x2xf32>, tensor<2x3xf32>) {
  %0 = dl.matmul %a, %b transpose_rhs : tensor<2x5xf32>, tensor<3x5xf32> -> tensor<2x3xf32>
  %1 = dl.matmul %at, %at transpose_lhs : tensor<5x2xf32>, tensor<5x2xf32> -> tensor<2x2xf32>
  %2 = dl.matmul %at, %b transpose_lhs transpose_rhs : tensor<5x2xf32>, tensor<3x5xf32> -> tensor<2x3xf32>
  return %0, %1, %2 : tensor<2x3xf32>, tensor<2x2xf32>, tensor<2x3xf32>
}

// -----

// Several ops, in several functions, share one declaration per callee; other
// dl ops are left for dl-lower-to-linalg.
// CHECK-COUNT-1: func.func private @dlc_rt_conv2d_fwd
// CHECK-NOT:     func.func private @dlc_rt_conv2d_fwd
// CHECK-LABEL:   func.func @shared(
// CHECK:           call @dlc_rt_conv2d_fwd
// CHECK:           call @dlc_rt_conv2d_fwd
// CHECK:           dl.add
// CHECK-LABEL:   func.func @shared2(
// CHECK:           call @dlc_rt_conv2d_fwd
func.func @shared(%x: tensor<1x1x4x4xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x4x4xf32> {
  %0 = dl.conv2d %x, %w stride = [1, 1] padding = [1, 1] : tensor<1x1x4x4xf32>, tensor<1x1x3x3xf32> -> tensor<1x1x4x4xf32>
  %1 = dl.conv2d %0, %w stride = [1, 1] padding = [1, 1] : tensor<1x1x4x4xf32>, tensor<1x1x3x3xf32> -> tensor<1x1x4x4xf32>
  %2 = dl.add %0, %1 : tensor<1x1x4x4xf32>, tensor<1x1x4x4xf32> -> tensor<1x1x4x4xf32>
  return %2 : tensor<1x1x4x4xf32>
}
func.func @shared2(%x: tensor<1x1x4x4xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x2x2xf32> {
  %0 = dl.conv2d %x, %w stride = [1, 1] padding = [0, 0] : tensor<1x1x4x4xf32>, tensor<1x1x3x3xf32> -> tensor<1x1x2x2xf32>
  return %0 : tensor<1x1x2x2xf32>
}

// -----

// f64 matmul has no runtime kernel: backendFor leaves it to linalg, which
// serves every element type.
// CHECK-LABEL: func.func @matmul_f64(
// CHECK-NOT:     call
// CHECK:         dl.matmul
func.func @matmul_f64(%a: tensor<2x3xf64>, %b: tensor<3x4xf64>) -> tensor<2x4xf64> {
  %0 = dl.matmul %a, %b : tensor<2x3xf64>, tensor<3x4xf64> -> tensor<2x4xf64>
  return %0 : tensor<2x4xf64>
}
