// RUN: dlc-opt %s -dl-autodiff -split-input-file | FileCheck %s

// The VJP rules of the Recurrent family (ir/ops/Recurrent.cpp): in
// @loss_grad the forward op becomes its training form, whose workspace the
// backward op reads; a result that does not reach the loss gets a zero
// cotangent. @loss keeps the plain op.

// CHECK-LABEL: func.func @loss(
// CHECK:         dl.rnn %
// CHECK-LABEL: func.func @loss_grad(
// CHECK:         %[[Y:.*]], %[[HN:.*]], %[[WS:.*]] = dl.rnn_with_workspace %{{.*}} cell = "rnn_relu" training
// CHECK:         %[[DHN:.*]] = dl.constant dense<0.000000e+00> : tensor<1x2x3xf32>
// CHECK:         %[[DX:.*]], %[[DH:.*]], %[[DWI:.*]], %[[DWH:.*]], %[[DBI:.*]], %[[DBH:.*]] = dl.rnn_backward %{{.*}}, %[[Y]], %[[HN]], %[[WS]], %{{.*}}, %[[DHN]] cell = "rnn_relu"
// CHECK:         return %{{.*}}, %[[DX]], %[[DH]], %[[DWI]], %[[DWH]], %[[DBI]], %[[DBH]]
func.func @loss(%x: tensor<5x2x4xf32> {dl.role = "parameter", dl.name = "x"},
                %h: tensor<1x2x3xf32> {dl.role = "parameter", dl.name = "h"},
                %wi: tensor<1x3x4xf32> {dl.role = "parameter", dl.name = "wi"},
                %wh: tensor<1x3x3xf32> {dl.role = "parameter", dl.name = "wh"},
                %bi: tensor<1x3xf32> {dl.role = "parameter", dl.name = "bi"},
                %bh: tensor<1x3xf32> {dl.role = "parameter", dl.name = "bh"}) -> tensor<f32> {
  %y, %hn = dl.rnn %x, %h, %wi, %wh, %bi, %bh nonlinearity = "relu"
      : (tensor<5x2x4xf32>, tensor<1x2x3xf32>, tensor<1x3x4xf32>, tensor<1x3x3xf32>,
         tensor<1x3xf32>, tensor<1x3xf32>) -> (tensor<5x2x3xf32>, tensor<1x2x3xf32>)
  %s = dl.reduce_sum %y axes = [0, 1, 2] : tensor<5x2x3xf32> -> tensor<f32>
  return %s : tensor<f32>
}

// -----

// LSTM: only hn reaches the loss; dy and dcn are zeros.
// CHECK-LABEL: func.func @loss_grad(
// CHECK:         %[[Y:.*]], %[[HN:.*]], %[[CN:.*]], %[[WS:.*]] = dl.lstm_with_workspace %{{.*}} training
// CHECK-DAG:     %[[DY:.*]] = dl.constant dense<0.000000e+00> : tensor<5x2x3xf32>
// CHECK-DAG:     %[[DCN:.*]] = dl.constant dense<0.000000e+00> : tensor<1x2x3xf32>
// CHECK:         dl.lstm_backward %{{.*}}, %[[Y]], %[[HN]], %[[CN]], %[[WS]], %[[DY]], %{{.*}}, %[[DCN]] :
func.func @loss(%x: tensor<5x2x4xf32> {dl.role = "parameter", dl.name = "x"},
                %h: tensor<1x2x3xf32> {dl.role = "input", dl.name = "h"},
                %wi: tensor<1x12x4xf32> {dl.role = "parameter", dl.name = "wi"},
                %wh: tensor<1x12x3xf32> {dl.role = "parameter", dl.name = "wh"},
                %b: tensor<1x12xf32> {dl.role = "parameter", dl.name = "b"}) -> tensor<f32> {
  %y, %hn, %cn = dl.lstm %x, %h, %h, %wi, %wh, %b, %b
      : (tensor<5x2x4xf32>, tensor<1x2x3xf32>, tensor<1x2x3xf32>, tensor<1x12x4xf32>,
         tensor<1x12x3xf32>, tensor<1x12xf32>, tensor<1x12xf32>)
      -> (tensor<5x2x3xf32>, tensor<1x2x3xf32>, tensor<1x2x3xf32>)
  %s = dl.reduce_sum %hn axes = [0, 1, 2] : tensor<1x2x3xf32> -> tensor<f32>
  return %s : tensor<f32>
}
