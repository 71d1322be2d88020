// RUN: dlc-opt %s --dlc-inference-pipeline -split-input-file | FileCheck %s
// RUN: dlc-opt %s --dlc-inference-pipeline -split-input-file | FileCheck %s --check-prefix=NORED
// RUN: dlc-opt %s --dlc-inference-pipeline -split-input-file | mlir-translate --mlir-to-llvmir -split-input-file | FileCheck %s --check-prefix=IR

// The OpenMP shim (backends/cpu/OpenMPShim.cpp) serves no __kmpc_reduce*:
// the pipeline must never emit a parallel reduction, however big.
// NORED-NOT: omp.declare_reduction
// NORED-NOT: reduction(
// IR-NOT:    __kmpc_reduce
// IR-NOT:    __kmpc_end_reduce

// A full reduction of 2^20 elements (dl.reduce_sum lowers to a linalg
// reduction; its reduced dimensions come out as sequential loops).
// CHECK-LABEL: llvm.func @sum_all(
// CHECK:         llvm.return
func.func @sum_all(%x: tensor<1024x1024xf32>) -> tensor<f32> {
  %0 = dl.reduce_sum %x axes = [0, 1] : tensor<1024x1024xf32> -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

// A reduction over the outer axis: the parallel dimension is inner.
// CHECK-LABEL: llvm.func @sum_rows(
// CHECK:         llvm.return
func.func @sum_rows(%x: tensor<1024x512xf32>) -> tensor<512xf32> {
  %0 = dl.reduce_sum %x axes = [0] : tensor<1024x512xf32> -> tensor<512xf32>
  return %0 : tensor<512xf32>
}

// -----

// A hand-written parallel reduction entering the linalg → LLVM stage.
// CHECK-LABEL: llvm.func @scf_reduce(
// CHECK:         llvm.return
func.func @scf_reduce(%a: memref<512x256xf32>) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c256 = arith.constant 256 : index
  %c512 = arith.constant 512 : index
  %zero = arith.constant 0.0 : f32
  %r = scf.parallel (%i, %j) = (%c0, %c0) to (%c512, %c256) step (%c1, %c1) init (%zero) -> f32 {
    %x = memref.load %a[%i, %j] : memref<512x256xf32>
    scf.reduce(%x : f32) {
    ^bb0(%lhs: f32, %rhs: f32):
      %s = arith.addf %lhs, %rhs : f32
      scf.reduce.return %s : f32
    }
  }
  return %r : f32
}
