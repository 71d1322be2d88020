// RUN: dlc-opt %s -dl-autodiff -split-input-file | FileCheck %s

// The VJP rules of the Math family (ir/ops/Math.cpp).

// d|x| = g * sign(x)
// CHECK-LABEL: func.func @loss_grad(
// CHECK-SAME:    %[[X:[^:]*]]: tensor<3xf32>
// CHECK:         %[[S:.*]] = dl.sign %[[X]]
// CHECK:         dl.mul %{{.*}}, %[[S]]
func.func @loss(%x: tensor<3xf32> {dl.role = "parameter", dl.name = "x"}) -> tensor<f32> {
  %a = dl.abs %x : tensor<3xf32>
  %s = dl.reduce_sum %a axes = [0] : tensor<3xf32> -> tensor<f32>
  return %s : tensor<f32>
}

// -----

// d sqrt(x) = g / (2y)
// CHECK-LABEL: func.func @loss_grad(
// CHECK:         %[[Y:.*]] = dl.sqrt
// CHECK:         %[[T:.*]] = dl.mul %[[Y]], %{{.*}} : tensor<3xf32>, tensor<f32>
// CHECK:         dl.div %{{.*}}, %[[T]]
func.func @loss(%x: tensor<3xf32> {dl.role = "parameter", dl.name = "x"}) -> tensor<f32> {
  %a = dl.sqrt %x : tensor<3xf32>
  %s = dl.reduce_sum %a axes = [0] : tensor<3xf32> -> tensor<f32>
  return %s : tensor<f32>
}

// -----

// d rsqrt(x) = -y³/2
// CHECK-LABEL: func.func @loss_grad(
// CHECK:         %[[Y:.*]] = dl.rsqrt
// CHECK:         %[[Y2:.*]] = dl.mul %[[Y]], %[[Y]]
// CHECK:         dl.mul %[[Y]], %[[Y2]]
func.func @loss(%x: tensor<3xf32> {dl.role = "parameter", dl.name = "x"}) -> tensor<f32> {
  %a = dl.rsqrt %x : tensor<3xf32>
  %s = dl.reduce_sum %a axes = [0] : tensor<3xf32> -> tensor<f32>
  return %s : tensor<f32>
}

// -----

// d erf(x) = 2/√π exp(-x²)
// CHECK-LABEL: func.func @loss_grad(
// CHECK-SAME:    %[[X:[^:]*]]: tensor<3xf32>
// CHECK:         %[[X2:.*]] = dl.mul %[[X]], %[[X]]
// CHECK:         %[[N:.*]] = dl.neg %[[X2]]
// CHECK:         dl.exp %[[N]]
// CHECK:         1.12837
func.func @loss(%x: tensor<3xf32> {dl.role = "parameter", dl.name = "x"}) -> tensor<f32> {
  %a = dl.erf %x : tensor<3xf32>
  %s = dl.reduce_sum %a axes = [0] : tensor<3xf32> -> tensor<f32>
  return %s : tensor<f32>
}

// -----

// softplus: g·sigmoid(βx), exactly g where βx > threshold
// CHECK-LABEL: func.func @loss_grad(
// CHECK:         %[[BX:.*]] = dl.mul %{{.*}}, %{{.*}} : tensor<3xf32>, tensor<f32>
// CHECK:         %[[LIN:.*]] = dl.gt %[[BX]], %{{.*}} : tensor<3xf32>, tensor<f32> -> tensor<3xi1>
// CHECK:         %[[SIG:.*]] = dl.sigmoid %[[BX]]
// CHECK:         %[[SM:.*]] = dl.mul %{{.*}}, %[[SIG]]
// CHECK:         dl.where %[[LIN]], %{{.*}}, %[[SM]]
func.func @loss(%x: tensor<3xf32> {dl.role = "parameter", dl.name = "x"}) -> tensor<f32> {
  %a = dl.softplus %x {beta = 2.0 : f64, threshold = 5.0 : f64} : tensor<3xf32>
  %s = dl.reduce_sum %a axes = [0] : tensor<3xf32> -> tensor<f32>
  return %s : tensor<f32>
}

// -----

// leaky_relu: x > 0 ? g : slope·g
// CHECK-LABEL: func.func @loss_grad(
// CHECK:         %[[P:.*]] = dl.gt
// CHECK:         dl.where %[[P]]
func.func @loss(%x: tensor<3xf32> {dl.role = "parameter", dl.name = "x"}) -> tensor<f32> {
  %a = dl.leaky_relu %x {negative_slope = 0.2 : f64} : tensor<3xf32>
  %s = dl.reduce_sum %a axes = [0] : tensor<3xf32> -> tensor<f32>
  return %s : tensor<f32>
}

// -----

// gelu (erf form): Φ(x) + x φ(x)
// CHECK-LABEL: func.func @loss_grad(
// CHECK:         dl.erf
// CHECK:         dl.exp
func.func @loss(%x: tensor<3xf32> {dl.role = "parameter", dl.name = "x"}) -> tensor<f32> {
  %a = dl.gelu %x : tensor<3xf32>
  %s = dl.reduce_sum %a axes = [0] : tensor<3xf32> -> tensor<f32>
  return %s : tensor<f32>
}

