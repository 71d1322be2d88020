// RUN: dlc-opt %s -dl-lower-to-linalg -split-input-file | FileCheck %s
// RUN: dlc-opt %s -dl-decompose -split-input-file | FileCheck %s --check-prefix=DEC
// RUN: dlc-opt %s -dl-decompose -dl-lower-to-runtime -split-input-file | FileCheck %s --check-prefix=RT
// RUN: dlc-opt %s -dlc-lower-to-linalg-pipeline -split-input-file | FileCheck %s --check-prefix=PIPE

// The Linear family's lowering (passes/lowering/LinearToLinalg.cpp) and
// decompositions (ir/ops/Linear.cpp).

// batch_matmul as one generic over (b0, b1, m, n, k); A's size-1 batch dim
// reads index 0, B has no b0; transposes swap the map's last two results.
// CHECK-DAG:   #[[A:.*]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, 0, d4, d2)>
// CHECK-DAG:   #[[B:.*]] = affine_map<(d0, d1, d2, d3, d4) -> (d1, d4, d3)>
// CHECK-DAG:   #[[C:.*]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>
// CHECK-LABEL: func.func @batch_matmul(
// CHECK:         linalg.generic {indexing_maps = [#[[A]], #[[B]], #[[C]]], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]}
// CHECK:           arith.mulf
// CHECK:           arith.addf
// CHECK-NOT:     dl.
// The kernel form needs rank 3: the decomposition collapses the batch
// (2, 5), first broadcasting both operands, whose batches (2, 1) and (5)
// are partial.
// DEC-LABEL: func.func @batch_matmul(
// DEC:         %[[AB:.*]] = dl.broadcast_to %{{.*}} : tensor<2x1x4x3xf32> -> tensor<2x5x4x3xf32>
// DEC:         %[[AR:.*]] = dl.reshape %[[AB]] : tensor<2x5x4x3xf32> -> tensor<10x4x3xf32>
// DEC:         %[[BB:.*]] = dl.broadcast_to %{{.*}} : tensor<5x4x2xf32> -> tensor<2x5x4x2xf32>
// DEC:         %[[BR:.*]] = dl.reshape %[[BB]] : tensor<2x5x4x2xf32> -> tensor<10x4x2xf32>
// DEC:         %[[P:.*]] = dl.batch_matmul %[[AR]], %[[BR]] transpose_lhs : tensor<10x4x3xf32>, tensor<10x4x2xf32> -> tensor<10x3x2xf32>
// DEC:         dl.reshape %[[P]] : tensor<10x3x2xf32> -> tensor<2x5x3x2xf32>
// RT-LABEL: func.func @batch_matmul(
// RT:         call @dlc_rt_batch_matmul(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) : (memref<?x?x?xf32>, memref<?x?x?xf32>, memref<?x?x?xf32>, i64, i64) -> ()
func.func @batch_matmul(%a: tensor<2x1x4x3xf32>, %b: tensor<5x4x2xf32>) -> tensor<2x5x3x2xf32> {
  %0 = dl.batch_matmul %a, %b transpose_lhs : tensor<2x1x4x3xf32>, tensor<5x4x2xf32> -> tensor<2x5x3x2xf32>
  return %0 : tensor<2x5x3x2xf32>
}

// -----

// The kernel form is left alone by dl-decompose and becomes one runtime
// call (f32); f64 stays for linalg.
// DEC-LABEL: func.func @kernel_form(
// DEC-NEXT:    dl.batch_matmul %{{.*}}, %{{.*}} transpose_rhs : tensor<4x3x5xf32>, tensor<1x2x5xf32> -> tensor<4x3x2xf32>
// DEC-NEXT:    dl.batch_matmul %{{.*}}, %{{.*}} : tensor<4x3x5xf64>, tensor<4x5x2xf64> -> tensor<4x3x2xf64>
// RT-LABEL: func.func @kernel_form(
// RT-DAG:      %[[C0:.*]] = arith.constant 0 : i64
// RT-DAG:      %[[C1:.*]] = arith.constant 1 : i64
// RT:          call @dlc_rt_batch_matmul(%{{.*}}, %{{.*}}, %{{.*}}, %[[C0]], %[[C1]])
// RT:          dl.batch_matmul %{{.*}}, %{{.*}} : tensor<4x3x5xf64>
// CHECK-LABEL: func.func @kernel_form(
// CHECK-COUNT-2: linalg.generic
func.func @kernel_form(%a: tensor<4x3x5xf32>, %b: tensor<1x2x5xf32>, %c: tensor<4x3x5xf64>, %d: tensor<4x5x2xf64>) -> (tensor<4x3x2xf32>, tensor<4x3x2xf64>) {
  %0 = dl.batch_matmul %a, %b transpose_rhs : tensor<4x3x5xf32>, tensor<1x2x5xf32> -> tensor<4x3x2xf32>
  %1 = dl.batch_matmul %c, %d : tensor<4x3x5xf64>, tensor<4x5x2xf64> -> tensor<4x3x2xf64>
  return %0, %1 : tensor<4x3x2xf32>, tensor<4x3x2xf64>
}

