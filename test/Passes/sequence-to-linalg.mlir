// RUN: dlc-opt %s -dl-lower-to-linalg -split-input-file | FileCheck %s

// The Sequence family's lowering (passes/lowering/SequenceToLinalg.cpp).

// embedding: a sequential check of every id (reporting bad ones to the
// runtime), then a gather at clamped ids.
// CHECK-LABEL: func.func @embedding(
// CHECK-SAME:    %[[IDS:[^:]*]]: tensor<2x4xi32>, %[[W:[^:]*]]: tensor<10x3xf32>
// CHECK-DAG:     %[[C10:.*]] = arith.constant 10 : i64
// CHECK:         %[[FLAT:.*]] = tensor.collapse_shape %[[IDS]] {{\[\[}}0, 1]] : tensor<2x4xi32> into tensor<8xi32>
// CHECK:         scf.for
// CHECK:           %[[ID:.*]] = tensor.extract %[[FLAT]]
// CHECK:           %[[ID64:.*]] = arith.extsi %[[ID]] : i32 to i64
// CHECK:           %[[BAD:.*]] = arith.cmpi uge, %[[ID64]], %[[C10]]
// CHECK:           scf.if %[[BAD]]
// CHECK:             func.call @dlc_rt_index_out_of_range(%{{.*}}, %[[ID64]], %[[C10]])
// CHECK:         linalg.generic
// CHECK-SAME:      ins(%[[IDS]] : tensor<2x4xi32>)
// CHECK:           arith.minsi
// CHECK:           arith.maxsi
// CHECK:           tensor.extract %[[W]]
// CHECK:       func.func private @dlc_rt_index_out_of_range(i64, i64, i64)
func.func @embedding(%ids: tensor<2x4xi32>, %w: tensor<10x3xf32>) -> tensor<2x4x3xf32> {
  %0 = dl.embedding %ids, %w : tensor<2x4xi32>, tensor<10x3xf32> -> tensor<2x4x3xf32>
  return %0 : tensor<2x4x3xf32>
}

// -----

// embedding_dense_backward: zeros, then a sequential scatter-add over the
// ids (repeats accumulate) that skips bad ids and padding_idx.
// CHECK-LABEL: func.func @embedding_backward(
// CHECK:         %[[Z:.*]] = linalg.fill
// CHECK:         scf.for %{{.*}} = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[ACC:.*]] = %[[Z]]) -> (tensor<10x3xf32>)
// CHECK:           scf.if
// CHECK:             func.call @dlc_rt_index_out_of_range
// CHECK:           } else {
// CHECK:             arith.cmpi eq, %{{.*}}, %c2_i64
// CHECK:             scf.for
// CHECK:               tensor.extract
// CHECK:               arith.addf
// CHECK:               tensor.insert
func.func @embedding_backward(%g: tensor<2x4x3xf32>, %ids: tensor<2x4xi64>) -> tensor<10x3xf32> {
  %0 = dl.embedding_dense_backward %g, %ids num_weights = 10 padding_idx = 2 : tensor<2x4x3xf32>, tensor<2x4xi64> -> tensor<10x3xf32>
  return %0 : tensor<10x3xf32>
}

// -----

// CHECK-LABEL: func.func @index_select(
// CHECK:         scf.for
// CHECK:         linalg.generic
// CHECK:           tensor.extract
func.func @index_select(%x: tensor<3x5xf32>, %i: tensor<4xi64>) -> tensor<3x4xf32> {
  %0 = dl.index_select %x, %i dim = 1 : tensor<3x5xf32>, tensor<4xi64> -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// CHECK-LABEL: func.func @repeat_interleave(
// CHECK:         %[[G:.*]] = linalg.generic {{.*}} ins(%{{.*}} : tensor<2x4xf32>) outs(%{{.*}} : tensor<2x3x4xf32>)
// CHECK:         tensor.collapse_shape %[[G]] {{\[\[}}0, 1], [2]] : tensor<2x3x4xf32> into tensor<6x4xf32>
func.func @repeat_interleave(%x: tensor<2x4xf32>) -> tensor<6x4xf32> {
  %0 = dl.repeat_interleave %x repeats = 3 dim = 0 : tensor<2x4xf32> -> tensor<6x4xf32>
  return %0 : tensor<6x4xf32>
}

// -----

// CHECK-LABEL: func.func @arange(
// CHECK:         linalg.generic
// CHECK:           linalg.index 0
// CHECK:           arith.sitofp %{{.*}} : i64 to f64
// CHECK:           arith.truncf %{{.*}} : f64 to f32
func.func @arange() -> tensor<5xf32> {
  %0 = dl.arange start = 1.0 end = 0.0 step = -0.2 : tensor<5xf32>
  return %0 : tensor<5xf32>
}

// -----

// CHECK-LABEL: func.func @sequence_mask(
// CHECK:         linalg.generic
// CHECK-SAME:      ins(%{{.*}} : tensor<4xi32>) outs(%{{.*}} : tensor<4x10xi1>)
// CHECK:           linalg.index 1
// CHECK:           arith.extsi
// CHECK:           arith.cmpi slt
func.func @sequence_mask(%len: tensor<4xi32>) -> tensor<4x10xi1> {
  %m = dl.sequence_mask %len maxlen = 10 : tensor<4xi32> -> tensor<4x10xi1>
  return %m : tensor<4x10xi1>
}

// -----

// index_add: the source scattered into fresh zeros, then added to the input,
// so the input (maybe a caller's argument buffer) is never written.
// CHECK-LABEL: func.func @index_add(
// CHECK-SAME:    %[[X:[^:]*]]: tensor<5x3xf32>
// CHECK:         %[[Z:.*]] = linalg.fill
// CHECK:         %[[S:.*]] = scf.for %{{.*}} iter_args(%{{.*}} = %[[Z]]) -> (tensor<5x3xf32>)
// CHECK:           func.call @dlc_rt_index_out_of_range
// CHECK:         linalg.generic {{.*}} ins(%[[X]], %[[S]] : tensor<5x3xf32>, tensor<5x3xf32>)
// CHECK:           arith.addf
func.func @index_add(%x: tensor<5x3xf32>, %i: tensor<4xi64>, %s: tensor<4x3xf32>) -> tensor<5x3xf32> {
  %0 = dl.index_add %x, %i, %s dim = 0 : tensor<5x3xf32>, tensor<4xi64>, tensor<4x3xf32> -> tensor<5x3xf32>
  return %0 : tensor<5x3xf32>
}

// -----

// index_select's gradient (index_add into zeros) is the scatter alone.
// CHECK-LABEL: func.func @index_add_zeros(
// CHECK:         %[[S:.*]] = scf.for
// CHECK-NOT:     linalg.generic
// CHECK:         return %[[S]]
func.func @index_add_zeros(%i: tensor<4xi64>, %s: tensor<4x3xf32>) -> tensor<5x3xf32> {
  %z = dl.constant dense<0.0> : tensor<5x3xf32>
  %0 = dl.index_add %z, %i, %s dim = 0 : tensor<5x3xf32>, tensor<4xi64>, tensor<4x3xf32> -> tensor<5x3xf32>
  return %0 : tensor<5x3xf32>
}
