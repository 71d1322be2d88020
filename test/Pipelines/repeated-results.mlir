// RUN: dlc-opt %s --dlc-inference-pipeline | FileCheck %s

// Regression: a function returning one value twice crashed
// buffer-results-to-out-params (SIGSEGV in BaseMemRefType::hasRank, or heap
// corruption): dl-distinct-results now copies the repetition first.

// The result is computed once into the first out-parameter (a loop storing
// exp), then a second loop copies it into the second one.
// CHECK-LABEL: llvm.func @twice(
// CHECK:         llvm.intr.fma
// CHECK:         llvm.store
// CHECK:         %[[V:.*]] = llvm.load
// CHECK-NEXT:    llvm.extractvalue
// CHECK-NEXT:    llvm.getelementptr
// CHECK-NEXT:    llvm.store %[[V]]
// CHECK:         llvm.return
func.func @twice(%x: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  %0 = dl.exp %x : tensor<4xf32>
  return %0, %0 : tensor<4xf32>, tensor<4xf32>
}
