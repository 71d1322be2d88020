// dl ops take statically shaped tensors; a `?` dimension is rejected by the
// type constraint, before any shape rule sees it.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s

// CHECK: error:
// CHECK-NOT: -9223372036854775808
func.func @exp(%x: tensor<?x3xf32>) -> tensor<?x3xf32> {
  %0 = dl.exp %x : tensor<?x3xf32>
  return %0 : tensor<?x3xf32>
}