// -----

// linear: rows (10, 4) · Wᵀ on sgemm, reshaped back, plus the bias.
// DEC-LABEL: func.func @linear(
// DEC-SAME:    %[[X:[^:]*]]: tensor<2x5x4xf32>, %[[W:[^:]*]]: tensor<3x4xf32>, %[[B:[^:]*]]: tensor<3xf32>)
// DEC-NEXT:    %[[XR:.*]] = dl.reshape %[[X]] : tensor<2x5x4xf32> -> tensor<10x4xf32>
// DEC-NEXT:    %[[Y:.*]] = dl.matmul %[[XR]], %[[W]] transpose_rhs : tensor<10x4xf32>, tensor<3x4xf32> -> tensor<10x3xf32>
// DEC-NEXT:    %[[YR:.*]] = dl.reshape %[[Y]] : tensor<10x3xf32> -> tensor<2x5x3xf32>
// DEC-NEXT:    %[[S:.*]] = dl.add %[[YR]], %[[B]] : tensor<2x5x3xf32>, tensor<3xf32> -> tensor<2x5x3xf32>
// DEC-NEXT:    %[[R:.*]] = dl.relu %[[S]]
// DEC-NEXT:    return %[[R]]
// In the full pipeline the matmul is an sgemm call and the bias add fuses
// with the relu that follows: one elementwise generic.
// PIPE-LABEL: func.func @linear(
// PIPE:         call @dlc_rt_matmul
// PIPE:         tensor.expand_shape
// PIPE:         linalg.generic
// PIPE:           arith.addf
// PIPE:           arith.maxnumf
// PIPE-NEXT:      linalg.yield
// PIPE-NOT:     linalg.generic
// PIPE:         return
func.func @linear(%x: tensor<2x5x4xf32>, %w: tensor<3x4xf32>, %b: tensor<3xf32>) -> tensor<2x5x3xf32> {
  %0 = dl.linear %x, %w, %b : tensor<2x5x4xf32>, tensor<3x4xf32>, tensor<3xf32> -> tensor<2x5x3xf32>
  %1 = dl.relu %0 : tensor<2x5x3xf32>
  return %1 : tensor<2x5x3xf32>
}

// -----

// Without a bias and on a 2-D input: one matmul.
// DEC-LABEL: func.func @linear$plain(
// DEC-NEXT:    %[[Y:.*]] = dl.matmul %{{.*}}, %{{.*}} transpose_rhs : tensor<6x4xf32>, tensor<3x4xf32> -> tensor<6x3xf32>
// DEC-NEXT:    return %[[Y]]
func.func @linear$plain(%x: tensor<6x4xf32>, %w: tensor<3x4xf32>) -> tensor<6x3xf32> {
  %0 = dl.linear %x, %w : tensor<6x4xf32>, tensor<3x4xf32> -> tensor<6x3xf32>
  return %0 : tensor<6x3xf32>
}

// -----

// A matrix shared by every batch: reshaped to batch 1, no copy.
// DEC-LABEL: func.func @batch_matmul$shared(
// DEC-NEXT:    %[[AR:.*]] = dl.reshape %{{.*}} : tensor<2x3x4x5xf32> -> tensor<6x4x5xf32>
// DEC-NEXT:    %[[BR:.*]] = dl.reshape %{{.*}} : tensor<5x2xf32> -> tensor<1x5x2xf32>
// DEC-NEXT:    %[[P:.*]] = dl.batch_matmul %[[AR]], %[[BR]] : tensor<6x4x5xf32>, tensor<1x5x2xf32> -> tensor<6x4x2xf32>
// DEC-NEXT:    dl.reshape %[[P]] : tensor<6x4x2xf32> -> tensor<2x3x4x2xf32>
func.func @batch_matmul$shared(%a: tensor<2x3x4x5xf32>, %b: tensor<5x2xf32>) -> tensor<2x3x4x2xf32> {
  %0 = dl.batch_matmul %a, %b : tensor<2x3x4x5xf32>, tensor<5x2xf32> -> tensor<2x3x4x2xf32>
  return %0 : tensor<2x3x4x2xf32>
}
