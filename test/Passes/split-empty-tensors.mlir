// RUN: dlc-opt %s -dl-split-empty-tensors | FileCheck %s

// Each linalg op gets its own tensor.empty destination (CSE had merged them).
// CHECK-LABEL: func.func @shared(
// CHECK-COUNT-2: tensor.empty() : tensor<4xf32>
// CHECK:         linalg.generic {{.*}} outs(%[[A:[^ ]+]] : tensor<4xf32>)
// CHECK-NOT:     outs(%[[A]] :
// CHECK:         linalg.generic {{.*}} outs(%{{[^ ]+}} : tensor<4xf32>)
// CHECK:         return
#map = affine_map<(d0) -> (d0)>
func.func @shared(%x: tensor<4xf32>) -> tensor<4xf32> {
  %e = tensor.empty() : tensor<4xf32>
  %a = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%x : tensor<4xf32>) outs(%e : tensor<4xf32>) {
  ^bb0(%in: f32, %out: f32):
    %n = arith.negf %in : f32
    linalg.yield %n : f32
  } -> tensor<4xf32>
  %b = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%a : tensor<4xf32>) outs(%e : tensor<4xf32>) {
  ^bb0(%in: f32, %out: f32):
    %n = arith.negf %in : f32
    linalg.yield %n : f32
  } -> tensor<4xf32>
  return %b : tensor<4xf32>
}
