// RUN: dlc-opt %s --dlc-lower-to-linalg-pipeline | dlc-opt --dlc-linalg-to-llvm-pipeline | FileCheck %s

// The two halves of the inference pipeline compose: linalg on tensors →
// bufferized loops → LLVM dialect, with the tensor result turned into a
// caller-provided out-parameter.

// CHECK-NOT:   linalg.
// CHECK-NOT:   tensor.
// CHECK-NOT:   memref.
// CHECK-LABEL: llvm.func @chain(
// CHECK-NOT:     llvm.call @malloc
// CHECK:         llvm.intr.maxnum
// CHECK:         llvm.return{{$}}
// CHECK-LABEL: llvm.func @_mlir_ciface_chain(
// CHECK-SAME:    %{{.*}}: !llvm.ptr, %{{.*}}: !llvm.ptr, %{{.*}}: !llvm.ptr)
func.func @chain(%x: tensor<4x3xf32>, %b: tensor<3xf32>) -> tensor<4x3xf32> attributes {llvm.emit_c_interface} {
  %0 = dl.add %x, %b : tensor<4x3xf32>, tensor<3xf32> -> tensor<4x3xf32>
  %1 = dl.sigmoid %0 : tensor<4x3xf32>
  %2 = dl.relu %1 : tensor<4x3xf32>
  return %2 : tensor<4x3xf32>
}
