// RUN: dlc-opt %s -dl-shape-parallel-loops -split-input-file | FileCheck %s
// RUN: dlc-opt %s -dl-shape-parallel-loops="min-work=1" -split-input-file | FileCheck %s --check-prefix=SMALL

// A big nest keeps its outermost dimension parallel; the others become
// sequential loops (the innermost stays a plain, vectorizable loop).
// CHECK-LABEL: func.func @big(
// CHECK:         scf.parallel (%[[I:.*]]) = (%c0) to (%c256) step (%c1) {
// CHECK:           scf.for %[[J:.*]] = %c0 to %c6 step %c1 {
// CHECK:             scf.for %[[K:.*]] = %c0 to %c784 step %c1 {
// CHECK:               memref.load %{{.*}}[%[[I]], %[[J]], %[[K]]]
// CHECK-NOT:     scf.parallel
func.func @big(%a: memref<256x6x784xf32>, %b: memref<256x6x784xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c6 = arith.constant 6 : index
  %c256 = arith.constant 256 : index
  %c784 = arith.constant 784 : index
  scf.parallel (%i, %j, %k) = (%c0, %c0, %c0) to (%c256, %c6, %c784) step (%c1, %c1, %c1) {
    %x = memref.load %a[%i, %j, %k] : memref<256x6x784xf32>
    memref.store %x, %b[%i, %j, %k] : memref<256x6x784xf32>
    scf.reduce
  }
  return
}

// -----

// Too little work for a fork: fully sequential (unless min-work allows it).
// CHECK-LABEL: func.func @small(
// CHECK-NOT:     scf.parallel
// CHECK:         scf.for
// CHECK:           scf.for
// SMALL-LABEL: func.func @small(
// SMALL:         scf.parallel
// SMALL:           scf.for
func.func @small(%a: memref<4x10xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %c10 = arith.constant 10 : index
  %f = arith.constant 0.0 : f32
  scf.parallel (%i, %j) = (%c0, %c0) to (%c4, %c10) step (%c1, %c1) {
    memref.store %f, %a[%i, %j] : memref<4x10xf32>
    scf.reduce
  }
  return
}

// -----

// A parallel loop inside a sequential one would fork once per outer
// iteration: it becomes sequential (the outer loop is a reduction).
// CHECK-LABEL: func.func @nested(
// CHECK-NOT:     scf.parallel
// SMALL-LABEL: func.func @nested(
// SMALL-NOT:     scf.parallel
func.func @nested(%a: memref<512x6x100xf32>, %acc: memref<6xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c6 = arith.constant 6 : index
  %c100 = arith.constant 100 : index
  %c512 = arith.constant 512 : index
  scf.for %n = %c0 to %c512 step %c1 {
    scf.parallel (%c) = (%c0) to (%c6) step (%c1) {
      scf.for %k = %c0 to %c100 step %c1 {
        %x = memref.load %a[%n, %c, %k] : memref<512x6x100xf32>
        %s = memref.load %acc[%c] : memref<6xf32>
        %y = arith.addf %x, %s : f32
        memref.store %y, %acc[%c] : memref<6xf32>
      }
      scf.reduce
    }
  }
  return
}

// -----

// A parallel loop with a reduction, however big, becomes sequential loops
// carrying the accumulator (the OpenMP shim serves no __kmpc_reduce*); the
// reduction region is inlined at the innermost level.
// CHECK-LABEL: func.func @reduction(
// CHECK-SAME:    %[[A:.*]]: memref<512x256xf32>
// CHECK:         %[[ZERO:.*]] = arith.constant 0.0
// CHECK:         %[[R:.*]] = scf.for %[[I:.*]] = %c0 to %c512 step %c1 iter_args(%[[ACC:.*]] = %[[ZERO]]) -> (f32) {
// CHECK:           %[[IN:.*]] = scf.for %[[J:.*]] = %c0 to %c256 step %c1 iter_args(%[[ACC2:.*]] = %[[ACC]]) -> (f32) {
// CHECK:             %[[X:.*]] = memref.load %[[A]][%[[I]], %[[J]]]
// CHECK:             %[[S:.*]] = arith.addf %[[ACC2]], %[[X]] : f32
// CHECK:             scf.yield %[[S]] : f32
// CHECK:           scf.yield %[[IN]] : f32
// CHECK:         return %[[R]] : f32
// SMALL-LABEL: func.func @reduction(
// SMALL-NOT:     scf.parallel
// SMALL:         return
func.func @reduction(%a: memref<512x256xf32>) -> f32 {
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
