// RUN: dlc-opt %s -dl-autodiff -split-input-file | FileCheck %s

// dl-autodiff clones @loss as @loss_grad and appends, before its return, the
// VJP of every op on the path to the loss (seeded with 1), returning the
// primal results followed by one gradient per trainable argument.

// The primal function is kept unchanged.
// CHECK-LABEL: func.func @loss(%{{.*}}: tensor<f32>{{( \{[^}]*\})?}}) -> tensor<f32>{{( \{[^}]*\})?}} {
// CHECK-NEXT:    dl.exp
// CHECK-NEXT:    return
// CHECK-NEXT:  }
// CHECK-LABEL: func.func @loss_grad(%{{.*}}: tensor<f32>{{( \{[^}]*\})?}}) -> (tensor<f32>{{( \{[^}]*\})?}}, tensor<f32>{{( \{[^}]*\})?}})
// CHECK:         %[[Y:.*]] = dl.exp %[[X:.*]] : tensor<f32>
// CHECK-NEXT:    %[[ONE:.*]] = dl.constant dense<1.000000e+00> : tensor<f32>
// CHECK-NEXT:    %[[DX:.*]] = dl.mul %[[ONE]], %[[Y]] : tensor<f32>, tensor<f32> -> tensor<f32>
// CHECK-NEXT:    return %[[Y]], %[[DX]] : tensor<f32>, tensor<f32>
func.func @loss(%x: tensor<f32> {dl.role = "parameter"}) -> tensor<f32> {
  %0 = dl.exp %x : tensor<f32>
  return %0 : tensor<f32>
}

// -----

// add with broadcasting: the cotangent of the broadcast operand is summed
// over the stretched axes (keepdims) and reshaped back to its type.
// CHECK-LABEL: func.func @loss_grad(
// CHECK-SAME:  %[[X:.*]]: tensor<4x3xf32>{{( \{[^}]*\})?}}, %[[B:.*]]: tensor<3xf32>{{( \{[^}]*\})?}}) -> (tensor<f32>{{( \{[^}]*\})?}}, tensor<4x3xf32>{{( \{[^}]*\})?}}, tensor<3xf32>{{( \{[^}]*\})?}})
// CHECK:         %[[L:.*]] = dl.reduce_sum %{{.*}} axes = [0, 1] : tensor<4x3xf32> -> tensor<f32>
// CHECK-NEXT:    %[[ONE:.*]] = dl.constant dense<1.000000e+00> : tensor<f32>
// reduce_sum's VJP: reshape to keepdims form, then broadcast back.
// CHECK-NEXT:    %[[R:.*]] = dl.reshape %[[ONE]] : tensor<f32> -> tensor<1x1xf32>
// CHECK-NEXT:    %[[G:.*]] = dl.broadcast_to %[[R]] : tensor<1x1xf32> -> tensor<4x3xf32>
// CHECK-NEXT:    %[[S:.*]] = dl.reduce_sum %[[G]] axes = [0] keepdims : tensor<4x3xf32> -> tensor<1x3xf32>
// CHECK-NEXT:    %[[DB:.*]] = dl.reshape %[[S]] : tensor<1x3xf32> -> tensor<3xf32>
// CHECK-NEXT:    return %[[L]], %[[G]], %[[DB]] : tensor<f32>, tensor<4x3xf32>, tensor<3xf32>
func.func @loss(%x: tensor<4x3xf32> {dl.role = "parameter"}, %b: tensor<3xf32> {dl.role = "parameter"}) -> tensor<f32> {
  %0 = dl.add %x, %b : tensor<4x3xf32>, tensor<3xf32> -> tensor<4x3xf32>
  %1 = dl.reduce_sum %0 axes = [0, 1] : tensor<4x3xf32> -> tensor<f32>
  return %1 : tensor<f32>
}

// -----

// A rank-0 operand of add gets the sum over every axis, reshaped to rank 0.
// CHECK-LABEL: func.func @loss_grad(%{{.*}}: tensor<f32>{{( \{[^}]*\})?}}, %{{.*}}: tensor<2x3xf32>{{( \{[^}]*\})?}}) -> (tensor<f32>{{( \{[^}]*\})?}}, tensor<f32>{{( \{[^}]*\})?}}, tensor<2x3xf32>{{( \{[^}]*\})?}})
// CHECK:         %[[G:.*]] = dl.broadcast_to %{{.*}} : tensor<1x1xf32> -> tensor<2x3xf32>
// CHECK-NEXT:    %[[S:.*]] = dl.reduce_sum %[[G]] axes = [0, 1] keepdims : tensor<2x3xf32> -> tensor<1x1xf32>
// CHECK-NEXT:    %[[DS:.*]] = dl.reshape %[[S]] : tensor<1x1xf32> -> tensor<f32>
// CHECK-NEXT:    return %{{.*}}, %[[DS]], %[[G]]
func.func @loss(%s: tensor<f32> {dl.role = "parameter"}, %x: tensor<2x3xf32> {dl.role = "parameter"}) -> tensor<f32> {
  %0 = dl.add %s, %x : tensor<f32>, tensor<2x3xf32> -> tensor<2x3xf32>
  %1 = dl.reduce_sum %0 axes = [0, 1] : tensor<2x3xf32> -> tensor<f32>
  return %1 : tensor<f32>
}

// -----

