// RUN: dlc-opt %s --dlc-inference-pipeline -split-input-file | FileCheck %s

// Big elementwise nests run as one OpenMP parallel loop over their outermost
// dimension (served by libgomp at run time, backends/cpu/OpenMPShim.cpp).
// CHECK-LABEL: llvm.func @big(
// CHECK:         omp.parallel
// CHECK:           omp.wsloop
// CHECK:             omp.loop_nest (%{{.*}}) : i64 = (%{{.*}}) to (%{{.*}}) step
func.func @big(%x: tensor<64x1024xf32>) -> tensor<64x1024xf32> {
  %0 = dl.sigmoid %x : tensor<64x1024xf32>
  return %0 : tensor<64x1024xf32>
}

// -----

// Small ones stay sequential: a fork costs more than the work.
// CHECK-LABEL: llvm.func @small(
// CHECK-NOT:     omp.parallel
// CHECK:         llvm.return
func.func @small(%x: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %0 = dl.sigmoid %x : tensor<4x8xf32>
  return %0 : tensor<4x8xf32>
}
