// RUN: dlc-opt %s -dl-lower-to-linalg -split-input-file | FileCheck %s

// The DataMovement family's lowering (passes/lowering/DataMovementToLinalg.cpp):
// one linalg.generic per op, no insert_slice/extract_slice (whose strided
// memref.copy would need a runtime copy function).

// permute reads the input through the inverse permutation.
// CHECK-DAG: #[[PERM:.*]] = affine_map<(d0, d1, d2, d3) -> (d1, d3, d0, d2)>
// CHECK-LABEL: func.func @permute(
// CHECK:         linalg.generic {indexing_maps = [#[[PERM]], #{{.*}}], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
// CHECK-SAME:      ins(%{{.*}} : tensor<2x3x4x5xf32>) outs(%{{.*}} : tensor<4x2x5x3xf32>)
// CHECK-NOT:     tensor.insert_slice
func.func @permute(%x: tensor<2x3x4x5xf32>) -> tensor<4x2x5x3xf32> {
  %0 = dl.permute %x dims = [2, 0, 3, 1] : tensor<2x3x4x5xf32> -> tensor<4x2x5x3xf32>
  return %0 : tensor<4x2x5x3xf32>
}

// -----

// flip reads index (size - 1 - i) in the flipped dims.
// CHECK-DAG: #[[FLIP:.*]] = affine_map<(d0, d1, d2) -> (-d0 + 1, d1, -d2 + 3)>
// CHECK-LABEL: func.func @flip(
// CHECK:         linalg.generic {indexing_maps = [#[[FLIP]], #{{.*}}]
func.func @flip(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %0 = dl.flip %x dims = [0, 2] : tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// slice reads index start + step * i.
// CHECK-DAG: #[[SLICE:.*]] = affine_map<(d0, d1) -> (d0 * 2 + 1, d1 + 1)>
// CHECK-LABEL: func.func @slice(
// CHECK:         linalg.generic {indexing_maps = [#[[SLICE]], #{{.*}}]
// CHECK-SAME:      ins(%{{.*}} : tensor<8x3xf32>) outs(%{{.*}} : tensor<4x2xf32>)
func.func @slice(%x: tensor<8x3xf32>) -> tensor<4x2xf32> {
  %0 = dl.slice %x start = [1, 1] stop = [8, 3] step = [2, 1] : tensor<8x3xf32> -> tensor<4x2xf32>
  return %0 : tensor<4x2xf32>
}

// -----

// A prefix x[:2] must not index the input with a plain d0 (linalg would take
// the loop's range, 5, from it): it reads the equal d0 mod 5.
// CHECK-DAG: #[[PREFIX:.*]] = affine_map<(d0, d1) -> (d0 mod 5, d1 + 1)>
// CHECK-LABEL: func.func @slice_prefix(
// CHECK:         linalg.generic {indexing_maps = [#[[PREFIX]], #{{.*}}]
// CHECK-SAME:      ins(%{{.*}} : tensor<5x3xf32>) outs(%{{.*}} : tensor<2x2xf32>)
func.func @slice_prefix(%x: tensor<5x3xf32>) -> tensor<2x2xf32> {
  %0 = dl.slice %x start = [0, 1] stop = [2, 3] step = [1, 1] : tensor<5x3xf32> -> tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

// An empty result is just an empty tensor.
// CHECK-LABEL: func.func @slice_empty(
// CHECK-NEXT:    %[[E:.*]] = tensor.empty() : tensor<0x3xf32>
// CHECK-NEXT:    return %[[E]]
func.func @slice_empty(%x: tensor<8x3xf32>) -> tensor<0x3xf32> {
  %0 = dl.slice %x start = [4, 0] stop = [4, 3] step = [1, 1] : tensor<8x3xf32> -> tensor<0x3xf32>
  return %0 : tensor<0x3xf32>
}

// -----

// pad: one unsigned compare per padded dim, a read at the clamped index,
// and a select of the pad value; the unpadded dim 0 is read as is.
// CHECK-LABEL: func.func @pad(
// CHECK-SAME:    %[[X:.*]]: tensor<2x3xf32>
// CHECK:         linalg.generic
// CHECK-SAME:      outs(%{{.*}} : tensor<2x6xf32>)
// CHECK:           %[[I:.*]] = linalg.index 0 : index
// CHECK:           %[[J:.*]] = linalg.index 1 : index
// CHECK:           %[[K:.*]] = arith.subi %[[J]], %c1
// CHECK:           %[[IN:.*]] = arith.cmpi ult, %[[K]], %c3
// CHECK:           %[[V:.*]] = tensor.extract %[[X]][%[[I]], %{{.*}}] : tensor<2x3xf32>
// CHECK:           %[[R:.*]] = arith.select %[[IN]], %[[V]], %cst
// CHECK:           linalg.yield %[[R]]
func.func @pad(%x: tensor<2x3xf32>) -> tensor<2x6xf32> {
  %0 = dl.pad %x pad = [1, 2] value = -1.5 : tensor<2x3xf32> -> tensor<2x6xf32>
  return %0 : tensor<2x6xf32>
}

// -----

// Padding an empty tensor is a fill.
// CHECK-LABEL: func.func @pad_empty_input(
// CHECK:         %[[C:.*]] = arith.constant 7 : i32
// CHECK:         linalg.fill ins(%[[C]] : i32) outs(%{{.*}} : tensor<2x2xi32>)
func.func @pad_empty_input(%x: tensor<2x0xi32>) -> tensor<2x2xi32> {
  %0 = dl.pad %x pad = [1, 1] value = 7.0 : tensor<2x0xi32> -> tensor<2x2xi32>
  return %0 : tensor<2x2xi32>
}

// -----

// cat: a select chain over the inputs, last input first; the empty input
// adds nothing.
// CHECK-LABEL: func.func @cat(
// CHECK-SAME:    %[[A:[^:]*]]: tensor<2x1xf32>, %[[B:[^:]*]]: tensor<2x0xf32>, %[[C:[^:]*]]: tensor<2x3xf32>
// CHECK:         linalg.generic
// CHECK-SAME:      outs(%{{.*}} : tensor<2x4xf32>)
// CHECK:           %[[I:.*]] = linalg.index 0 : index
// CHECK:           %[[J:.*]] = linalg.index 1 : index
// CHECK:           %[[VC:.*]] = tensor.extract %[[C]][%[[I]], %{{.*}}] : tensor<2x3xf32>
// CHECK:           %[[VA:.*]] = tensor.extract %[[A]][%[[I]], %{{.*}}] : tensor<2x1xf32>
// CHECK:           %[[HERE:.*]] = arith.cmpi slt, %[[J]], %c1
// CHECK:           %[[R:.*]] = arith.select %[[HERE]], %[[VA]], %[[VC]]
// CHECK:           linalg.yield %[[R]]
// CHECK-NOT:     tensor.extract %[[B]]
func.func @cat(%a: tensor<2x1xf32>, %b: tensor<2x0xf32>, %c: tensor<2x3xf32>) -> tensor<2x4xf32> {
  %0 = dl.cat %a, %b, %c dim = 1 : tensor<2x1xf32>, tensor<2x0xf32>, tensor<2x3xf32> -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}
