// RUN: dlc-opt %s -split-input-file | dlc-opt -split-input-file | FileCheck %s
// RUN: dlc-opt %s -split-input-file --mlir-print-op-generic | dlc-opt -split-input-file | FileCheck %s

// Round trip of the Math family (ir/ops/Math.td), custom and generic forms.

// CHECK-LABEL: func @abs
func.func @abs(%x: tensor<4x3xf32>) -> tensor<4x3xf32> {
  // CHECK: dl.abs %{{.*}} : tensor<4x3xf32>
  %0 = dl.abs %x : tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// -----

// CHECK-LABEL: func @unary
func.func @unary(%x: tensor<4x3xf32>, %d: tensor<2xf64>, %h: tensor<2xbf16>) {
  // CHECK: dl.sqrt %{{.*}} : tensor<4x3xf32>
  %0 = dl.sqrt %x : tensor<4x3xf32>
  // CHECK: dl.rsqrt %{{.*}} : tensor<2xf64>
  %1 = dl.rsqrt %d : tensor<2xf64>
  // CHECK: dl.erf %{{.*}} : tensor<2xbf16>
  %2 = dl.erf %h : tensor<2xbf16>
  // CHECK: dl.softplus %{{.*}} : tensor<4x3xf32>
  %3 = dl.softplus %x : tensor<4x3xf32>
  // CHECK: dl.softplus %{{.*}} {beta = 2.000000e+00 : f64, threshold = 1.000000e+01 : f64} : tensor<4x3xf32>
  %4 = dl.softplus %x {beta = 2.0 : f64, threshold = 10.0 : f64} : tensor<4x3xf32>
  // CHECK: dl.leaky_relu %{{.*}} : tensor<4x3xf32>
  %5 = dl.leaky_relu %x : tensor<4x3xf32>
  // CHECK: dl.leaky_relu %{{.*}} {negative_slope = 2.000000e-01 : f64} : tensor<4x3xf32>
  %6 = dl.leaky_relu %x {negative_slope = 0.2 : f64} : tensor<4x3xf32>
  // CHECK: dl.gelu %{{.*}} : tensor<4x3xf32>
  %7 = dl.gelu %x : tensor<4x3xf32>
  // CHECK: dl.gelu %{{.*}} {approximate = "tanh"} : tensor<4x3xf32>
  %8 = dl.gelu %x {approximate = "tanh"} : tensor<4x3xf32>
  return
}

// -----

// CHECK-LABEL: func @powers_and_extrema
func.func @powers_and_extrema(%x: tensor<4x3xf32>, %e: tensor<3xf32>) {
  // CHECK: dl.pow %{{.*}}, %{{.*}} : tensor<4x3xf32>, tensor<3xf32> -> tensor<4x3xf32>
  %0 = dl.pow %x, %e : tensor<4x3xf32>, tensor<3xf32> -> tensor<4x3xf32>
  // CHECK: dl.pow_scalar %{{.*}}, 3.000000e+00 : tensor<4x3xf32>
  %1 = dl.pow_scalar %x, 3.0 : tensor<4x3xf32>
  // CHECK: dl.maximum %{{.*}}, %{{.*}} : tensor<4x3xf32>, tensor<3xf32> -> tensor<4x3xf32>
  %2 = dl.maximum %x, %e : tensor<4x3xf32>, tensor<3xf32> -> tensor<4x3xf32>
  // CHECK: dl.minimum %{{.*}}, %{{.*}} : tensor<3xf32>, tensor<4x3xf32> -> tensor<4x3xf32>
  %3 = dl.minimum %e, %x : tensor<3xf32>, tensor<4x3xf32> -> tensor<4x3xf32>
  // CHECK: dl.clamp %{{.*}} min -1.000000e+00 max 1.000000e+00 : tensor<4x3xf32>
  %4 = dl.clamp %x min -1.0 max 1.0 : tensor<4x3xf32>
  // CHECK: dl.clamp %{{.*}} max 6.000000e+00 : tensor<4x3xf32>
  %5 = dl.clamp %x max 6.0 : tensor<4x3xf32>
  // CHECK: dl.clamp %{{.*}} min 0.000000e+00 : tensor<4x3xf32>
  %6 = dl.clamp %x min 0.0 : tensor<4x3xf32>
  return
}

// -----

// CHECK-LABEL: func @compare_and_logic
func.func @compare_and_logic(%x: tensor<4x3xf32>, %y: tensor<3xf32>, %i: tensor<4xi32>,
                             %l: tensor<i64>, %m: tensor<4x3xi1>, %n: tensor<3xi1>) {
  // CHECK: dl.eq %{{.*}}, %{{.*}} : tensor<4x3xf32>, tensor<3xf32> -> tensor<4x3xi1>
  %0 = dl.eq %x, %y : tensor<4x3xf32>, tensor<3xf32> -> tensor<4x3xi1>
  // CHECK: dl.ne %{{.*}}, %{{.*}} : tensor<4xi32>, tensor<4xi32> -> tensor<4xi1>
  %1 = dl.ne %i, %i : tensor<4xi32>, tensor<4xi32> -> tensor<4xi1>
  // CHECK: dl.lt %{{.*}}, %{{.*}} : tensor<i64>, tensor<i64> -> tensor<i1>
  %2 = dl.lt %l, %l : tensor<i64>, tensor<i64> -> tensor<i1>
  // CHECK: dl.le %{{.*}}, %{{.*}} : tensor<4x3xi1>, tensor<3xi1> -> tensor<4x3xi1>
  %3 = dl.le %m, %n : tensor<4x3xi1>, tensor<3xi1> -> tensor<4x3xi1>
  // CHECK: dl.gt
  %4 = dl.gt %x, %y : tensor<4x3xf32>, tensor<3xf32> -> tensor<4x3xi1>
  // CHECK: dl.ge
  %5 = dl.ge %x, %y : tensor<4x3xf32>, tensor<3xf32> -> tensor<4x3xi1>
  // CHECK: dl.logical_and %{{.*}}, %{{.*}} : tensor<4x3xi1>, tensor<3xi1> -> tensor<4x3xi1>
  %6 = dl.logical_and %m, %n : tensor<4x3xi1>, tensor<3xi1> -> tensor<4x3xi1>
  // CHECK: dl.logical_or %{{.*}}, %{{.*}} : tensor<3xi1>, tensor<4x3xi1> -> tensor<4x3xi1>
  %7 = dl.logical_or %n, %m : tensor<3xi1>, tensor<4x3xi1> -> tensor<4x3xi1>
  // CHECK: dl.logical_not %{{.*}} : tensor<4x3xi1>
  %8 = dl.logical_not %m : tensor<4x3xi1>
  return
}

// -----

// CHECK-LABEL: func @where_and_cast
func.func @where_and_cast(%c: tensor<4x1xi1>, %x: tensor<3xf32>, %s: tensor<f32>,
                          %i: tensor<4x3xi32>) {
  // CHECK: dl.where %{{.*}}, %{{.*}}, %{{.*}} : tensor<4x1xi1>, tensor<3xf32>, tensor<f32> -> tensor<4x3xf32>
  %0 = dl.where %c, %x, %s : tensor<4x1xi1>, tensor<3xf32>, tensor<f32> -> tensor<4x3xf32>
  // CHECK: dl.where %{{.*}}, %{{.*}}, %{{.*}} : tensor<4x1xi1>, tensor<4x3xi32>, tensor<4x3xi32> -> tensor<4x3xi32>
  %1 = dl.where %c, %i, %i : tensor<4x1xi1>, tensor<4x3xi32>, tensor<4x3xi32> -> tensor<4x3xi32>
  // CHECK: dl.cast %{{.*}} : tensor<3xf32> -> tensor<3xbf16>
  %2 = dl.cast %x : tensor<3xf32> -> tensor<3xbf16>
  // CHECK: dl.cast %{{.*}} : tensor<4x3xi32> -> tensor<4x3xf64>
  %3 = dl.cast %i : tensor<4x3xi32> -> tensor<4x3xf64>
  // CHECK: dl.cast %{{.*}} : tensor<4x1xi1> -> tensor<4x1xi64>
  %4 = dl.cast %c : tensor<4x1xi1> -> tensor<4x1xi64>
  return
}