// -----

// gelu (tanh form): through s = sigmoid(2u), no erf
// CHECK-LABEL: func.func @loss_grad(
// CHECK:         dl.sigmoid
// CHECK-NOT:     dl.erf
// CHECK:         return
func.func @loss(%x: tensor<3xf32> {dl.role = "parameter", dl.name = "x"}) -> tensor<f32> {
  %a = dl.gelu %x {approximate = "tanh"} : tensor<3xf32>
  %s = dl.reduce_sum %a axes = [0] : tensor<3xf32> -> tensor<f32>
  return %s : tensor<f32>
}

// -----

// pow: both operands, masked where PyTorch masks, un-broadcast to the exponent.
// CHECK-LABEL: func.func @loss_grad(
// CHECK-SAME:    %[[B:[^:]*]]: tensor<2x3xf32>
// CHECK-SAME:    %[[E:[^:]*]]: tensor<3xf32>
// CHECK:         dl.pow %[[B]], %{{.*}} : tensor<2x3xf32>, tensor<3xf32> -> tensor<2x3xf32>
// CHECK:         dl.eq %[[E]]
// CHECK:         dl.log %[[B]]
// CHECK:         dl.logical_and
// CHECK:         %[[DE:.*]] = dl.where
// CHECK:         dl.reduce_sum %[[DE]] axes = [0] keepdims
// CHECK:         return {{.*}} : tensor<f32>, tensor<2x3xf32>, tensor<3xf32>
func.func @loss(%b: tensor<2x3xf32> {dl.role = "parameter", dl.name = "b"},
                %e: tensor<3xf32> {dl.role = "parameter", dl.name = "e"}) -> tensor<f32> {
  %a = dl.pow %b, %e : tensor<2x3xf32>, tensor<3xf32> -> tensor<2x3xf32>
  %s = dl.reduce_sum %a axes = [0, 1] : tensor<2x3xf32> -> tensor<f32>
  return %s : tensor<f32>
}

// -----

// pow_scalar: e x^(e-1); x² uses x itself; x^0 passes nothing (zeros).
// CHECK-LABEL: func.func @loss_grad(
// CHECK:         dl.pow_scalar %{{.*}}, 1.500000e+00
func.func @loss(%x: tensor<3xf32> {dl.role = "parameter", dl.name = "x"}) -> tensor<f32> {
  %a = dl.pow_scalar %x, 2.5 : tensor<3xf32>
  %s = dl.reduce_sum %a axes = [0] : tensor<3xf32> -> tensor<f32>
  return %s : tensor<f32>
}

// -----

// CHECK-LABEL: func.func @loss_grad(
// CHECK-NOT:     dl.pow_scalar {{.*}} 1.0
// CHECK:         return
func.func @loss(%x: tensor<3xf32> {dl.role = "parameter", dl.name = "x"}) -> tensor<f32> {
  %a = dl.pow_scalar %x, 2.0 : tensor<3xf32>
  %s = dl.reduce_sum %a axes = [0] : tensor<3xf32> -> tensor<f32>
  return %s : tensor<f32>
}

// -----

// CHECK-LABEL: func.func @loss_grad(
// CHECK:         %[[Z:.*]] = dl.constant dense<0.000000e+00> : tensor<3xf32>
// CHECK:         return %{{.*}}, %{{.*}}, %[[Z]]
func.func @loss(%x: tensor<3xf32> {dl.role = "parameter", dl.name = "x"}) -> (tensor<f32>, tensor<3xf32>) {
  %a = dl.pow_scalar %x, 0.0 : tensor<3xf32>
  %s = dl.reduce_sum %a axes = [0] : tensor<3xf32> -> tensor<f32>
  return %s, %a : tensor<f32>, tensor<3xf32>
}

// -----

// maximum: all to the larger, half each on ties; un-broadcast to the rhs.
// CHECK-LABEL: func.func @loss_grad(
// CHECK-SAME:    %[[A:[^:]*]]: tensor<2x3xf32>
// CHECK-SAME:    %[[B:[^:]*]]: tensor<3xf32>
// CHECK-DAG:     dl.lt %[[A]], %[[B]]
// CHECK-DAG:     dl.lt %[[B]], %[[A]]
// CHECK-DAG:     dl.eq %[[A]], %[[B]]
// CHECK:         dl.reduce_sum %{{.*}} axes = [0] keepdims
func.func @loss(%a: tensor<2x3xf32> {dl.role = "parameter", dl.name = "a"},
                %b: tensor<3xf32> {dl.role = "parameter", dl.name = "b"}) -> tensor<f32> {
  %m = dl.maximum %a, %b : tensor<2x3xf32>, tensor<3xf32> -> tensor<2x3xf32>
  %s = dl.reduce_sum %m axes = [0, 1] : tensor<2x3xf32> -> tensor<f32>
  return %s : tensor<f32>
}

// -----