// mul: d(x * b) = (g * b, g * x); b is broadcast along axis 1 (size 1), so its
// cotangent is summed with keepdims and needs no reshape.
// CHECK-LABEL: func.func @loss_grad(
// CHECK-SAME:  %[[X:.*]]: tensor<4x3xf32>{{( \{[^}]*\})?}}, %[[B:.*]]: tensor<4x1xf32>{{( \{[^}]*\})?}})
// CHECK:         %[[G:.*]] = dl.broadcast_to %{{.*}} : tensor<1x1xf32> -> tensor<4x3xf32>
// CHECK-NEXT:    %[[DX:.*]] = dl.mul %[[G]], %[[B]] : tensor<4x3xf32>, tensor<4x1xf32> -> tensor<4x3xf32>
// CHECK-NEXT:    %[[GX:.*]] = dl.mul %[[G]], %[[X]] : tensor<4x3xf32>, tensor<4x3xf32> -> tensor<4x3xf32>
// CHECK-NEXT:    %[[DB:.*]] = dl.reduce_sum %[[GX]] axes = [1] keepdims : tensor<4x3xf32> -> tensor<4x1xf32>
// CHECK-NEXT:    return %{{.*}}, %[[DX]], %[[DB]] : tensor<f32>, tensor<4x3xf32>, tensor<4x1xf32>
func.func @loss(%x: tensor<4x3xf32> {dl.role = "parameter"}, %b: tensor<4x1xf32> {dl.role = "parameter"}) -> tensor<f32> {
  %0 = dl.mul %x, %b : tensor<4x3xf32>, tensor<4x1xf32> -> tensor<4x3xf32>
  %1 = dl.reduce_sum %0 axes = [0, 1] : tensor<4x3xf32> -> tensor<f32>
  return %1 : tensor<f32>
}

// -----

// sub: d(a - b) = (g, -g).
// CHECK-LABEL: func.func @loss_grad(%{{.*}}: tensor<3xf32>{{( \{[^}]*\})?}}, %{{.*}}: tensor<3xf32>{{( \{[^}]*\})?}})
// CHECK:         %[[G:.*]] = dl.broadcast_to %{{.*}} : tensor<1xf32> -> tensor<3xf32>
// CHECK-NEXT:    %[[NEG:.*]] = dl.neg %[[G]] : tensor<3xf32>
// CHECK-NEXT:    return %{{.*}}, %[[G]], %[[NEG]]
func.func @loss(%a: tensor<3xf32> {dl.role = "parameter"}, %b: tensor<3xf32> {dl.role = "parameter"}) -> tensor<f32> {
  %0 = dl.sub %a, %b : tensor<3xf32>, tensor<3xf32> -> tensor<3xf32>
  %1 = dl.reduce_sum %0 axes = [0] : tensor<3xf32> -> tensor<f32>
  return %1 : tensor<f32>
}

// -----

