// RUN: dlc-opt %s -dl-lower-to-linalg -split-input-file | FileCheck %s

// Each dl op family's lowering to linalg, tensor, arith and math.

//===----------------------------------------------------------------------===//
// Elementwise: one linalg.generic over the result, operands read through
// numpy-broadcasting maps (stretched size-1 dims read index 0, missing
// leading dims are dropped).
//===----------------------------------------------------------------------===//

// CHECK-DAG:   #[[COL:.*]] = affine_map<(d0, d1) -> (d0, 0)>
// CHECK-DAG:   #[[ROW:.*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-DAG:   #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-LABEL: func.func @add$broadcast(
// CHECK-SAME:    %[[A:.*]]: tensor<4x1xf32>, %[[B:.*]]: tensor<3xf32>)
// CHECK:         %[[E:.*]] = tensor.empty() : tensor<4x3xf32>
// CHECK:         %[[R:.*]] = linalg.generic {indexing_maps = [#[[COL]], #[[ROW]], #[[ID]]], iterator_types = ["parallel", "parallel"]}
// CHECK-SAME:      ins(%[[A]], %[[B]] : tensor<4x1xf32>, tensor<3xf32>) outs(%[[E]] : tensor<4x3xf32>)
// CHECK-NEXT:    ^bb0(%[[X:.*]]: f32, %[[Y:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT:      %[[S:.*]] = arith.addf %[[X]], %[[Y]] : f32
// CHECK-NEXT:      linalg.yield %[[S]] : f32
// CHECK:         return %[[R]]
func.func @add$broadcast(%a: tensor<4x1xf32>, %b: tensor<3xf32>) -> tensor<4x3xf32> {
  %0 = dl.add %a, %b : tensor<4x1xf32>, tensor<3xf32> -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// -----

// A rank-0 operand reads through the map with no results.
// CHECK-DAG:   #[[SCALAR:.*]] = affine_map<(d0, d1) -> ()>
// CHECK-DAG:   #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-LABEL: func.func @mul$rank0(
// CHECK:         linalg.generic {indexing_maps = [#[[SCALAR]], #[[ID]], #[[ID]]], iterator_types = ["parallel", "parallel"]}
// CHECK-SAME:      ins(%{{.*}}, %{{.*}} : tensor<f32>, tensor<2x3xf32>)
// CHECK:           arith.mulf
func.func @mul$rank0(%a: tensor<f32>, %b: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = dl.mul %a, %b : tensor<f32>, tensor<2x3xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// Size-1 dims that the result keeps at 1 are read with their own index.
// CHECK-DAG:   #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-LABEL: func.func @sub$size1_kept(
// CHECK:         linalg.generic {indexing_maps = [#[[ID]], #[[ID]], #[[ID]]]
// CHECK:           arith.subf
func.func @sub$size1_kept(%a: tensor<1x3xf32>, %b: tensor<1x3xf32>) -> tensor<1x3xf32> {
  %0 = dl.sub %a, %b : tensor<1x3xf32>, tensor<1x3xf32> -> tensor<1x3xf32>
  return %0 : tensor<1x3xf32>
}

// -----

// CHECK-LABEL: func.func @div(
// CHECK:         linalg.generic
// CHECK:           arith.divf
func.func @div(%a: tensor<3xf32>, %b: tensor<3xf32>) -> tensor<3xf32> {
  %0 = dl.div %a, %b : tensor<3xf32>, tensor<3xf32> -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

// Unary ops: neg, exp, log, tanh map to one arith/math op each.
// CHECK-LABEL: func.func @unary(
// CHECK:         linalg.generic
// CHECK:           arith.negf
// CHECK:         linalg.generic
// CHECK:           math.exp
// CHECK:         linalg.generic
// CHECK:           math.log
// CHECK:         linalg.generic
// CHECK:           math.tanh
func.func @unary(%x: tensor<3xf32>) -> tensor<3xf32> {
  %0 = dl.neg %x : tensor<3xf32>
  %1 = dl.exp %0 : tensor<3xf32>
  %2 = dl.log %1 : tensor<3xf32>
  %3 = dl.tanh %2 : tensor<3xf32>
  return %3 : tensor<3xf32>
}

// -----

// sigmoid: 1 / (1 + e^-x).
// CHECK-LABEL: func.func @sigmoid(
// CHECK:         %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK:         linalg.generic
// CHECK-NEXT:    ^bb0(%[[X:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT:      %[[N:.*]] = arith.negf %[[X]] : f32
// CHECK-NEXT:      %[[E:.*]] = math.exp %[[N]] : f32
// CHECK-NEXT:      %[[D:.*]] = arith.addf %[[ONE]], %[[E]] : f32
// CHECK-NEXT:      %[[Y:.*]] = arith.divf %[[ONE]], %[[D]] : f32
// CHECK-NEXT:      linalg.yield %[[Y]] : f32
func.func @sigmoid(%x: tensor<3xf32>) -> tensor<3xf32> {
  %0 = dl.sigmoid %x : tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

// relu: maxnumf(x, 0).
// CHECK-LABEL: func.func @relu(
// CHECK:         %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK:         linalg.generic
// CHECK-NEXT:    ^bb0(%[[X:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT:      %[[Y:.*]] = arith.maxnumf %[[X]], %[[ZERO]] : f32
// CHECK-NEXT:      linalg.yield %[[Y]] : f32
func.func @relu(%x: tensor<3xf32>) -> tensor<3xf32> {
  %0 = dl.relu %x : tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

// sign: (x > 0) - (x < 0), 0 at 0.
// CHECK-LABEL: func.func @sign(
// CHECK:         %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK:         linalg.generic
// CHECK-NEXT:    ^bb0(%[[X:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT:      %[[P:.*]] = arith.cmpf ogt, %[[X]], %[[ZERO]] : f32
// CHECK-NEXT:      %[[N:.*]] = arith.cmpf olt, %[[X]], %[[ZERO]] : f32
// CHECK-NEXT:      %[[PF:.*]] = arith.uitofp %[[P]] : i1 to f32
// CHECK-NEXT:      %[[NF:.*]] = arith.uitofp %[[N]] : i1 to f32
// CHECK-NEXT:      %[[S:.*]] = arith.subf %[[PF]], %[[NF]] : f32
// CHECK-NEXT:      linalg.yield %[[S]] : f32
func.func @sign(%x: tensor<3xf32>) -> tensor<3xf32> {
  %0 = dl.sign %x : tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

//===----------------------------------------------------------------------===//
// Reductions
//===----------------------------------------------------------------------===//

// reduce_sum: zero-filled init, reduction iterators on the axes; without
// keepdims the output map drops them, with keepdims it reads index 0.
// CHECK-DAG:   #[[IN:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-DAG:   #[[DROP:.*]] = affine_map<(d0, d1, d2) -> (d1)>
// CHECK-DAG:   #[[KEEP:.*]] = affine_map<(d0, d1, d2) -> (d0, 0, d2)>
// CHECK-LABEL: func.func @reduce_sum(
// CHECK-SAME:    %[[X:.*]]: tensor<2x3x4xf32>)
// CHECK:         %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK:         %[[E0:.*]] = tensor.empty() : tensor<3xf32>
// CHECK-NEXT:    %[[F0:.*]] = linalg.fill ins(%[[ZERO]] : f32) outs(%[[E0]] : tensor<3xf32>)
// CHECK-NEXT:    %[[R0:.*]] = linalg.generic {indexing_maps = [#[[IN]], #[[DROP]]], iterator_types = ["reduction", "parallel", "reduction"]}
// CHECK-SAME:      ins(%[[X]] : tensor<2x3x4xf32>) outs(%[[F0]] : tensor<3xf32>)
// Reduction adds are reassociable, so LLVM can vectorize them.
// CHECK-NEXT:    ^bb0(%[[A:.*]]: f32, %[[ACC:.*]]: f32):
// CHECK-NEXT:      %[[S:.*]] = arith.addf %[[ACC]], %[[A]] fastmath<reassoc> : f32
// CHECK-NEXT:      linalg.yield %[[S]] : f32
// CHECK:         %[[E1:.*]] = tensor.empty() : tensor<2x1x4xf32>
// CHECK-NEXT:    %[[F1:.*]] = linalg.fill ins(%[[ZERO]] : f32) outs(%[[E1]] : tensor<2x1x4xf32>)
// CHECK-NEXT:    %[[R1:.*]] = linalg.generic {indexing_maps = [#[[IN]], #[[KEEP]]], iterator_types = ["parallel", "reduction", "parallel"]}
// CHECK-SAME:      outs(%[[F1]] : tensor<2x1x4xf32>)
// CHECK:         return %[[R0]], %[[R1]]
func.func @reduce_sum(%x: tensor<2x3x4xf32>) -> (tensor<3xf32>, tensor<2x1x4xf32>) {
  %0 = dl.reduce_sum %x axes = [0, 2] : tensor<2x3x4xf32> -> tensor<3xf32>
  %1 = dl.reduce_sum %x axes = [1] keepdims : tensor<2x3x4xf32> -> tensor<2x1x4xf32>
  return %0, %1 : tensor<3xf32>, tensor<2x1x4xf32>
}

// -----

// Reducing to rank 0.
// CHECK-DAG:   #[[SCALAR:.*]] = affine_map<(d0, d1) -> ()>
// CHECK-LABEL: func.func @reduce_sum$all(
// CHECK:         linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : tensor<f32>) -> tensor<f32>
// CHECK:         linalg.generic {indexing_maps = [#{{.*}}, #[[SCALAR]]], iterator_types = ["reduction", "reduction"]}
func.func @reduce_sum$all(%x: tensor<2x3xf32>) -> tensor<f32> {
  %0 = dl.reduce_sum %x axes = [0, 1] : tensor<2x3xf32> -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

// reduce_max: like reduce_sum, but from -inf with maximumf (which, like
// PyTorch's amax, propagates NaN).
// CHECK-DAG:   #[[IN:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-DAG:   #[[DROP:.*]] = affine_map<(d0, d1, d2) -> (d1)>
// CHECK-DAG:   #[[KEEP:.*]] = affine_map<(d0, d1, d2) -> (d0, 0, d2)>
// CHECK-LABEL: func.func @reduce_max(
// CHECK-SAME:    %[[X:.*]]: tensor<2x3x4xf32>)
// CHECK:         %[[NINF:.*]] = arith.constant 0xFF800000 : f32
// CHECK:         %[[E0:.*]] = tensor.empty() : tensor<3xf32>
// CHECK-NEXT:    %[[F0:.*]] = linalg.fill ins(%[[NINF]] : f32) outs(%[[E0]] : tensor<3xf32>)
// CHECK-NEXT:    %[[R0:.*]] = linalg.generic {indexing_maps = [#[[IN]], #[[DROP]]], iterator_types = ["reduction", "parallel", "reduction"]}
// CHECK-SAME:      ins(%[[X]] : tensor<2x3x4xf32>) outs(%[[F0]] : tensor<3xf32>)
// CHECK-NEXT:    ^bb0(%[[A:.*]]: f32, %[[ACC:.*]]: f32):
// CHECK-NEXT:      %[[M:.*]] = arith.maximumf %[[ACC]], %[[A]] : f32
// CHECK-NEXT:      linalg.yield %[[M]] : f32
// CHECK:         %[[F1:.*]] = linalg.fill ins(%[[NINF]] : f32) outs(%{{.*}} : tensor<2x1x4xf32>)
// CHECK-NEXT:    %[[R1:.*]] = linalg.generic {indexing_maps = [#[[IN]], #[[KEEP]]], iterator_types = ["parallel", "reduction", "parallel"]}
// CHECK-SAME:      outs(%[[F1]] : tensor<2x1x4xf32>)
// CHECK:           arith.maximumf
// CHECK:         return %[[R0]], %[[R1]]
func.func @reduce_max(%x: tensor<2x3x4xf32>) -> (tensor<3xf32>, tensor<2x1x4xf32>) {
  %0 = dl.reduce_max %x axes = [0, 2] : tensor<2x3x4xf32> -> tensor<3xf32>
  %1 = dl.reduce_max %x axes = [1] keepdims : tensor<2x3x4xf32> -> tensor<2x1x4xf32>
  return %0, %1 : tensor<3xf32>, tensor<2x1x4xf32>
}

// -----

// softmax has no lowering of its own: it lowers through its decomposition
// (test/Passes/decompose.mlir), stably: max (from -inf), x - max, exp,
// sum (from 0), divide; the keepdims (N, 1) reductions broadcast back.
// linalg-fuse-elementwise-ops (not run here) merges the elementwise nests.
// CHECK-DAG:   #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG:   #[[ROW:.*]] = affine_map<(d0, d1) -> (d0, 0)>
// CHECK-LABEL: func.func @softmax(
// CHECK-SAME:    %[[X:.*]]: tensor<2x3xf32>)
// CHECK-DAG:     %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-DAG:     %[[NINF:.*]] = arith.constant 0xFF800000 : f32
// CHECK:         %[[MI:.*]] = linalg.fill ins(%[[NINF]] : f32) outs(%{{.*}} : tensor<2x1xf32>)
// CHECK-NEXT:    %[[M:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[ROW]]], iterator_types = ["parallel", "reduction"]} ins(%[[X]] : tensor<2x3xf32>) outs(%[[MI]] : tensor<2x1xf32>)
// CHECK:           arith.maximumf
// CHECK:         %[[D:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[ROW]], #[[ID]]], iterator_types = ["parallel", "parallel"]} ins(%[[X]], %[[M]] : tensor<2x3xf32>, tensor<2x1xf32>)
// CHECK:           arith.subf
// CHECK:         %[[E:.*]] = linalg.generic {{.*}} ins(%[[D]] : tensor<2x3xf32>)
// CHECK:           math.exp
// CHECK:         %[[SI:.*]] = linalg.fill ins(%[[ZERO]] : f32) outs(%{{.*}} : tensor<2x1xf32>)
// CHECK-NEXT:    %[[S:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[ROW]]], iterator_types = ["parallel", "reduction"]} ins(%[[E]] : tensor<2x3xf32>) outs(%[[SI]] : tensor<2x1xf32>)
// CHECK:           arith.addf
// CHECK:         %[[Y:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[ROW]], #[[ID]]], iterator_types = ["parallel", "parallel"]} ins(%[[E]], %[[S]] : tensor<2x3xf32>, tensor<2x1xf32>)
// CHECK:           arith.divf
// CHECK:         return %[[Y]]
// CHECK-NOT:     dl.
func.func @softmax(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = dl.softmax %x axis = 1 : tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// softmax along axis 0 reduces the leading dim; log_softmax lowers the same way.
// CHECK-DAG:   #[[COL:.*]] = affine_map<(d0, d1) -> (0, d1)>
// CHECK-LABEL: func.func @softmax$axis0(
// CHECK:         linalg.generic {indexing_maps = [#{{.*}}, #[[COL]]], iterator_types = ["reduction", "parallel"]} ins(%{{.*}} : tensor<2x3xf32>) outs(%{{.*}} : tensor<1x3xf32>)
// CHECK:           math.log
// CHECK-NOT:     dl.
func.func @softmax$axis0(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = dl.softmax %x axis = 0 : tensor<2x3xf32>
  %1 = dl.log_softmax %0 axis = 0 : tensor<2x3xf32>
  return %1 : tensor<2x3xf32>
}

// -----

//===----------------------------------------------------------------------===//
// Loss
//===----------------------------------------------------------------------===//

// one_hot: compare the class index (linalg.index) with the label.
// CHECK-DAG:   #[[LABEL:.*]] = affine_map<(d0, d1) -> (d0)>
// CHECK-DAG:   #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-LABEL: func.func @one_hot(
// CHECK-SAME:    %[[T:.*]]: tensor<4xi32>)
// CHECK-DAG:     %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-DAG:     %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK:         linalg.generic {indexing_maps = [#[[LABEL]], #[[ID]]], iterator_types = ["parallel", "parallel"]} ins(%[[T]] : tensor<4xi32>) outs(%{{.*}} : tensor<4x3xf32>)
// CHECK-NEXT:    ^bb0(%[[L:.*]]: i32, %{{.*}}: f32):
// CHECK-NEXT:      %[[C:.*]] = linalg.index 1 : index
// CHECK-NEXT:      %[[CI:.*]] = arith.index_cast %[[C]] : index to i32
// CHECK-NEXT:      %[[EQ:.*]] = arith.cmpi eq, %[[CI]], %[[L]] : i32
// CHECK-NEXT:      %[[V:.*]] = arith.select %[[EQ]], %[[ONE]], %[[ZERO]] : f32
// CHECK-NEXT:      linalg.yield %[[V]] : f32
func.func @one_hot(%t: tensor<4xi32>) -> tensor<4x3xf32> {
  %0 = dl.one_hot %t classes = 3 : tensor<4xi32> -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// -----

// softmax_cross_entropy lowers through its decomposition: row max, then
// log(sum(exp(x - max))) + max - sum(one_hot * x), summed and divided by N.
// CHECK-LABEL: func.func @softmax_cross_entropy(
// CHECK-SAME:    %[[X:.*]]: tensor<4x3xf32>, %[[T:.*]]: tensor<4xi32>) -> tensor<f32>
// CHECK:         linalg.generic {{.*}} ins(%[[X]] : tensor<4x3xf32>)
// CHECK:           arith.maximumf
// CHECK:           math.exp
// CHECK:           math.log
// CHECK:         linalg.generic {{.*}} ins(%[[T]] : tensor<4xi32>)
// CHECK:           linalg.index 1
// CHECK:         %[[TOTAL:.*]] = linalg.generic {{.*}} iterator_types = ["reduction", "reduction"]} ins(%{{.*}} : tensor<4x1xf32>) outs(%{{.*}} : tensor<f32>)
// CHECK:         %[[L:.*]] = linalg.generic {{.*}} ins(%[[TOTAL]], %{{.*}} : tensor<f32>, tensor<f32>)
// CHECK:           arith.divf
// CHECK:         return %[[L]] : tensor<f32>
// CHECK-NOT:     dl.
func.func @softmax_cross_entropy(%x: tensor<4x3xf32>, %t: tensor<4xi32>) -> tensor<f32> {
  %0 = dl.softmax_cross_entropy %x, %t : tensor<4x3xf32>, tensor<4xi32> -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

//===----------------------------------------------------------------------===//
// Shape
//===----------------------------------------------------------------------===//

// reshape: collapse to 1-D, then expand.
// CHECK-LABEL: func.func @reshape(
// CHECK-SAME:    %[[X:.*]]: tensor<2x3x4xf32>)
// CHECK:         %[[F:.*]] = tensor.collapse_shape %[[X]] {{\[}}[0, 1, 2]] : tensor<2x3x4xf32> into tensor<24xf32>
// CHECK-NEXT:    %[[Y:.*]] = tensor.expand_shape %[[F]] {{\[}}[0, 1]] output_shape [6, 4] : tensor<24xf32> into tensor<6x4xf32>
// CHECK-NEXT:    return %[[Y]]
func.func @reshape(%x: tensor<2x3x4xf32>) -> tensor<6x4xf32> {
  %0 = dl.reshape %x : tensor<2x3x4xf32> -> tensor<6x4xf32>
  return %0 : tensor<6x4xf32>
}

// -----

// From or to 1-D only one of the two steps is needed.
// CHECK-LABEL: func.func @reshape$rank1(
// CHECK-SAME:    %[[X:.*]]: tensor<2x3xf32>, %[[V:.*]]: tensor<6xf32>)
// CHECK-NEXT:    %[[F:.*]] = tensor.collapse_shape %[[X]] {{\[}}[0, 1]] : tensor<2x3xf32> into tensor<6xf32>
// CHECK-NEXT:    %[[E:.*]] = tensor.expand_shape %[[V]] {{\[}}[0, 1]] output_shape [3, 2] : tensor<6xf32> into tensor<3x2xf32>
// CHECK-NEXT:    return %[[F]], %[[E]]
func.func @reshape$rank1(%x: tensor<2x3xf32>, %v: tensor<6xf32>) -> (tensor<6xf32>, tensor<3x2xf32>) {
  %0 = dl.reshape %x : tensor<2x3xf32> -> tensor<6xf32>
  %1 = dl.reshape %v : tensor<6xf32> -> tensor<3x2xf32>
  return %0, %1 : tensor<6xf32>, tensor<3x2xf32>
}

// -----

// Rank 0 goes through tensor<1xf32> with an empty reassociation.
// CHECK-LABEL: func.func @reshape$rank0(
// CHECK-SAME:    %[[S:.*]]: tensor<f32>, %[[O:.*]]: tensor<1x1xf32>)
// CHECK-NEXT:    %[[E1:.*]] = tensor.expand_shape %[[S]] [] output_shape [1] : tensor<f32> into tensor<1xf32>
// CHECK-NEXT:    %[[E2:.*]] = tensor.expand_shape %[[E1]] {{\[}}[0, 1]] output_shape [1, 1] : tensor<1xf32> into tensor<1x1xf32>
// CHECK-NEXT:    %[[C1:.*]] = tensor.collapse_shape %[[O]] {{\[}}[0, 1]] : tensor<1x1xf32> into tensor<1xf32>
// CHECK-NEXT:    %[[C2:.*]] = tensor.collapse_shape %[[C1]] [] : tensor<1xf32> into tensor<f32>
// CHECK-NEXT:    return %[[E2]], %[[C2]]
func.func @reshape$rank0(%s: tensor<f32>, %o: tensor<1x1xf32>) -> (tensor<1x1xf32>, tensor<f32>) {
  %0 = dl.reshape %s : tensor<f32> -> tensor<1x1xf32>
  %1 = dl.reshape %o : tensor<1x1xf32> -> tensor<f32>
  return %0, %1 : tensor<1x1xf32>, tensor<f32>
}

// -----

// broadcast_to: a copy through the broadcasting map.
// CHECK-DAG:   #[[ROW0:.*]] = affine_map<(d0, d1) -> (0, d1)>
// CHECK-DAG:   #[[SCALAR:.*]] = affine_map<(d0, d1) -> ()>
// CHECK-DAG:   #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-LABEL: func.func @broadcast_to(
// CHECK-SAME:    %[[A:.*]]: tensor<1x3xf32>, %[[S:.*]]: tensor<f32>)
// CHECK:         linalg.generic {indexing_maps = [#[[ROW0]], #[[ID]]], iterator_types = ["parallel", "parallel"]} ins(%[[A]] : tensor<1x3xf32>) outs(%{{.*}} : tensor<2x3xf32>)
// CHECK-NEXT:    ^bb0(%[[IN:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT:      linalg.yield %[[IN]] : f32
// CHECK:         linalg.generic {indexing_maps = [#[[SCALAR]], #[[ID]]], iterator_types = ["parallel", "parallel"]} ins(%[[S]] : tensor<f32>) outs(%{{.*}} : tensor<2x3xf32>)
func.func @broadcast_to(%a: tensor<1x3xf32>, %s: tensor<f32>) -> (tensor<2x3xf32>, tensor<2x3xf32>) {
  %0 = dl.broadcast_to %a : tensor<1x3xf32> -> tensor<2x3xf32>
  %1 = dl.broadcast_to %s : tensor<f32> -> tensor<2x3xf32>
  return %0, %1 : tensor<2x3xf32>, tensor<2x3xf32>
}

// -----

// constant: an arith.constant with the same attribute.
// CHECK-LABEL: func.func @constant(
// CHECK-DAG:     %[[S:.*]] = arith.constant dense<1.500000e+00> : tensor<f32>
// CHECK-DAG:     %[[V:.*]] = arith.constant dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf32>
// CHECK-NOT:     dl.constant
// CHECK:         return %[[S]], %[[V]]
func.func @constant() -> (tensor<f32>, tensor<2xf32>) {
  %0 = dl.constant dense<1.5> : tensor<f32>
  %1 = dl.constant dense<[1.0, 2.0]> : tensor<2xf32>
  return %0, %1 : tensor<f32>, tensor<2xf32>
}

// -----

//===----------------------------------------------------------------------===//
// Contraction: loops (m, n, k); a transpose swaps the operand's map.
//===----------------------------------------------------------------------===//

// CHECK-DAG:   #[[MK:.*]] = affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-DAG:   #[[KN:.*]] = affine_map<(d0, d1, d2) -> (d2, d1)>
// CHECK-DAG:   #[[KM:.*]] = affine_map<(d0, d1, d2) -> (d2, d0)>
// CHECK-DAG:   #[[NK:.*]] = affine_map<(d0, d1, d2) -> (d1, d2)>
// CHECK-DAG:   #[[MN:.*]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-LABEL: func.func @matmul(
// CHECK-SAME:    %[[A:[^:]*]]: tensor<2x5xf32>, %[[B:[^:]*]]: tensor<5x3xf32>, %[[AT:[^:]*]]: tensor<5x2xf32>, %[[BT:[^:]*]]: tensor<3x5xf32>)
// CHECK:         %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK:         %[[I0:.*]] = linalg.fill ins(%[[ZERO]] : f32) outs(%{{.*}} : tensor<2x3xf32>)
// CHECK-NEXT:    %[[R0:.*]] = linalg.generic {indexing_maps = [#[[MK]], #[[KN]], #[[MN]]], iterator_types = ["parallel", "parallel", "reduction"]}
// CHECK-SAME:      ins(%[[A]], %[[B]] : tensor<2x5xf32>, tensor<5x3xf32>) outs(%[[I0]] : tensor<2x3xf32>)
// CHECK-NEXT:    ^bb0(%[[X:.*]]: f32, %[[Y:.*]]: f32, %[[ACC:.*]]: f32):
// CHECK-NEXT:      %[[P:.*]] = arith.mulf %[[X]], %[[Y]] : f32
// CHECK-NEXT:      %[[S:.*]] = arith.addf %[[ACC]], %[[P]] fastmath<reassoc> : f32
// CHECK-NEXT:      linalg.yield %[[S]] : f32
// CHECK:         %[[R1:.*]] = linalg.generic {indexing_maps = [#[[KM]], #[[KN]], #[[MN]]]
// CHECK-SAME:      ins(%[[AT]], %[[B]] : tensor<5x2xf32>, tensor<5x3xf32>)
// CHECK:         %[[R2:.*]] = linalg.generic {indexing_maps = [#[[MK]], #[[NK]], #[[MN]]]
// CHECK-SAME:      ins(%[[A]], %[[BT]] : tensor<2x5xf32>, tensor<3x5xf32>)
// CHECK:         %[[R3:.*]] = linalg.generic {indexing_maps = [#[[KM]], #[[NK]], #[[MN]]]
// CHECK-SAME:      ins(%[[AT]], %[[BT]] : tensor<5x2xf32>, tensor<3x5xf32>)
// CHECK:         return %[[R0]], %[[R1]], %[[R2]], %[[R3]]
func.func @matmul(%a: tensor<2x5xf32>, %b: tensor<5x3xf32>, %at: tensor<5x2xf32>, %bt: tensor<3x5xf32>)
    -> (tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>) {
  %0 = dl.matmul %a, %b : tensor<2x5xf32>, tensor<5x3xf32> -> tensor<2x3xf32>
  %1 = dl.matmul %at, %b transpose_lhs : tensor<5x2xf32>, tensor<5x3xf32> -> tensor<2x3xf32>
  %2 = dl.matmul %a, %bt transpose_rhs : tensor<2x5xf32>, tensor<3x5xf32> -> tensor<2x3xf32>
  %3 = dl.matmul %at, %bt transpose_lhs transpose_rhs : tensor<5x2xf32>, tensor<3x5xf32> -> tensor<2x3xf32>
  return %0, %1, %2, %3 : tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>
}

// -----

// Average pooling whose windows tile the input is a windowed sum (loops
// n, c, oh, ow, kh, kw) and its backward spreads dy over each window.
// CHECK-DAG: #[[WIN_IN:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d2 * 2 + d4, d3 * 2 + d5)>
// CHECK-DAG: #[[SPREAD:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2 floordiv 2, d3 floordiv 2)>
// CHECK-LABEL: func.func @avg_pool2d$tiling(
// CHECK-DAG:     %[[QUARTER:.*]] = arith.constant 2.500000e-01 : f32
// CHECK-DAG:     %[[WIN:.*]] = tensor.empty() : tensor<2x2xf32>
// CHECK:         linalg.generic {indexing_maps = [#[[WIN_IN]], {{.*}}], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction"]}
// CHECK-SAME:      ins(%{{.*}}, %[[WIN]] : tensor<1x2x4x4xf32>, tensor<2x2xf32>)
// CHECK:           arith.mulf %{{.*}}, %[[QUARTER]] : f32
// CHECK:           arith.addf %{{.*}} fastmath<reassoc> : f32
// CHECK:         linalg.generic {indexing_maps = [#[[SPREAD]], {{.*}}]
// CHECK-NOT:     dl.
func.func @avg_pool2d$tiling(%x: tensor<1x2x4x4xf32>, %dy: tensor<1x2x2x2xf32>) -> (tensor<1x2x2x2xf32>, tensor<1x2x4x4xf32>) {
  %0 = dl.avg_pool2d %x kernel = [2, 2] stride = [2, 2] padding = [0, 0] : tensor<1x2x4x4xf32> -> tensor<1x2x2x2xf32>
  %1 = dl.avg_pool2d_backward %dy, %x kernel = [2, 2] stride = [2, 2] padding = [0, 0] : tensor<1x2x2x2xf32>, tensor<1x2x4x4xf32> -> tensor<1x2x4x4xf32>
  return %0, %1 : tensor<1x2x2x2xf32>, tensor<1x2x4x4xf32>
}

// -----

// Runtime calls produced by dl-lower-to-runtime are left alone.
// CHECK-LABEL: func.func @leaves_runtime_calls(
// CHECK:         call @dlc_rt_conv2d_fwd
// CHECK:         linalg.generic
// CHECK-NOT:     dl.
func.func private @dlc_rt_conv2d_fwd(memref<?x?x?x?xf32>, memref<?x?x?x?xf32>, memref<?x?x?x?xf32>, i64, i64, i64, i64) attributes {llvm.emit_c_interface}
func.func @leaves_runtime_calls(%x: memref<?x?x?x?xf32>, %w: memref<?x?x?x?xf32>, %y: memref<?x?x?x?xf32>, %b: tensor<2xf32>) -> tensor<2xf32> {
  %c1 = arith.constant 1 : i64
  call @dlc_rt_conv2d_fwd(%x, %w, %y, %c1, %c1, %c1, %c1) : (memref<?x?x?x?xf32>, memref<?x?x?x?xf32>, memref<?x?x?x?xf32>, i64, i64, i64, i64) -> ()
  %0 = dl.exp %b : tensor<2xf32>
  return %0 : tensor<2xf32>
}
