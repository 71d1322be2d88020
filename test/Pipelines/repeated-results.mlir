// RUN: dlc-opt %s --dlc-inference-pipeline | FileCheck %s

// Regression: a function returning one value twice crashed
// buffer-results-to-out-params (SIGSEGV in BaseMemRefType::hasRank, or heap
// corruption): dl-distinct-results now copies the repetition first.

// The result is computed once into the first out-parameter and copied into
// the second.
// CHECK-LABEL: llvm.func @twice(
// CHECK:         llvm.intr.memcpy
// CHECK:         llvm.return
func.func @twice(%x: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  %0 = dl.exp %x : tensor<4xf32>
  return %0, %0 : tensor<4xf32>, tensor<4xf32>
}