// minimum: the mirror image (gt instead of lt).
// CHECK-LABEL: func.func @loss_grad(
// CHECK-SAME:    %[[A:[^:]*]]: tensor<3xf32>
// CHECK-SAME:    %[[B:[^:]*]]: tensor<3xf32>
// CHECK-DAG:     dl.gt %[[A]], %[[B]]
// CHECK-DAG:     dl.gt %[[B]], %[[A]]
func.func @loss(%a: tensor<3xf32> {dl.role = "parameter", dl.name = "a"},
                %b: tensor<3xf32> {dl.role = "parameter", dl.name = "b"}) -> tensor<f32> {
  %m = dl.minimum %a, %b : tensor<3xf32>, tensor<3xf32> -> tensor<3xf32>
  %s = dl.reduce_sum %m axes = [0] : tensor<3xf32> -> tensor<f32>
  return %s : tensor<f32>
}

// -----

// clamp: g inside [min, max] (inclusive).
// CHECK-LABEL: func.func @loss_grad(
// CHECK-SAME:    %[[X:[^:]*]]: tensor<3xf32>
// CHECK:         %[[LO:.*]] = dl.ge %[[X]]
// CHECK:         %[[HI:.*]] = dl.le %[[X]]
// CHECK:         %[[IN:.*]] = dl.logical_and %[[LO]], %[[HI]]
// CHECK:         dl.where %[[IN]]
func.func @loss(%x: tensor<3xf32> {dl.role = "parameter", dl.name = "x"}) -> tensor<f32> {
  %a = dl.clamp %x min -1.0 max 1.0 : tensor<3xf32>
  %s = dl.reduce_sum %a axes = [0] : tensor<3xf32> -> tensor<f32>
  return %s : tensor<f32>
}

// -----

// CHECK-LABEL: func.func @loss_grad(
// CHECK-NOT:     dl.ge
// CHECK:         %[[HI:.*]] = dl.le
// CHECK:         dl.where %[[HI]]
func.func @loss(%x: tensor<3xf32> {dl.role = "parameter", dl.name = "x"}) -> tensor<f32> {
  %a = dl.clamp %x max 1.0 : tensor<3xf32>
  %s = dl.reduce_sum %a axes = [0] : tensor<3xf32> -> tensor<f32>
  return %s : tensor<f32>
}

// -----

// where: masked cotangents, summed back to each operand's shape; the
// condition (from a comparison, which has no rule) gets none.
// CHECK-LABEL: func.func @loss_grad(
// CHECK-SAME:    %[[A:[^:]*]]: tensor<2x3xf32>
// CHECK-SAME:    %[[B:[^:]*]]: tensor<f32>
// CHECK:         %[[C:.*]] = dl.gt %[[A]], %[[B]]
// CHECK:         dl.where %[[C]], %{{.*}}, %{{.*}} : tensor<2x3xi1>, tensor<2x3xf32>, tensor<f32> -> tensor<2x3xf32>
// CHECK:         %[[DB:.*]] = dl.where %[[C]], %{{.*}}, %{{.*}} : tensor<2x3xi1>, tensor<f32>, tensor<2x3xf32> -> tensor<2x3xf32>
// CHECK:         dl.reduce_sum %[[DB]] axes = [0, 1] keepdims
func.func @loss(%a: tensor<2x3xf32> {dl.role = "parameter", dl.name = "a"},
                %b: tensor<f32> {dl.role = "parameter", dl.name = "b"}) -> tensor<f32> {
  %c = dl.gt %a, %b : tensor<2x3xf32>, tensor<f32> -> tensor<2x3xi1>
  %w = dl.where %c, %a, %b : tensor<2x3xi1>, tensor<2x3xf32>, tensor<f32> -> tensor<2x3xf32>
  %s = dl.reduce_sum %w axes = [0, 1] : tensor<2x3xf32> -> tensor<f32>
  return %s : tensor<f32>
}

// -----

// cast: between floats the cotangent is cast back; through an integer
// nothing flows (zeros).
// CHECK-LABEL: func.func @loss_grad(
// CHECK:         dl.cast %{{.*}} : tensor<3xf64> -> tensor<3xf32>
func.func @loss(%x: tensor<3xf32> {dl.role = "parameter", dl.name = "x"}) -> tensor<f64> {
  %d = dl.cast %x : tensor<3xf32> -> tensor<3xf64>
  %s = dl.reduce_sum %d axes = [0] : tensor<3xf64> -> tensor<f64>
  return %s : tensor<f64>
}

// -----

// CHECK-LABEL: func.func @loss_grad(
// CHECK:         %[[Z:.*]] = dl.constant dense<0.000000e+00> : tensor<3xf32>
// CHECK:         return %{{.*}}, %[[Z]]
func.func @loss(%x: tensor<3xf32> {dl.role = "parameter", dl.name = "x"}) -> tensor<f32> {
  %i = dl.cast %x : tensor<3xf32> -> tensor<3xi32>
  %f = dl.cast %i : tensor<3xi32> -> tensor<3xf32>
  %s = dl.reduce_sum %f axes = [0] : tensor<3xf32> -> tensor<f32>
  return %s : tensor<f32>
}
