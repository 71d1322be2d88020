// RUN: dlc-opt %s -split-input-file | dlc-opt -split-input-file | FileCheck %s
// RUN: dlc-opt %s -split-input-file --mlir-print-op-generic | dlc-opt -split-input-file | FileCheck %s

// Round trip of the Recurrent family (ir/ops/Recurrent.td), custom and generic forms.

// CHECK-LABEL: func @rnn
func.func @rnn(%x: tensor<5x2x4xf32>, %h: tensor<1x2x3xf32>, %wi: tensor<1x3x4xf32>,
               %wh: tensor<1x3x3xf32>, %b: tensor<1x3xf32>) {
  // The default nonlinearity (tanh) is not printed.
  // CHECK: dl.rnn %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}} : (tensor<5x2x4xf32>, tensor<1x2x3xf32>, tensor<1x3x4xf32>, tensor<1x3x3xf32>, tensor<1x3xf32>, tensor<1x3xf32>) -> (tensor<5x2x3xf32>, tensor<1x2x3xf32>)
  %y, %hn = dl.rnn %x, %h, %wi, %wh, %b, %b
      : (tensor<5x2x4xf32>, tensor<1x2x3xf32>, tensor<1x3x4xf32>, tensor<1x3x3xf32>,
         tensor<1x3xf32>, tensor<1x3xf32>) -> (tensor<5x2x3xf32>, tensor<1x2x3xf32>)
  // CHECK: dl.rnn {{.*}} nonlinearity = "relu" :
  %y2, %hn2 = dl.rnn %x, %h, %wi, %wh, %b, %b nonlinearity = "relu"
      : (tensor<5x2x4xf32>, tensor<1x2x3xf32>, tensor<1x3x4xf32>, tensor<1x3x3xf32>,
         tensor<1x3xf32>, tensor<1x3xf32>) -> (tensor<5x2x3xf32>, tensor<1x2x3xf32>)
  // CHECK: dl.rnn_with_workspace {{.*}} cell = "rnn_relu" training : {{.*}} -> (tensor<5x2x3xf32>, tensor<1x2x3xf32>, tensor<{{[0-9]+}}xi8>)
  %y3, %hn3, %ws = dl.rnn_with_workspace %x, %h, %wi, %wh, %b, %b cell = "rnn_relu" training
      : (tensor<5x2x4xf32>, tensor<1x2x3xf32>, tensor<1x3x4xf32>, tensor<1x3x3xf32>,
         tensor<1x3xf32>, tensor<1x3xf32>) -> (tensor<5x2x3xf32>, tensor<1x2x3xf32>, tensor<93184xi8>)
  // CHECK: dl.rnn_backward {{.*}} cell = "rnn_relu" :
  %dx, %dh, %dwi, %dwh, %dbi, %dbh = dl.rnn_backward %x, %h, %wi, %wh, %b, %b, %y3, %hn3, %ws, %y3, %hn3
      cell = "rnn_relu"
      : (tensor<5x2x4xf32>, tensor<1x2x3xf32>, tensor<1x3x4xf32>, tensor<1x3x3xf32>,
         tensor<1x3xf32>, tensor<1x3xf32>, tensor<5x2x3xf32>, tensor<1x2x3xf32>, tensor<93184xi8>,
         tensor<5x2x3xf32>, tensor<1x2x3xf32>)
      -> (tensor<5x2x4xf32>, tensor<1x2x3xf32>, tensor<1x3x4xf32>, tensor<1x3x3xf32>,
          tensor<1x3xf32>, tensor<1x3xf32>)
  return
}

// -----

// Bidirectional: y has both directions' halves (D·H = 6).
// CHECK-LABEL: func @gru
func.func @gru(%x: tensor<5x2x4xf32>, %h: tensor<2x2x3xf32>, %wi: tensor<2x9x4xf32>,
               %wh: tensor<2x9x3xf32>, %b: tensor<2x9xf32>) {
  // CHECK: dl.gru {{.*}} -> (tensor<5x2x6xf32>, tensor<2x2x3xf32>)
  %y, %hn = dl.gru %x, %h, %wi, %wh, %b, %b
      : (tensor<5x2x4xf32>, tensor<2x2x3xf32>, tensor<2x9x4xf32>, tensor<2x9x3xf32>,
         tensor<2x9xf32>, tensor<2x9xf32>) -> (tensor<5x2x6xf32>, tensor<2x2x3xf32>)
  // Inference: a one-byte workspace.
  // CHECK: dl.rnn_with_workspace {{.*}} cell = "gru" : {{.*}} tensor<1xi8>)
  %y2, %hn2, %ws = dl.rnn_with_workspace %x, %h, %wi, %wh, %b, %b cell = "gru"
      : (tensor<5x2x4xf32>, tensor<2x2x3xf32>, tensor<2x9x4xf32>, tensor<2x9x3xf32>,
         tensor<2x9xf32>, tensor<2x9xf32>) -> (tensor<5x2x6xf32>, tensor<2x2x3xf32>, tensor<1xi8>)
  return
}

// -----

// CHECK-LABEL: func @lstm
func.func @lstm(%x: tensor<5x2x4xf32>, %h: tensor<1x2x3xf32>, %wi: tensor<1x12x4xf32>,
                %wh: tensor<1x12x3xf32>, %b: tensor<1x12xf32>) {
  // CHECK: dl.lstm {{.*}} -> (tensor<5x2x3xf32>, tensor<1x2x3xf32>, tensor<1x2x3xf32>)
  %y, %hn, %cn = dl.lstm %x, %h, %h, %wi, %wh, %b, %b
      : (tensor<5x2x4xf32>, tensor<1x2x3xf32>, tensor<1x2x3xf32>, tensor<1x12x4xf32>,
         tensor<1x12x3xf32>, tensor<1x12xf32>, tensor<1x12xf32>)
      -> (tensor<5x2x3xf32>, tensor<1x2x3xf32>, tensor<1x2x3xf32>)
  // CHECK: dl.lstm_with_workspace {{.*}} training :
  %y2, %hn2, %cn2, %ws = dl.lstm_with_workspace %x, %h, %h, %wi, %wh, %b, %b training
      : (tensor<5x2x4xf32>, tensor<1x2x3xf32>, tensor<1x2x3xf32>, tensor<1x12x4xf32>,
         tensor<1x12x3xf32>, tensor<1x12xf32>, tensor<1x12xf32>)
      -> (tensor<5x2x3xf32>, tensor<1x2x3xf32>, tensor<1x2x3xf32>, tensor<93184xi8>)
  // CHECK: dl.lstm_backward
  %dx, %dh, %dc, %dwi, %dwh, %dbi, %dbh = dl.lstm_backward %x, %h, %h, %wi, %wh, %b, %b,
      %y2, %hn2, %cn2, %ws, %y2, %hn2, %cn2
      : (tensor<5x2x4xf32>, tensor<1x2x3xf32>, tensor<1x2x3xf32>, tensor<1x12x4xf32>,
         tensor<1x12x3xf32>, tensor<1x12xf32>, tensor<1x12xf32>, tensor<5x2x3xf32>,
         tensor<1x2x3xf32>, tensor<1x2x3xf32>, tensor<93184xi8>, tensor<5x2x3xf32>,
         tensor<1x2x3xf32>, tensor<1x2x3xf32>)
      -> (tensor<5x2x4xf32>, tensor<1x2x3xf32>, tensor<1x2x3xf32>, tensor<1x12x4xf32>,
          tensor<1x12x3xf32>, tensor<1x12xf32>, tensor<1x12xf32>)
  return
}
