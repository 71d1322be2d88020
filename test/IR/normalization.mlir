// RUN: dlc-opt %s -split-input-file | dlc-opt -split-input-file | FileCheck %s
// RUN: dlc-opt %s -split-input-file --mlir-print-op-generic | dlc-opt -split-input-file | FileCheck %s

// Round trip of the Normalization family (ir/ops/Normalization.td), custom and generic forms.

// CHECK-LABEL: func @layer_norm
func.func @layer_norm(%x: tensor<2x3x4xf32>, %w: tensor<3x4xf32>, %b: tensor<3x4xf32>) {
  // CHECK: dl.layer_norm %{{.*}} normalized_shape = [3, 4] weight %{{.*}} : tensor<3x4xf32> bias %{{.*}} : tensor<3x4xf32> eps = 1.000000e-05 : tensor<2x3x4xf32> -> tensor<2x3x4xf32>, tensor<2x1x1xf32>, tensor<2x1x1xf32>
  %y, %m, %r = dl.layer_norm %x normalized_shape = [3, 4] weight %w : tensor<3x4xf32>
      bias %b : tensor<3x4xf32> eps = 1.000000e-05
      : tensor<2x3x4xf32> -> tensor<2x3x4xf32>, tensor<2x1x1xf32>, tensor<2x1x1xf32>
  // Without affine parameters, and with only a bias.
  // CHECK: dl.layer_norm %{{.*}} normalized_shape = [4] eps = 1.000000e-03 : tensor<2x3x4xf32> -> tensor<2x3x4xf32>, tensor<2x3x1xf32>, tensor<2x3x1xf32>
  %y2, %m2, %r2 = dl.layer_norm %x normalized_shape = [4] eps = 1.000000e-03
      : tensor<2x3x4xf32> -> tensor<2x3x4xf32>, tensor<2x3x1xf32>, tensor<2x3x1xf32>
  %c = dl.constant dense<0.0> : tensor<4xf32>
  // CHECK: dl.layer_norm %{{.*}} normalized_shape = [4] bias %{{.*}} : tensor<4xf32> eps
  %y3, %m3, %r3 = dl.layer_norm %x normalized_shape = [4] bias %c : tensor<4xf32> eps = 1.000000e-05
      : tensor<2x3x4xf32> -> tensor<2x3x4xf32>, tensor<2x3x1xf32>, tensor<2x3x1xf32>
  return
}

// -----

// CHECK-LABEL: func @batch_norm
func.func @batch_norm(%x: tensor<8x3x4x4xf32>, %rm: tensor<3xf32>, %rv: tensor<3xf32>,
                      %w: tensor<3xf32>, %b: tensor<3xf32>, %x2: tensor<5x3xf64>, %rm2: tensor<3xf64>) {
  // CHECK: dl.batch_norm %{{.*}}, %{{.*}}, %{{.*}} weight %{{.*}} : tensor<3xf32> bias %{{.*}} : tensor<3xf32> training momentum = 1.000000e-01 eps = 1.000000e-05 : tensor<8x3x4x4xf32>, tensor<3xf32>, tensor<3xf32> -> tensor<8x3x4x4xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>
  %y, %nm, %nv, %sm, %sr = dl.batch_norm %x, %rm, %rv weight %w : tensor<3xf32> bias %b : tensor<3xf32>
      training momentum = 1.000000e-01 eps = 1.000000e-05
      : tensor<8x3x4x4xf32>, tensor<3xf32>, tensor<3xf32>
      -> tensor<8x3x4x4xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>
  // Inference, (N, C), f64, no affine parameters.
  // CHECK: dl.batch_norm %{{.*}}, %{{.*}}, %{{.*}} momentum = 1.000000e-01 eps = 1.000000e-05 : tensor<5x3xf64>, tensor<3xf64>, tensor<3xf64> -> tensor<5x3xf64>, tensor<3xf64>, tensor<3xf64>, tensor<3xf64>, tensor<3xf64>
  %y2, %nm2, %nv2, %sm2, %sr2 = dl.batch_norm %x2, %rm2, %rm2 momentum = 1.000000e-01 eps = 1.000000e-05
      : tensor<5x3xf64>, tensor<3xf64>, tensor<3xf64>
      -> tensor<5x3xf64>, tensor<3xf64>, tensor<3xf64>, tensor<3xf64>, tensor<3xf64>
  return
}
