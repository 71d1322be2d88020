// RUN: dlc-opt %s -dl-lower-to-linalg -split-input-file | FileCheck %s

// The Normalization family's lowering (passes/lowering/NormalizationToLinalg.cpp):
// a sum pass, a squared-deviation pass, the statistics, one pass writing y.

// CHECK-LABEL: func.func @layer_norm(
// CHECK:         %[[S:.*]] = linalg.generic {{.*}}iterator_types = ["parallel", "reduction"]
// CHECK:           arith.addf
// CHECK:         %[[Q:.*]] = linalg.generic {{.*}}iterator_types = ["parallel", "reduction"]
// CHECK:           arith.subf
// CHECK:           arith.mulf
// CHECK:         %[[ST:.*]]:3 = linalg.generic {{.*}}ins(%[[S]], %[[Q]] : tensor<3x1xf32>, tensor<3x1xf32>)
// CHECK:           math.sqrt
// CHECK:         %[[Y:.*]] = linalg.generic {{.*}}ins(%{{.*}}, %[[ST]]#0, %[[ST]]#2, %{{.*}}, %{{.*}} : tensor<3x4xf32>, tensor<3x1xf32>, tensor<3x1xf32>, tensor<4xf32>, tensor<4xf32>)
// CHECK:         return %[[Y]], %[[ST]]#0, %[[ST]]#2
func.func @layer_norm(%x: tensor<3x4xf32>, %w: tensor<4xf32>, %b: tensor<4xf32>)
    -> (tensor<3x4xf32>, tensor<3x1xf32>, tensor<3x1xf32>) {
  %y, %m, %r = dl.layer_norm %x normalized_shape = [4] weight %w : tensor<4xf32>
      bias %b : tensor<4xf32> eps = 1.000000e-05
      : tensor<3x4xf32> -> tensor<3x4xf32>, tensor<3x1xf32>, tensor<3x1xf32>
  return %y, %m, %r : tensor<3x4xf32>, tensor<3x1xf32>, tensor<3x1xf32>
}

// -----

// Training: statistics over N, H, W, looping channel-first (x read as
// (d1, d0, d2, d3)); the running update blends with momentum.
// CHECK-LABEL: func.func @batch_norm_train(
// CHECK:         linalg.generic {{.*}}iterator_types = ["parallel", "reduction", "reduction", "reduction"]
// CHECK:         linalg.generic {{.*}}iterator_types = ["parallel", "reduction", "reduction", "reduction"]
// CHECK:         %[[ST:.*]]:3 = linalg.generic
// CHECK:         %[[RS:.*]]:2 = linalg.generic
// CHECK:         %[[Y:.*]] = linalg.generic
// CHECK:         return %[[Y]], %[[RS]]#0, %[[RS]]#1, %[[ST]]#0, %[[ST]]#2
func.func @batch_norm_train(%x: tensor<2x3x4x4xf32>, %rm: tensor<3xf32>, %rv: tensor<3xf32>)
    -> (tensor<2x3x4x4xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) {
  %y, %nm, %nv, %sm, %sr = dl.batch_norm %x, %rm, %rv training momentum = 1.000000e-01 eps = 1.000000e-05
      : tensor<2x3x4x4xf32>, tensor<3xf32>, tensor<3xf32>
      -> tensor<2x3x4x4xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>
  return %y, %nm, %nv, %sm, %sr : tensor<2x3x4x4xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>
}

// -----

// Inference: no reductions; the running statistics pass through.
// CHECK-LABEL: func.func @batch_norm_eval(
// CHECK-SAME:    %[[X:[^:]*]]: tensor<5x3xf32>, %[[RM:[^:]*]]: tensor<3xf32>, %[[RV:[^:]*]]: tensor<3xf32>
// CHECK-NOT:     "reduction"
// CHECK:         %[[R:.*]] = linalg.generic {{.*}}ins(%[[RV]] : tensor<3xf32>)
// CHECK:         %[[Y:.*]] = linalg.generic
// CHECK:         return %[[Y]], %[[RM]], %[[RV]], %[[RM]], %[[R]]
func.func @batch_norm_eval(%x: tensor<5x3xf32>, %rm: tensor<3xf32>, %rv: tensor<3xf32>)
    -> (tensor<5x3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) {
  %y, %nm, %nv, %sm, %sr = dl.batch_norm %x, %rm, %rv momentum = 1.000000e-01 eps = 1.000000e-05
      : tensor<5x3xf32>, tensor<3xf32>, tensor<3xf32>
      -> tensor<5x3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>
  return %y, %nm, %nv, %sm, %sr : tensor<5x3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>
}
