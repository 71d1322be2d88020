// RUN: dlc-opt %s -dl-lower-to-linalg -split-input-file | FileCheck %s

// The Math family's lowering (passes/lowering/MathToLinalg.cpp): one
// linalg.generic per op, arith/math in its body.

// CHECK-LABEL: func.func @abs(
// CHECK:         linalg.generic
// CHECK:           math.absf
func.func @abs(%x: tensor<4x3xf32>) -> tensor<4x3xf32> {
  %0 = dl.abs %x : tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// -----

// CHECK-LABEL: func.func @unary(
// CHECK:         linalg.generic
// CHECK:           math.sqrt
// CHECK:         linalg.generic
// CHECK:           math.sqrt
// CHECK:           arith.divf
// CHECK:         linalg.generic
// CHECK:           math.erf
// CHECK:         linalg.generic
// CHECK:           arith.cmpf ogt
// CHECK:           math.exp
// CHECK:           math.log
// CHECK:           arith.select
// CHECK:         linalg.generic
// CHECK:           arith.cmpf ogt
// CHECK:           arith.select
// CHECK:         linalg.generic
// CHECK:           math.erf
// CHECK:         linalg.generic
// CHECK:           math.exp
// CHECK:           arith.divf
func.func @unary(%x: tensor<4x3xf32>) -> (tensor<4x3xf32>, tensor<4x3xf32>, tensor<4x3xf32>, tensor<4x3xf32>, tensor<4x3xf32>, tensor<4x3xf32>, tensor<4x3xf32>) {
  %0 = dl.sqrt %x : tensor<4x3xf32>
  %1 = dl.rsqrt %x : tensor<4x3xf32>
  %2 = dl.erf %x : tensor<4x3xf32>
  %3 = dl.softplus %x : tensor<4x3xf32>
  %4 = dl.leaky_relu %x : tensor<4x3xf32>
  %5 = dl.gelu %x : tensor<4x3xf32>
  %6 = dl.gelu %x {approximate = "tanh"} : tensor<4x3xf32>
  return %0, %1, %2, %3, %4, %5, %6 : tensor<4x3xf32>, tensor<4x3xf32>, tensor<4x3xf32>, tensor<4x3xf32>, tensor<4x3xf32>, tensor<4x3xf32>, tensor<4x3xf32>
}

// -----

// bf16 transcendentals compute in f32 and round once (integer ops, no
// truncf to bf16).
// CHECK-LABEL: func.func @erf_bf16(
// CHECK:         linalg.generic
// CHECK:           arith.extf %{{.*}} : bf16 to f32
// CHECK:           math.erf %{{.*}} : f32
// CHECK:           arith.bitcast %{{.*}} : f32 to i32
// CHECK-NOT:       arith.truncf
// CHECK:           arith.bitcast %{{.*}} : i16 to bf16
func.func @erf_bf16(%x: tensor<4xbf16>) -> tensor<4xbf16> {
  %0 = dl.erf %x : tensor<4xbf16>
  return %0 : tensor<4xbf16>
}

// -----

// Broadcasting operands are read through broadcasting maps.
// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[ROW:.*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-LABEL: func.func @binary(
// CHECK:         linalg.generic {indexing_maps = [#[[ID]], #[[ROW]], #[[ID]]]
// CHECK:           math.powf
// CHECK:         linalg.generic
// CHECK:           arith.maximumf
// CHECK:         linalg.generic
// CHECK:           arith.minimumf
func.func @binary(%x: tensor<4x3xf32>, %e: tensor<3xf32>) -> (tensor<4x3xf32>, tensor<4x3xf32>, tensor<4x3xf32>) {
  %0 = dl.pow %x, %e : tensor<4x3xf32>, tensor<3xf32> -> tensor<4x3xf32>
  %1 = dl.maximum %x, %e : tensor<4x3xf32>, tensor<3xf32> -> tensor<4x3xf32>
  %2 = dl.minimum %x, %e : tensor<4x3xf32>, tensor<3xf32> -> tensor<4x3xf32>
  return %0, %1, %2 : tensor<4x3xf32>, tensor<4x3xf32>, tensor<4x3xf32>
}

// -----

// pow_scalar: the exponents PyTorch special-cases, else powf.
// CHECK-LABEL: func.func @pow_scalar(
// CHECK:         linalg.generic
// CHECK:           arith.mulf
// CHECK-NOT:       math.powf
// CHECK:         linalg.generic
// CHECK:           math.sqrt
// CHECK:         linalg.generic
// CHECK:           math.powf
// CHECK:         linalg.generic
// CHECK:           arith.maximumf
// CHECK:           arith.minimumf
func.func @pow_scalar(%x: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) {
  %0 = dl.pow_scalar %x, 2.0 : tensor<4xf32>
  %1 = dl.pow_scalar %x, 0.5 : tensor<4xf32>
  %2 = dl.pow_scalar %x, 2.5 : tensor<4xf32>
  %3 = dl.clamp %x min -1.0 max 1.0 : tensor<4xf32>
  return %0, %1, %2, %3 : tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>
}

// -----

// Comparisons: ordered float predicates (une for ne), signed integers,
// unsigned i1.
// CHECK-LABEL: func.func @compare(
// CHECK:         arith.cmpf oeq
// CHECK:         arith.cmpf une
// CHECK:         arith.cmpi slt
// CHECK:         arith.cmpi ule
// CHECK:         arith.cmpf ogt
// CHECK:         arith.cmpi sge
// CHECK:         arith.andi
// CHECK:         arith.ori
// CHECK:         arith.xori
func.func @compare(%x: tensor<4xf32>, %i: tensor<4xi32>, %l: tensor<4xi64>, %m: tensor<4xi1>) -> (tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>) {
  %0 = dl.eq %x, %x : tensor<4xf32>, tensor<4xf32> -> tensor<4xi1>
  %1 = dl.ne %x, %x : tensor<4xf32>, tensor<4xf32> -> tensor<4xi1>
  %2 = dl.lt %i, %i : tensor<4xi32>, tensor<4xi32> -> tensor<4xi1>
  %3 = dl.le %m, %m : tensor<4xi1>, tensor<4xi1> -> tensor<4xi1>
  %4 = dl.gt %x, %x : tensor<4xf32>, tensor<4xf32> -> tensor<4xi1>
  %5 = dl.ge %l, %l : tensor<4xi64>, tensor<4xi64> -> tensor<4xi1>
  %6 = dl.logical_and %m, %m : tensor<4xi1>, tensor<4xi1> -> tensor<4xi1>
  %7 = dl.logical_or %m, %m : tensor<4xi1>, tensor<4xi1> -> tensor<4xi1>
  %8 = dl.logical_not %m : tensor<4xi1>
  return %0, %1, %2, %3, %4, %5, %6, %7, %8 : tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>
}

// -----

// CHECK-LABEL: func.func @where(
// CHECK:         linalg.generic
// CHECK-SAME:      ins(%{{.*}}, %{{.*}}, %{{.*}} : tensor<4x1xi1>, tensor<3xf32>, tensor<f32>)
// CHECK:           arith.select
func.func @where(%c: tensor<4x1xi1>, %x: tensor<3xf32>, %s: tensor<f32>) -> tensor<4x3xf32> {
  %0 = dl.where %c, %x, %s : tensor<4x1xi1>, tensor<3xf32>, tensor<f32> -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// -----

// CHECK-LABEL: func.func @cast(
// CHECK:         arith.fptosi %{{.*}} : f32 to i32
// CHECK:         arith.extf %{{.*}} : f32 to f64
// CHECK:         arith.truncf %{{.*}} : f64 to f32
// CHECK:         arith.cmpf une
// CHECK:         arith.cmpi ne
// CHECK:         arith.uitofp %{{.*}} : i1 to f32
// CHECK:         arith.extui %{{.*}} : i1 to i64
// CHECK:         arith.sitofp %{{.*}} : i32 to f64
// CHECK:         arith.extsi %{{.*}} : i32 to i64
// CHECK:         arith.trunci %{{.*}} : i64 to i32
// CHECK:         arith.extf %{{.*}} : bf16 to f32
// CHECK-NEXT:    arith.fptosi %{{.*}} : f32 to i32
func.func @cast(%x: tensor<4xf32>, %d: tensor<4xf64>, %i: tensor<4xi32>, %l: tensor<4xi64>,
                %m: tensor<4xi1>, %h: tensor<4xbf16>) -> (tensor<4xi32>, tensor<4xf64>, tensor<4xf32>, tensor<4xi1>, tensor<4xi1>, tensor<4xf32>, tensor<4xi64>, tensor<4xf64>, tensor<4xi64>, tensor<4xi32>, tensor<4xi32>) {
  %0 = dl.cast %x : tensor<4xf32> -> tensor<4xi32>
  %1 = dl.cast %x : tensor<4xf32> -> tensor<4xf64>
  %2 = dl.cast %d : tensor<4xf64> -> tensor<4xf32>
  %3 = dl.cast %x : tensor<4xf32> -> tensor<4xi1>
  %4 = dl.cast %i : tensor<4xi32> -> tensor<4xi1>
  %5 = dl.cast %m : tensor<4xi1> -> tensor<4xf32>
  %6 = dl.cast %m : tensor<4xi1> -> tensor<4xi64>
  %7 = dl.cast %i : tensor<4xi32> -> tensor<4xf64>
  %8 = dl.cast %i : tensor<4xi32> -> tensor<4xi64>
  %9 = dl.cast %l : tensor<4xi64> -> tensor<4xi32>
  %10 = dl.cast %h : tensor<4xbf16> -> tensor<4xi32>
  return %0, %1, %2, %3, %4, %5, %6, %7, %8, %9, %10 : tensor<4xi32>, tensor<4xf64>, tensor<4xf32>, tensor<4xi1>, tensor<4xi1>, tensor<4xf32>, tensor<4xi64>, tensor<4xf64>, tensor<4xi64>, tensor<4xi32>, tensor<4xi32>
}
