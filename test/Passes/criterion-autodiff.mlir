// RUN: dlc-opt %s -dl-autodiff -split-input-file | FileCheck %s

// The VJP rules of the Criterion family (ir/ops/Criterion.cpp).

// cross_entropy, mean: dx = (softmax(x) * sum_c t - t) * g / sum(picked
// weights), with t the smoothed weighted one-hot; the weight gets no
// gradient (zeros), as in PyTorch.
// CHECK-LABEL: func.func @loss_grad(
// CHECK-SAME:    %[[X:[^:]*]]: tensor<8x5xf32> {{.*}}, %[[Y:[^:]*]]: tensor<8xi64>, %[[W:[^:]*]]: tensor<5xf32>
// CHECK:         %[[ONE:.*]] = dl.constant dense<1.000000e+00> : tensor<f32>
// CHECK:         %[[T0:.*]] = dl.target_weights %[[Y]] classes = 5 weight %[[W]] : tensor<8xi64>, tensor<5xf32> -> tensor<8x5xf32>
// CHECK:         %[[PICKED:.*]] = dl.reduce_sum %[[T0]] axes = [1] : tensor<8x5xf32> -> tensor<8xf32>
// CHECK:         %[[DEN:.*]] = dl.reduce_sum %[[PICKED]] axes = [0] : tensor<8xf32> -> tensor<f32>
// CHECK:         %[[G:.*]] = dl.div %[[ONE]], %[[DEN]]
// CHECK:         %[[T:.*]] = dl.target_weights %[[Y]] classes = 5 weight %[[W]] {label_smoothing = 1.000000e-01 : f64}
// CHECK:         %[[P:.*]] = dl.softmax %[[X]] axis = 1
// CHECK:         %[[ST:.*]] = dl.reduce_sum %[[T]] axes = [1] keepdims : tensor<8x5xf32> -> tensor<8x1xf32>
// CHECK:         %[[PST:.*]] = dl.mul %[[P]], %[[ST]]
// CHECK:         %[[D:.*]] = dl.sub %[[PST]], %[[T]]
// CHECK:         %[[DX:.*]] = dl.mul %[[D]], %[[G]] : tensor<8x5xf32>, tensor<f32> -> tensor<8x5xf32>
// CHECK:         %[[DW:.*]] = dl.constant dense<0.000000e+00> : tensor<5xf32>
// CHECK:         return %{{.*}}, %[[DX]], %[[DW]]
func.func @loss(%x: tensor<8x5xf32> {dl.role = "parameter", dl.name = "x"}, %y: tensor<8xi64>,
                %w: tensor<5xf32> {dl.role = "parameter", dl.name = "w"}) -> tensor<f32> {
  %0 = dl.cross_entropy %x, %y weight %w {label_smoothing = 0.1 : f64} : tensor<8x5xf32>, tensor<8xi64>, tensor<5xf32> -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

// Reduction none on (N, C, T): the per-element cotangent gets the class
// axis back (size 1) to broadcast.
// CHECK-LABEL: func.func @loss_grad(
// CHECK-SAME:    %[[X:[^:]*]]: tensor<4x5x3xf32> {{.*}}, %[[Y:[^:]*]]: tensor<4x3xi32>
// CHECK:         %[[G:.*]] = dl.reshape %{{.*}} : tensor<4x3xf32> -> tensor<4x1x3xf32>
// CHECK:         %[[T:.*]] = dl.target_weights %[[Y]] classes = 5 : tensor<4x3xi32> -> tensor<4x5x3xf32>
// CHECK:         dl.softmax %[[X]] axis = 1
// CHECK:         %[[D:.*]] = dl.sub %{{.*}}, %[[T]]
// CHECK:         %[[DX:.*]] = dl.mul %[[D]], %[[G]] : tensor<4x5x3xf32>, tensor<4x1x3xf32> -> tensor<4x5x3xf32>
// CHECK:         return %{{.*}}, %[[DX]]
func.func @loss(%x: tensor<4x5x3xf32> {dl.role = "parameter", dl.name = "x"}, %y: tensor<4x3xi32>) -> tensor<f32> {
  %0 = dl.cross_entropy %x, %y {reduction = "none"} : tensor<4x5x3xf32>, tensor<4x3xi32> -> tensor<4x3xf32>
  %1 = dl.reduce_sum %0 axes = [0, 1] : tensor<4x3xf32> -> tensor<f32>
  return %1 : tensor<f32>
}

// -----

// nll_loss, sum: dx = -t * g.
// CHECK-LABEL: func.func @loss_grad(
// CHECK-SAME:    %[[X:[^:]*]]: tensor<8x5xf32> {{.*}}, %[[Y:[^:]*]]: tensor<8xi64>
// CHECK:         %[[ONE:.*]] = dl.constant dense<1.000000e+00> : tensor<f32>
// CHECK-NEXT:    %[[T:.*]] = dl.target_weights %[[Y]] classes = 5 : tensor<8xi64> -> tensor<8x5xf32>
// CHECK-NEXT:    %[[N:.*]] = dl.neg %[[T]]
// CHECK-NEXT:    %[[DX:.*]] = dl.mul %[[N]], %[[ONE]]
// CHECK-NEXT:    return %{{.*}}, %[[DX]]
func.func @loss(%x: tensor<8x5xf32> {dl.role = "parameter", dl.name = "x"}, %y: tensor<8xi64>) -> tensor<f32> {
  %0 = dl.nll_loss %x, %y {reduction = "sum"} : tensor<8x5xf32>, tensor<8xi64> -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

// mse_loss, mean: da = 2 (a - b) g / n, db = -da.
// CHECK-LABEL: func.func @loss_grad(
// CHECK-SAME:    %[[A:[^:]*]]: tensor<10xf32> {{.*}}, %[[B:[^:]*]]: tensor<10xf32>
// CHECK:         %[[ONE:.*]] = dl.constant dense<1.000000e+00> : tensor<f32>
// CHECK:         %[[D:.*]] = dl.sub %[[A]], %[[B]]
// CHECK:         %[[N:.*]] = dl.constant dense<1.000000e+01> : tensor<f32>
// CHECK:         %[[G:.*]] = dl.div %[[ONE]], %[[N]]
// CHECK:         %[[TWO:.*]] = dl.constant dense<2.000000e+00> : tensor<f32>
// CHECK:         %[[D2:.*]] = dl.mul %[[D]], %[[TWO]]
// CHECK:         %[[DA:.*]] = dl.mul %[[D2]], %[[G]]
// CHECK:         %[[DB:.*]] = dl.neg %[[DA]]
// CHECK:         return %{{.*}}, %[[DA]], %[[DB]]
func.func @loss(%a: tensor<10xf32> {dl.role = "parameter", dl.name = "a"}, %b: tensor<10xf32> {dl.role = "parameter", dl.name = "b"}) -> tensor<f32> {
  %0 = dl.mse_loss %a, %b : tensor<10xf32>, tensor<10xf32> -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

// BCE with logits without weights, sum: dx = sigmoid(x) - t, dt = -x.
// CHECK-LABEL: func.func @loss_grad(
// CHECK-SAME:    %[[X:[^:]*]]: tensor<4x3xf32> {{.*}}, %[[T:[^:]*]]: tensor<4x3xf32>
// CHECK:         %[[NX:.*]] = dl.neg %[[X]]
// CHECK:         %[[S:.*]] = dl.sigmoid %[[X]]
// CHECK:         %[[DX:.*]] = dl.sub %[[S]], %[[T]]
// CHECK:         %[[GX:.*]] = dl.mul %[[DX]], %{{.*}}
// CHECK:         %[[GT:.*]] = dl.mul %[[NX]], %{{.*}}
// CHECK:         return %{{.*}}, %[[GX]], %[[GT]]
func.func @loss(%x: tensor<4x3xf32> {dl.role = "parameter", dl.name = "x"}, %t: tensor<4x3xf32> {dl.role = "parameter", dl.name = "t"}) -> tensor<f32> {
  %0 = dl.binary_cross_entropy_with_logits %x, %t {reduction = "sum"} : tensor<4x3xf32>, tensor<4x3xf32> -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

// With pos_weight p and weight w, mean: lw = 1 + (p - 1) t,
// dx = ((1 - t) - lw sigmoid(-x)) w g / n,
// dt = (-x + (p - 1) softplus(-x)) w g / n, softplus(-x) being bce(x, 1).
// CHECK-LABEL: func.func @loss_grad(
// CHECK-SAME:    %[[X:[^:]*]]: tensor<4x3xf32> {{.*}}, %[[T:[^:]*]]: tensor<4x3xf32> {{.*}}, %[[P:[^:]*]]: tensor<3xf32>, %[[W:[^:]*]]: tensor<4x1xf32>
// CHECK:         %[[NX:.*]] = dl.neg %[[X]]
// CHECK:         %[[PM1:.*]] = dl.sub %[[P]], %{{.*}} : tensor<3xf32>, tensor<f32> -> tensor<3xf32>
// CHECK:         %[[PT:.*]] = dl.mul %[[PM1]], %[[T]]
// CHECK:         %[[LW:.*]] = dl.add %[[PT]], %{{.*}}
// CHECK:         %[[SN:.*]] = dl.sigmoid %{{.*}}
// CHECK:         %[[OMT:.*]] = dl.sub %{{.*}}, %[[T]]
// CHECK:         %[[LWS:.*]] = dl.mul %[[LW]], %[[SN]]
// CHECK:         %[[DX:.*]] = dl.sub %[[OMT]], %[[LWS]]
// CHECK:         %[[ONES:.*]] = dl.broadcast_to %{{.*}} : tensor<f32> -> tensor<4x3xf32>
// CHECK:         %[[SP:.*]] = dl.binary_cross_entropy_with_logits %[[X]], %[[ONES]] {reduction = "none"}
// CHECK:         %[[PSP:.*]] = dl.mul %[[PM1]], %[[SP]]
// CHECK:         %[[DT:.*]] = dl.add %[[NX]], %[[PSP]]
// CHECK:         %[[N:.*]] = dl.constant dense<1.200000e+01> : tensor<f32>
// CHECK:         %[[GN:.*]] = dl.div %{{.*}}, %[[N]]
// CHECK:         %[[G:.*]] = dl.mul %[[GN]], %[[W]] : tensor<f32>, tensor<4x1xf32> -> tensor<4x1xf32>
// CHECK:         %[[GX:.*]] = dl.mul %[[DX]], %[[G]]
// CHECK:         %[[GT:.*]] = dl.mul %[[DT]], %[[G]]
// CHECK:         return %{{.*}}, %[[GX]], %[[GT]]
func.func @loss(%x: tensor<4x3xf32> {dl.role = "parameter", dl.name = "x"}, %t: tensor<4x3xf32> {dl.role = "parameter", dl.name = "t"}, %p: tensor<3xf32>, %w: tensor<4x1xf32>) -> tensor<f32> {
  %0 = dl.binary_cross_entropy_with_logits %x, %t weight %w pos_weight %p : tensor<4x3xf32>, tensor<4x3xf32>, tensor<4x1xf32>, tensor<3xf32> -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

// masked_softmax: softmax's VJP, then the masked positions' cotangent zeroed.
// CHECK-LABEL: func.func @loss_grad(
// CHECK-SAME:    %[[S:[^:]*]]: tensor<2x3x5xf32> {{.*}}, %[[N:[^:]*]]: tensor<2xi32>
// CHECK:         %[[Y:.*]] = dl.masked_softmax %[[S]] valid_lens %[[N]]
// CHECK:         %[[G:.*]] = dl.broadcast_to
// CHECK-NEXT:    %[[GY:.*]] = dl.mul %[[G]], %[[Y]]
// CHECK-NEXT:    %[[R:.*]] = dl.reduce_sum %[[GY]] axes = [2] keepdims
// CHECK-NEXT:    %[[D:.*]] = dl.sub %[[G]], %[[R]]
// CHECK-NEXT:    %[[DZ:.*]] = dl.mul %[[Y]], %[[D]]
// CHECK-NEXT:    %[[DS:.*]] = dl.sequence_fill %[[DZ]], %[[N]] value = 0.000000e+00
// CHECK-NEXT:    return %{{.*}}, %[[DS]]
func.func @loss(%s: tensor<2x3x5xf32> {dl.role = "parameter", dl.name = "s"}, %n: tensor<2xi32>) -> tensor<f32> {
  %0 = dl.masked_softmax %s valid_lens %n : tensor<2x3x5xf32>, tensor<2xi32>
  %1 = dl.reduce_sum %0 axes = [0, 1, 2] : tensor<2x3x5xf32> -> tensor<f32>
  return %1 : tensor<f32>
}

// -----

// Without valid_lens: softmax's VJP alone.
// CHECK-LABEL: func.func @loss_grad(
// CHECK:         dl.sub %{{.*}}, %{{.*}} : tensor<2x5xf32>, tensor<2x1xf32> -> tensor<2x5xf32>
// CHECK-NEXT:    %[[DZ:.*]] = dl.mul %{{.*}}, %{{.*}} : tensor<2x5xf32>, tensor<2x5xf32> -> tensor<2x5xf32>
// CHECK-NEXT:    return %{{.*}}, %[[DZ]]
func.func @loss(%s: tensor<2x5xf32> {dl.role = "parameter", dl.name = "s"}) -> tensor<f32> {
  %0 = dl.masked_softmax %s : tensor<2x5xf32>
  %1 = dl.reduce_sum %0 axes = [0, 1] : tensor<2x5xf32> -> tensor<f32>
  return %1 : tensor<f32>
}

// -----

// sequence_fill: the filled positions get no cotangent.
// CHECK-LABEL: func.func @loss_grad(
// CHECK-SAME:    %[[X:[^:]*]]: tensor<2x5xf32> {{.*}}, %[[N:[^:]*]]: tensor<2xi64>
// CHECK:         %[[G:.*]] = dl.broadcast_to
// CHECK-NEXT:    %[[DX:.*]] = dl.sequence_fill %[[G]], %[[N]] value = 0.000000e+00
// CHECK-NEXT:    return %{{.*}}, %[[DX]]
func.func @loss(%x: tensor<2x5xf32> {dl.role = "parameter", dl.name = "x"}, %n: tensor<2xi64>) -> tensor<f32> {
  %0 = dl.sequence_fill %x, %n value = 3.0 : tensor<2x5xf32>, tensor<2xi64>
  %1 = dl.reduce_sum %0 axes = [0, 1] : tensor<2x5xf32> -> tensor<f32>
  return %1 : tensor<f32>
}

// -----

// target_weights passes nothing back: a weight that is a parameter gets zeros.
// CHECK-LABEL: func.func @loss_grad(
// CHECK:         %[[Z:.*]] = dl.constant dense<0.000000e+00> : tensor<5xf32>
// CHECK-NEXT:    return %{{.*}}, %[[Z]]
func.func @loss(%w: tensor<5xf32> {dl.role = "parameter", dl.name = "w"}, %y: tensor<8xi64>) -> tensor<f32> {
  %0 = dl.target_weights %y classes = 5 weight %w : tensor<8xi64>, tensor<5xf32> -> tensor<8x5xf32>
  %1 = dl.reduce_sum %0 axes = [0, 1] : tensor<8x5xf32> -> tensor<f32>
  return %1 : tensor<f32>
}

// -----

// class_weighted_sum: d input = weights * g, d weights = input * g, with g
// given back its class axis.
// CHECK-LABEL: func.func @loss_grad(
// CHECK-SAME:    %[[T:[^:]*]]: tensor<4x5x3xf32> {{.*}}, %[[X:[^:]*]]: tensor<4x5x3xf32>
// CHECK:         %[[G:.*]] = dl.reshape %{{.*}} : tensor<4x3xf32> -> tensor<4x1x3xf32>
// CHECK-NEXT:    %[[DT:.*]] = dl.mul %[[X]], %[[G]] : tensor<4x5x3xf32>, tensor<4x1x3xf32> -> tensor<4x5x3xf32>
// CHECK-NEXT:    %[[DX:.*]] = dl.mul %[[T]], %[[G]] : tensor<4x5x3xf32>, tensor<4x1x3xf32> -> tensor<4x5x3xf32>
// CHECK-NEXT:    return %{{.*}}, %[[DT]], %[[DX]]
func.func @loss(%t: tensor<4x5x3xf32> {dl.role = "parameter", dl.name = "t"}, %x: tensor<4x5x3xf32> {dl.role = "parameter", dl.name = "x"}) -> tensor<f32> {
  %0 = dl.class_weighted_sum %t, %x : tensor<4x5x3xf32>, tensor<4x5x3xf32> -> tensor<4x3xf32>
  %1 = dl.reduce_sum %0 axes = [0, 1] : tensor<4x3xf32> -> tensor<f32>
  return %1 : tensor<f32>
}