// div: d(a / b) = (g / b, -(g / b) * y / b) with the result y reused.
// CHECK-LABEL: func.func @loss_grad(
// CHECK-SAME:  %[[A:.*]]: tensor<f32>{{( \{[^}]*\})?}}, %[[B:.*]]: tensor<f32>{{( \{[^}]*\})?}})
// CHECK:         %[[Y:.*]] = dl.div %[[A]], %[[B]]
// CHECK-NEXT:    %[[ONE:.*]] = dl.constant dense<1.000000e+00> : tensor<f32>
// CHECK-NEXT:    %[[DA:.*]] = dl.div %[[ONE]], %[[B]]
// CHECK-NEXT:    %[[T:.*]] = dl.mul %[[DA]], %[[Y]]
// CHECK-NEXT:    %[[DB:.*]] = dl.neg %[[T]]
// CHECK-NEXT:    return %[[Y]], %[[DA]], %[[DB]]
func.func @loss(%a: tensor<f32> {dl.role = "parameter"}, %b: tensor<f32> {dl.role = "parameter"}) -> tensor<f32> {
  %0 = dl.div %a, %b : tensor<f32>, tensor<f32> -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

// sigmoid: d(σ(x)) = g * (y * (1 - y)), built from the forward result y.
// CHECK-LABEL: func.func @loss_grad(
// CHECK-SAME:  %[[X:.*]]: tensor<4x3xf32>{{( \{[^}]*\})?}})
// CHECK:         %[[Y:.*]] = dl.sigmoid %[[X]] : tensor<4x3xf32>
// CHECK:         %[[G:.*]] = dl.broadcast_to %{{.*}} : tensor<1x1xf32> -> tensor<4x3xf32>
// CHECK-NEXT:    %[[ONE:.*]] = dl.constant dense<1.000000e+00> : tensor<f32>
// CHECK-NEXT:    %[[OMY:.*]] = dl.sub %[[ONE]], %[[Y]] : tensor<f32>, tensor<4x3xf32> -> tensor<4x3xf32>
// CHECK-NEXT:    %[[D:.*]] = dl.mul %[[Y]], %[[OMY]] : tensor<4x3xf32>, tensor<4x3xf32> -> tensor<4x3xf32>
// CHECK-NEXT:    %[[DX:.*]] = dl.mul %[[G]], %[[D]] : tensor<4x3xf32>, tensor<4x3xf32> -> tensor<4x3xf32>
// CHECK-NEXT:    return %{{.*}}, %[[DX]]
func.func @loss(%x: tensor<4x3xf32> {dl.role = "parameter"}) -> tensor<f32> {
  %0 = dl.sigmoid %x : tensor<4x3xf32>
  %1 = dl.reduce_sum %0 axes = [0, 1] : tensor<4x3xf32> -> tensor<f32>
  return %1 : tensor<f32>
}

// -----

// tanh: g * (1 - y*y).
// CHECK-LABEL: func.func @loss_grad(
// CHECK-SAME:  %[[X:.*]]: tensor<3xf32>{{( \{[^}]*\})?}})
// CHECK:         %[[Y:.*]] = dl.tanh %[[X]]
// CHECK:         %[[G:.*]] = dl.broadcast_to
// CHECK-NEXT:    %[[Y2:.*]] = dl.mul %[[Y]], %[[Y]]
// CHECK-NEXT:    %[[ONE:.*]] = dl.constant dense<1.000000e+00> : tensor<f32>
// CHECK-NEXT:    %[[D:.*]] = dl.sub %[[ONE]], %[[Y2]]
// CHECK-NEXT:    %[[DX:.*]] = dl.mul %[[G]], %[[D]]
// CHECK-NEXT:    return %{{.*}}, %[[DX]]
func.func @loss(%x: tensor<3xf32> {dl.role = "parameter"}) -> tensor<f32> {
  %0 = dl.tanh %x : tensor<3xf32>
  %1 = dl.reduce_sum %0 axes = [0] : tensor<3xf32> -> tensor<f32>
  return %1 : tensor<f32>
}

// -----

// relu: g * sign(y); log: g / x.
// CHECK-LABEL: func.func @loss_grad(
// CHECK-SAME:  %[[X:.*]]: tensor<3xf32>{{( \{[^}]*\})?}})
// CHECK:         %[[Y:.*]] = dl.relu %[[X]]
// CHECK:         %[[L:.*]] = dl.log %[[Y]]
// CHECK:         %[[G:.*]] = dl.broadcast_to
// CHECK-NEXT:    %[[GL:.*]] = dl.div %[[G]], %[[Y]]
// CHECK-NEXT:    %[[S:.*]] = dl.sign %[[Y]]
// CHECK-NEXT:    %[[DX:.*]] = dl.mul %[[GL]], %[[S]]
// CHECK-NEXT:    return %{{.*}}, %[[DX]]
func.func @loss(%x: tensor<3xf32> {dl.role = "parameter"}) -> tensor<f32> {
  %0 = dl.relu %x : tensor<3xf32>
  %1 = dl.log %0 : tensor<3xf32>
  %2 = dl.reduce_sum %1 axes = [0] : tensor<3xf32> -> tensor<f32>
  return %2 : tensor<f32>
}

// -----

// sign passes no gradient: its operand gets zeros.
// CHECK-LABEL: func.func @loss_grad(%{{.*}}: tensor<3xf32>{{( \{[^}]*\})?}})
// CHECK:         %[[Z:.*]] = dl.constant dense<0.000000e+00> : tensor<3xf32>
// CHECK-NEXT:    return %{{.*}}, %[[Z]]
func.func @loss(%x: tensor<3xf32> {dl.role = "parameter"}) -> tensor<f32> {
  %0 = dl.sign %x : tensor<3xf32>
  %1 = dl.reduce_sum %0 axes = [0] : tensor<3xf32> -> tensor<f32>
  return %1 : tensor<f32>
}

// -----

// matmul with transpose_rhs (a linear layer x·Wᵀ): dx = g·W, dW = gᵀ·x.
// CHECK-LABEL: func.func @loss_grad(
// CHECK-SAME:  %[[X:.*]]: tensor<8x4xf32>{{( \{[^}]*\})?}}, %[[W:.*]]: tensor<3x4xf32>{{( \{[^}]*\})?}}) -> (tensor<f32>{{( \{[^}]*\})?}}, tensor<8x4xf32>{{( \{[^}]*\})?}}, tensor<3x4xf32>{{( \{[^}]*\})?}})
// CHECK:         dl.matmul %[[X]], %[[W]] transpose_rhs : tensor<8x4xf32>, tensor<3x4xf32> -> tensor<8x3xf32>
// CHECK:         %[[G:.*]] = dl.broadcast_to %{{.*}} : tensor<1x1xf32> -> tensor<8x3xf32>
// CHECK-NEXT:    %[[DX:.*]] = dl.matmul %[[G]], %[[W]] : tensor<8x3xf32>, tensor<3x4xf32> -> tensor<8x4xf32>
// CHECK-NEXT:    %[[DW:.*]] = dl.matmul %[[G]], %[[X]] transpose_lhs : tensor<8x3xf32>, tensor<8x4xf32> -> tensor<3x4xf32>
// CHECK-NEXT:    return %{{.*}}, %[[DX]], %[[DW]]
func.func @loss(%x: tensor<8x4xf32> {dl.role = "parameter"}, %w: tensor<3x4xf32> {dl.role = "parameter"}) -> tensor<f32> {
  %0 = dl.matmul %x, %w transpose_rhs : tensor<8x4xf32>, tensor<3x4xf32> -> tensor<8x3xf32>
  %1 = dl.reduce_sum %0 axes = [0, 1] : tensor<8x3xf32> -> tensor<f32>
  return %1 : tensor<f32>
}

// -----

// Plain matmul: dA = g·Bᵀ, dB = Aᵀ·g.
// CHECK-LABEL: func.func @loss_grad(
// CHECK-SAME:  %[[A:.*]]: tensor<2x5xf32>{{( \{[^}]*\})?}}, %[[B:.*]]: tensor<5x3xf32>{{( \{[^}]*\})?}})
// CHECK:         %[[G:.*]] = dl.broadcast_to %{{.*}} : tensor<1x1xf32> -> tensor<2x3xf32>
// CHECK-NEXT:    %[[DA:.*]] = dl.matmul %[[G]], %[[B]] transpose_rhs : tensor<2x3xf32>, tensor<5x3xf32> -> tensor<2x5xf32>
// CHECK-NEXT:    %[[DB:.*]] = dl.matmul %[[A]], %[[G]] transpose_lhs : tensor<2x5xf32>, tensor<2x3xf32> -> tensor<5x3xf32>
// CHECK-NEXT:    return %{{.*}}, %[[DA]], %[[DB]]
func.func @loss(%a: tensor<2x5xf32> {dl.role = "parameter"}, %b: tensor<5x3xf32> {dl.role = "parameter"}) -> tensor<f32> {
  %0 = dl.matmul %a, %b : tensor<2x5xf32>, tensor<5x3xf32> -> tensor<2x3xf32>
  %1 = dl.reduce_sum %0 axes = [0, 1] : tensor<2x3xf32> -> tensor<f32>
  return %1 : tensor<f32>
}

// -----

// matmul with transpose_lhs: dA = B·gᵀ, dB = A·g.
// CHECK-LABEL: func.func @loss_grad(
// CHECK-SAME:  %[[A:.*]]: tensor<5x2xf32>{{( \{[^}]*\})?}}, %[[B:.*]]: tensor<5x3xf32>{{( \{[^}]*\})?}})
// CHECK:         %[[G:.*]] = dl.broadcast_to %{{.*}} : tensor<1x1xf32> -> tensor<2x3xf32>
// CHECK-NEXT:    %[[DA:.*]] = dl.matmul %[[B]], %[[G]] transpose_rhs : tensor<5x3xf32>, tensor<2x3xf32> -> tensor<5x2xf32>
// CHECK-NEXT:    %[[DB:.*]] = dl.matmul %[[A]], %[[G]] : tensor<5x2xf32>, tensor<2x3xf32> -> tensor<5x3xf32>
// CHECK-NEXT:    return %{{.*}}, %[[DA]], %[[DB]]
func.func @loss(%a: tensor<5x2xf32> {dl.role = "parameter"}, %b: tensor<5x3xf32> {dl.role = "parameter"}) -> tensor<f32> {
  %0 = dl.matmul %a, %b transpose_lhs : tensor<5x2xf32>, tensor<5x3xf32> -> tensor<2x3xf32>
  %1 = dl.reduce_sum %0 axes = [0, 1] : tensor<2x3xf32> -> tensor<f32>
  return %1 : tensor<f32>
}

// -----

// matmul with both transposes: dA = Bᵀ·gᵀ, dB = gᵀ·Aᵀ.
// CHECK-LABEL: func.func @loss_grad(
// CHECK-SAME:  %[[A:.*]]: tensor<5x2xf32>{{( \{[^}]*\})?}}, %[[B:.*]]: tensor<3x5xf32>{{( \{[^}]*\})?}})
// CHECK:         %[[G:.*]] = dl.broadcast_to %{{.*}} : tensor<1x1xf32> -> tensor<2x3xf32>
// CHECK-NEXT:    %[[DA:.*]] = dl.matmul %[[B]], %[[G]] transpose_lhs transpose_rhs : tensor<3x5xf32>, tensor<2x3xf32> -> tensor<5x2xf32>
// CHECK-NEXT:    %[[DB:.*]] = dl.matmul %[[G]], %[[A]] transpose_lhs transpose_rhs : tensor<2x3xf32>, tensor<5x2xf32> -> tensor<3x5xf32>
// CHECK-NEXT:    return %{{.*}}, %[[DA]], %[[DB]]
func.func @loss(%a: tensor<5x2xf32> {dl.role = "parameter"}, %b: tensor<3x5xf32> {dl.role = "parameter"}) -> tensor<f32> {
  %0 = dl.matmul %a, %b transpose_lhs transpose_rhs : tensor<5x2xf32>, tensor<3x5xf32> -> tensor<2x3xf32>
  %1 = dl.reduce_sum %0 axes = [0, 1] : tensor<2x3xf32> -> tensor<f32>
  return %1 : tensor<f32>
}

// -----

// conv2d and avg_pool2d: backward ops with the forward attributes; the pool
// backward takes the forward input, the conv backward ops the cotangent.
// CHECK-LABEL: func.func @loss_grad(
// CHECK-SAME:  %[[X:.*]]: tensor<2x1x8x8xf32>{{( \{[^}]*\})?}}, %[[W:.*]]: tensor<4x1x3x3xf32>{{( \{[^}]*\})?}}) -> (tensor<f32>{{( \{[^}]*\})?}}, tensor<2x1x8x8xf32>{{( \{[^}]*\})?}}, tensor<4x1x3x3xf32>{{( \{[^}]*\})?}})
// CHECK:         %[[C:.*]] = dl.conv2d %[[X]], %[[W]] stride = [1, 1] padding = [1, 1]
// CHECK:         %[[G:.*]] = dl.broadcast_to %{{.*}} : tensor<1x1x1x1xf32> -> tensor<2x4x4x4xf32>
// CHECK-NEXT:    %[[DC:.*]] = dl.avg_pool2d_backward %[[G]], %[[C]] kernel = [2, 2] stride = [2, 2] padding = [0, 0] : tensor<2x4x4x4xf32>, tensor<2x4x8x8xf32> -> tensor<2x4x8x8xf32>
// CHECK-NEXT:    %[[DX:.*]] = dl.conv2d_backward_data %[[DC]], %[[W]] stride = [1, 1] padding = [1, 1] : tensor<2x4x8x8xf32>, tensor<4x1x3x3xf32> -> tensor<2x1x8x8xf32>
// CHECK-NEXT:    %[[DW:.*]] = dl.conv2d_backward_filter %[[X]], %[[DC]] stride = [1, 1] padding = [1, 1] : tensor<2x1x8x8xf32>, tensor<2x4x8x8xf32> -> tensor<4x1x3x3xf32>
// CHECK-NEXT:    return %{{.*}}, %[[DX]], %[[DW]]
func.func @loss(%x: tensor<2x1x8x8xf32> {dl.role = "parameter"}, %w: tensor<4x1x3x3xf32> {dl.role = "parameter"}) -> tensor<f32> {
  %0 = dl.conv2d %x, %w stride = [1, 1] padding = [1, 1] : tensor<2x1x8x8xf32>, tensor<4x1x3x3xf32> -> tensor<2x4x8x8xf32>
  %1 = dl.avg_pool2d %0 kernel = [2, 2] stride = [2, 2] padding = [0, 0] : tensor<2x4x8x8xf32> -> tensor<2x4x4x4xf32>
  %2 = dl.reduce_sum %1 axes = [0, 1, 2, 3] : tensor<2x4x4x4xf32> -> tensor<f32>
  return %2 : tensor<f32>
}

// -----

// Strided conv2d: conv2d_backward_data gets the forward input type (9x9),
// which the output shape (4x4) alone does not determine. max_pool2d's rule
// replaces the forward by max_pool2d_with_workspace, whose arg-max
// workspace the backward reads (no recomputation).
// CHECK-LABEL: func.func @loss_grad(
// CHECK-SAME:  %[[X:.*]]: tensor<1x2x9x9xf32>{{( \{[^}]*\})?}}, %[[W:.*]]: tensor<3x2x3x3xf32>{{( \{[^}]*\})?}})
// CHECK:         %[[Y:.*]], %[[WS:.*]] = dl.max_pool2d_with_workspace %{{.*}} kernel = [2, 2] stride = [2, 2] padding = [1, 1] : tensor<1x3x4x4xf32> -> tensor<1x3x3x3xf32>, tensor<27xi8>
// The forward's users now read %[[Y]]; the old op is dead (canonicalize drops it).
// CHECK:         dl.reduce_sum %[[Y]]
// CHECK:         dl.max_pool2d_backward %{{.*}}, %[[WS]] kernel = [2, 2] stride = [2, 2] padding = [1, 1] : tensor<1x3x3x3xf32>, tensor<27xi8> -> tensor<1x3x4x4xf32>
// CHECK-NEXT:    dl.conv2d_backward_data %{{.*}}, %[[W]] stride = [2, 2] padding = [0, 0] : tensor<1x3x4x4xf32>, tensor<3x2x3x3xf32> -> tensor<1x2x9x9xf32>
// CHECK-NEXT:    dl.conv2d_backward_filter %[[X]], %{{.*}} stride = [2, 2] padding = [0, 0] : tensor<1x2x9x9xf32>, tensor<1x3x4x4xf32> -> tensor<3x2x3x3xf32>
func.func @loss(%x: tensor<1x2x9x9xf32> {dl.role = "parameter"}, %w: tensor<3x2x3x3xf32> {dl.role = "parameter"}) -> tensor<f32> {
  %0 = dl.conv2d %x, %w stride = [2, 2] padding = [0, 0] : tensor<1x2x9x9xf32>, tensor<3x2x3x3xf32> -> tensor<1x3x4x4xf32>
  %1 = dl.max_pool2d %0 kernel = [2, 2] stride = [2, 2] padding = [1, 1] : tensor<1x3x4x4xf32> -> tensor<1x3x3x3xf32>
  %2 = dl.reduce_sum %1 axes = [0, 1, 2, 3] : tensor<1x3x3x3xf32> -> tensor<f32>
  return %2 : tensor<f32>
}

// -----

// softmax_cross_entropy: (softmax(x) - one_hot(t)) * (g / N); integer labels
// get no gradient (and, not being f32, are not trainable).
// CHECK-LABEL: func.func @loss_grad(
// CHECK-SAME:  %[[X:.*]]: tensor<4x10xf32>{{( \{[^}]*\})?}}, %[[T:.*]]: tensor<4xi32>{{( \{[^}]*\})?}}) -> (tensor<f32>{{( \{[^}]*\})?}}, tensor<4x10xf32>{{( \{[^}]*\})?}})
// CHECK:         %[[L:.*]] = dl.softmax_cross_entropy %[[X]], %[[T]]
// CHECK-NEXT:    %[[ONE:.*]] = dl.constant dense<1.000000e+00> : tensor<f32>
// CHECK-NEXT:    %[[P:.*]] = dl.softmax %[[X]] axis = 1 : tensor<4x10xf32>
// CHECK-NEXT:    %[[OH:.*]] = dl.one_hot %[[T]] classes = 10 : tensor<4xi32> -> tensor<4x10xf32>
// CHECK-NEXT:    %[[N:.*]] = dl.constant dense<4.000000e+00> : tensor<f32>
// CHECK-NEXT:    %[[SCALE:.*]] = dl.div %[[ONE]], %[[N]] : tensor<f32>, tensor<f32> -> tensor<f32>
// CHECK-NEXT:    %[[D:.*]] = dl.sub %[[P]], %[[OH]] : tensor<4x10xf32>, tensor<4x10xf32> -> tensor<4x10xf32>
// CHECK-NEXT:    %[[DX:.*]] = dl.mul %[[D]], %[[SCALE]] : tensor<4x10xf32>, tensor<f32> -> tensor<4x10xf32>
// CHECK-NEXT:    return %[[L]], %[[DX]] : tensor<f32>, tensor<4x10xf32>
func.func @loss(%x: tensor<4x10xf32> {dl.role = "parameter"}, %t: tensor<4xi32>) -> tensor<f32> {
  %0 = dl.softmax_cross_entropy %x, %t : tensor<4x10xf32>, tensor<4xi32> -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

// softmax: y * (g - sum(g * y, axis, keepdims)).
// CHECK-LABEL: func.func @loss_grad(
// CHECK-SAME:  %[[X:.*]]: tensor<2x3xf32>{{( \{[^}]*\})?}}, %[[C:.*]]: tensor<2x3xf32>{{( \{[^}]*\})?}})
// CHECK:         %[[Y:.*]] = dl.softmax %[[X]] axis = 1
// CHECK:         %[[G:.*]] = dl.broadcast_to
// CHECK-NEXT:    %[[DY:.*]] = dl.mul %[[G]], %[[C]]
// CHECK-NEXT:    %[[DC:.*]] = dl.mul %[[G]], %[[Y]]
// CHECK-NEXT:    %[[GY:.*]] = dl.mul %[[DY]], %[[Y]]
// CHECK-NEXT:    %[[S:.*]] = dl.reduce_sum %[[GY]] axes = [1] keepdims : tensor<2x3xf32> -> tensor<2x1xf32>
// CHECK-NEXT:    %[[D:.*]] = dl.sub %[[DY]], %[[S]] : tensor<2x3xf32>, tensor<2x1xf32> -> tensor<2x3xf32>
// CHECK-NEXT:    %[[DX:.*]] = dl.mul %[[Y]], %[[D]]
// CHECK-NEXT:    return %{{.*}}, %[[DX]], %[[DC]]
func.func @loss(%x: tensor<2x3xf32> {dl.role = "parameter"}, %c: tensor<2x3xf32> {dl.role = "parameter"}) -> tensor<f32> {
  %0 = dl.softmax %x axis = 1 : tensor<2x3xf32>
  %1 = dl.mul %0, %c : tensor<2x3xf32>, tensor<2x3xf32> -> tensor<2x3xf32>
  %2 = dl.reduce_sum %1 axes = [0, 1] : tensor<2x3xf32> -> tensor<f32>
  return %2 : tensor<f32>
}

// -----

// reduce_max: the cotangent goes where x attains the max, split between
// ties: mask = 1 - sign(max - x), dx = mask * g / sum(mask). Without keepdims
// the max and g are first reshaped to their keepdims form.
// CHECK-LABEL: func.func @loss_grad(
// CHECK-SAME:  %[[X:.*]]: tensor<2x3xf32>{{( \{[^}]*\})?}}) -> (tensor<f32>{{( \{[^}]*\})?}}, tensor<2x3xf32>{{( \{[^}]*\})?}})
// CHECK:         %[[Y:.*]] = dl.reduce_max %[[X]] axes = [1] : tensor<2x3xf32> -> tensor<2xf32>
// CHECK:         %[[G:.*]] = dl.broadcast_to %{{.*}} : tensor<1xf32> -> tensor<2xf32>
// CHECK-NEXT:    %[[YK:.*]] = dl.reshape %[[Y]] : tensor<2xf32> -> tensor<2x1xf32>
// CHECK-NEXT:    %[[GK:.*]] = dl.reshape %[[G]] : tensor<2xf32> -> tensor<2x1xf32>
// CHECK-NEXT:    %[[D:.*]] = dl.sub %[[YK]], %[[X]] : tensor<2x1xf32>, tensor<2x3xf32> -> tensor<2x3xf32>
// CHECK-NEXT:    %[[SG:.*]] = dl.sign %[[D]] : tensor<2x3xf32>
// CHECK-NEXT:    %[[ONE:.*]] = dl.constant dense<1.000000e+00> : tensor<f32>
// CHECK-NEXT:    %[[MASK:.*]] = dl.sub %[[ONE]], %[[SG]] : tensor<f32>, tensor<2x3xf32> -> tensor<2x3xf32>
// CHECK-NEXT:    %[[TIES:.*]] = dl.reduce_sum %[[MASK]] axes = [1] keepdims : tensor<2x3xf32> -> tensor<2x1xf32>
// CHECK-NEXT:    %[[SHARE:.*]] = dl.div %[[GK]], %[[TIES]] : tensor<2x1xf32>, tensor<2x1xf32> -> tensor<2x1xf32>
// CHECK-NEXT:    %[[DX:.*]] = dl.mul %[[MASK]], %[[SHARE]] : tensor<2x3xf32>, tensor<2x1xf32> -> tensor<2x3xf32>
// CHECK-NEXT:    return %{{.*}}, %[[DX]]
func.func @loss(%x: tensor<2x3xf32> {dl.role = "parameter"}) -> tensor<f32> {
  %0 = dl.reduce_max %x axes = [1] : tensor<2x3xf32> -> tensor<2xf32>
  %1 = dl.reduce_sum %0 axes = [0] : tensor<2xf32> -> tensor<f32>
  return %1 : tensor<f32>
}

// -----

// log_softmax: g - exp(y) * sum(g, axis, keepdims).
// CHECK-LABEL: func.func @loss_grad(
// CHECK-SAME:  %[[X:.*]]: tensor<2x3xf32>{{( \{[^}]*\})?}}, %[[C:.*]]: tensor<2x3xf32>{{( \{[^}]*\})?}})
// CHECK:         %[[Y:.*]] = dl.log_softmax %[[X]] axis = 1
// CHECK:         %[[G:.*]] = dl.broadcast_to
// CHECK-NEXT:    %[[DY:.*]] = dl.mul %[[G]], %[[C]]
// CHECK-NEXT:    %[[DC:.*]] = dl.mul %[[G]], %[[Y]]
// CHECK-NEXT:    %[[S:.*]] = dl.reduce_sum %[[DY]] axes = [1] keepdims : tensor<2x3xf32> -> tensor<2x1xf32>
// CHECK-NEXT:    %[[P:.*]] = dl.exp %[[Y]] : tensor<2x3xf32>
// CHECK-NEXT:    %[[PS:.*]] = dl.mul %[[P]], %[[S]] : tensor<2x3xf32>, tensor<2x1xf32> -> tensor<2x3xf32>
// CHECK-NEXT:    %[[DX:.*]] = dl.sub %[[DY]], %[[PS]] : tensor<2x3xf32>, tensor<2x3xf32> -> tensor<2x3xf32>
// CHECK-NEXT:    return %{{.*}}, %[[DX]], %[[DC]]
func.func @loss(%x: tensor<2x3xf32> {dl.role = "parameter"}, %c: tensor<2x3xf32> {dl.role = "parameter"}) -> tensor<f32> {
  %0 = dl.log_softmax %x axis = 1 : tensor<2x3xf32>
  %1 = dl.mul %0, %c : tensor<2x3xf32>, tensor<2x3xf32> -> tensor<2x3xf32>
  %2 = dl.reduce_sum %1 axes = [0, 1] : tensor<2x3xf32> -> tensor<f32>
  return %2 : tensor<f32>
}

// -----

// reshape and broadcast_to: the cotangent is reshaped back / un-broadcast.
// CHECK-LABEL: func.func @loss_grad(%{{.*}}: tensor<2x3xf32>{{( \{[^}]*\})?}}, %{{.*}}: tensor<1x6xf32>{{( \{[^}]*\})?}})
// CHECK:         %[[G:.*]] = dl.broadcast_to %{{.*}} : tensor<1x1xf32> -> tensor<4x6xf32>
// CHECK-NEXT:    %[[SB:.*]] = dl.reduce_sum %[[G]] axes = [0] keepdims : tensor<4x6xf32> -> tensor<1x6xf32>
// CHECK-NEXT:    %[[SR:.*]] = dl.reduce_sum %[[G]] axes = [0] keepdims : tensor<4x6xf32> -> tensor<1x6xf32>
// CHECK-NEXT:    %[[DR:.*]] = dl.reshape %[[SR]] : tensor<1x6xf32> -> tensor<2x3xf32>
// CHECK-NEXT:    return %{{.*}}, %[[DR]], %[[SB]]
func.func @loss(%x: tensor<2x3xf32> {dl.role = "parameter"}, %b: tensor<1x6xf32> {dl.role = "parameter"}) -> tensor<f32> {
  %0 = dl.reshape %x : tensor<2x3xf32> -> tensor<1x6xf32>
  %1 = dl.broadcast_to %0 : tensor<1x6xf32> -> tensor<4x6xf32>
  %2 = dl.add %1, %b : tensor<4x6xf32>, tensor<1x6xf32> -> tensor<4x6xf32>
  %3 = dl.reduce_sum %2 axes = [0, 1] : tensor<4x6xf32> -> tensor<f32>
  return %3 : tensor<f32>
}

// -----

// A value used twice: the cotangents of both uses are summed with dl.add.
// CHECK-LABEL: func.func @loss_grad(
// CHECK-SAME:  %[[X:.*]]: tensor<3xf32>{{( \{[^}]*\})?}})
// CHECK:         %[[G:.*]] = dl.broadcast_to %{{.*}} : tensor<1xf32> -> tensor<3xf32>
// CHECK-NEXT:    %[[D0:.*]] = dl.mul %[[G]], %[[X]]
// CHECK-NEXT:    %[[D1:.*]] = dl.mul %[[G]], %[[X]]
// CHECK-NEXT:    %[[DX:.*]] = dl.add %[[D0]], %[[D1]] : tensor<3xf32>, tensor<3xf32> -> tensor<3xf32>
// CHECK-NEXT:    return %{{.*}}, %[[DX]]
func.func @loss(%x: tensor<3xf32> {dl.role = "parameter"}) -> tensor<f32> {
  %0 = dl.mul %x, %x : tensor<3xf32>, tensor<3xf32> -> tensor<3xf32>
  %1 = dl.reduce_sum %0 axes = [0] : tensor<3xf32> -> tensor<f32>
  return %1 : tensor<f32>
}

// -----

// An intermediate used by two ops: both paths meet at %h before its own VJP.
// CHECK-LABEL: func.func @loss_grad(
// CHECK-SAME:  %[[X:.*]]: tensor<f32>{{( \{[^}]*\})?}})
// CHECK:         %[[H:.*]] = dl.exp %[[X]]
// CHECK:         %[[ONE:.*]] = dl.constant dense<1.000000e+00> : tensor<f32>
// CHECK-NEXT:    %[[NEG:.*]] = dl.neg %[[ONE]]
// CHECK-NEXT:    %[[THROUGH_NEG:.*]] = dl.neg %[[NEG]]
// CHECK-NEXT:    %[[DH:.*]] = dl.add %[[ONE]], %[[THROUGH_NEG]]
// CHECK-NEXT:    %[[DX:.*]] = dl.mul %[[DH]], %[[H]]
// CHECK-NEXT:    return %{{.*}}, %[[DX]]
func.func @loss(%x: tensor<f32> {dl.role = "parameter"}) -> tensor<f32> {
  %h = dl.exp %x : tensor<f32>
  %n = dl.neg %h : tensor<f32>
  %0 = dl.sub %h, %n : tensor<f32>, tensor<f32> -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

// An argument the loss does not depend on gets a zero gradient; ops that do
// not reach the loss get no VJP.
// CHECK-LABEL: func.func @loss_grad(
// CHECK-SAME:  %{{.*}}: tensor<3xf32>{{( \{[^}]*\})?}}, %[[U:.*]]: tensor<2x2xf32>{{( \{[^}]*\})?}}) -> (tensor<f32>{{( \{[^}]*\})?}}, tensor<3xf32>{{( \{[^}]*\})?}}, tensor<2x2xf32>{{( \{[^}]*\})?}})
// CHECK:         dl.exp %[[U]]
// CHECK-NOT:     dl.mul
// CHECK:         %[[Z:.*]] = dl.constant dense<0.000000e+00> : tensor<2x2xf32>
// CHECK-NEXT:    return %{{.*}}, %{{.*}}, %[[Z]]
func.func @loss(%x: tensor<3xf32> {dl.role = "parameter"}, %unused: tensor<2x2xf32> {dl.role = "parameter"}) -> tensor<f32> {
  %dead = dl.exp %unused : tensor<2x2xf32>
  %1 = dl.reduce_sum %x axes = [0] : tensor<3xf32> -> tensor<f32>
  return %1 : tensor<f32>
}

// -----

// Only arguments with dl.role = "parameter" get gradients (the input %x
// does not); each gradient is a result with role "gradient" and the
// parameter's name. The primal results keep their roles.
// CHECK-LABEL: func.func @loss_grad(
// CHECK-SAME:    %[[X:[^:]*]]: tensor<4x3xf32>{{( \{[^}]*\})?}} {dl.name = "x", dl.role = "input"}, %[[W:[^:]*]]: tensor<3x3xf32>{{( \{[^}]*\})?}} {dl.name = "0.weight", dl.role = "parameter"}, %[[B:[^:]*]]: tensor<3xf32>{{( \{[^}]*\})?}} {dl.name = "0.bias", dl.role = "parameter"}, %[[T:[^:]*]]: tensor<4xi32>{{( \{[^}]*\})?}} {dl.name = "y", dl.role = "target"})
// CHECK-SAME:    -> (tensor<f32>{{( \{[^}]*\})?}} {dl.role = "loss"}, tensor<4x3xf32>{{( \{[^}]*\})?}} {dl.role = "output"}, tensor<3x3xf32>{{( \{[^}]*\})?}} {dl.name = "0.weight", dl.role = "gradient"}, tensor<3xf32>{{( \{[^}]*\})?}} {dl.name = "0.bias", dl.role = "gradient"})
// CHECK:         %[[H:.*]] = dl.add %{{.*}}, %[[B]]
// CHECK:         %[[L:.*]] = dl.softmax_cross_entropy %[[H]], %[[T]]
// CHECK:         %[[DH:.*]] = dl.mul %{{.*}}, %{{.*}} : tensor<4x3xf32>, tensor<f32> -> tensor<4x3xf32>
// CHECK-NEXT:    %[[SB:.*]] = dl.reduce_sum %[[DH]] axes = [0] keepdims : tensor<4x3xf32> -> tensor<1x3xf32>
// CHECK-NEXT:    %[[DB:.*]] = dl.reshape %[[SB]] : tensor<1x3xf32> -> tensor<3xf32>
// CHECK-NEXT:    dl.matmul %[[DH]], %[[W]] transpose_rhs
// CHECK-NEXT:    %[[DW:.*]] = dl.matmul %[[X]], %[[DH]] transpose_lhs : tensor<4x3xf32>, tensor<4x3xf32> -> tensor<3x3xf32>
// CHECK-NEXT:    return %[[L]], %[[H]], %[[DW]], %[[DB]] : tensor<f32>, tensor<4x3xf32>, tensor<3x3xf32>, tensor<3xf32>
func.func @loss(%x: tensor<4x3xf32> {dl.role = "input", dl.name = "x"},
                %w: tensor<3x3xf32> {dl.role = "parameter", dl.name = "0.weight"},
                %b: tensor<3xf32> {dl.role = "parameter", dl.name = "0.bias"},
                %t: tensor<4xi32> {dl.role = "target", dl.name = "y"})
    -> (tensor<f32> {dl.role = "loss"}, tensor<4x3xf32> {dl.role = "output"}) {
  %0 = dl.matmul %x, %w : tensor<4x3xf32>, tensor<3x3xf32> -> tensor<4x3xf32>
  %1 = dl.add %0, %b : tensor<4x3xf32>, tensor<3xf32> -> tensor<4x3xf32>
  %2 = dl.softmax_cross_entropy %1, %t : tensor<4x3xf32>, tensor<4xi32> -> tensor<f32>
  return %2, %1 : tensor<f32>, tensor<4x3xf32>
}

// -----

// The loss may be an argument itself; other functions are left alone.
// CHECK-LABEL: func.func @helper
// CHECK-LABEL: func.func @loss_grad(
// CHECK-SAME:  %[[L:.*]]: tensor<f32>{{( \{[^}]*\})?}}) -> (tensor<f32>{{( \{[^}]*\})?}}, tensor<f32>{{( \{[^}]*\})?}})
// CHECK-NEXT:    %[[ONE:.*]] = dl.constant dense<1.000000e+00> : tensor<f32>
// CHECK-NEXT:    return %[[L]], %[[ONE]]
// CHECK-NOT:   @helper_grad
func.func @helper(%x: tensor<f32>) -> tensor<f32> {
  return %x : tensor<f32>
}
func.func @loss(%l: tensor<f32> {dl.role = "parameter"}) -> tensor<f32> {
  return %l : tensor<f32>
}
