// RUN: dlc-opt %s -dl-decompose -dl-lower-to-runtime -split-input-file | FileCheck %s

// dl.rnn / dl.gru / dl.lstm decompose into their backend forms (inference:
// a one-byte workspace, training = 0), which become calls of the kernels in
// runtime/abi/Kernels.def with the cell number (0 tanh, 1 relu, 2 gru).

// CHECK-LABEL: func.func @gru
// CHECK-DAG:     %[[C2:.*]] = arith.constant 2 : i64
// CHECK-DAG:     %[[C0:.*]] = arith.constant 0 : i64
// CHECK:         memref.alloc() {alignment = 64 : i64} : memref<1xi8>
// CHECK:         call @dlc_rt_rnn_fwd(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %[[C2]], %[[C0]]) : (memref<?x?x?xf32>, memref<?x?x?xf32>, memref<?x?x?xf32>, memref<?x?x?xf32>, memref<?x?xf32>, memref<?x?xf32>, memref<?x?x?xf32>, memref<?x?x?xf32>, memref<?xi8>, i64, i64) -> ()
func.func @gru(%x: tensor<5x2x4xf32>, %h: tensor<2x2x3xf32>, %wi: tensor<2x9x4xf32>,
               %wh: tensor<2x9x3xf32>, %b: tensor<2x9xf32>) -> tensor<5x2x6xf32> {
  %y, %hn = dl.gru %x, %h, %wi, %wh, %b, %b
      : (tensor<5x2x4xf32>, tensor<2x2x3xf32>, tensor<2x9x4xf32>, tensor<2x9x3xf32>,
         tensor<2x9xf32>, tensor<2x9xf32>) -> (tensor<5x2x6xf32>, tensor<2x2x3xf32>)
  return %y : tensor<5x2x6xf32>
}

// -----

// The training form and the backward: lstm_fwd with training = 1, then lstm_bwd.
// CHECK-LABEL: func.func @lstm_train
// CHECK-DAG:     %[[C1:.*]] = arith.constant 1 : i64
// CHECK:         call @dlc_rt_lstm_fwd({{.*}}, %[[C1]]) : ({{.*}}memref<?xi8>, i64) -> ()
// CHECK:         call @dlc_rt_lstm_bwd({{.*}}) : ({{.*}}) -> ()
func.func @lstm_train(%x: tensor<5x2x4xf32>, %h: tensor<1x2x3xf32>, %wi: tensor<1x12x4xf32>,
                      %wh: tensor<1x12x3xf32>, %b: tensor<1x12xf32>) -> tensor<5x2x4xf32> {
  %y, %hn, %cn, %ws = dl.lstm_with_workspace %x, %h, %h, %wi, %wh, %b, %b training
      : (tensor<5x2x4xf32>, tensor<1x2x3xf32>, tensor<1x2x3xf32>, tensor<1x12x4xf32>,
         tensor<1x12x3xf32>, tensor<1x12xf32>, tensor<1x12xf32>)
      -> (tensor<5x2x3xf32>, tensor<1x2x3xf32>, tensor<1x2x3xf32>, tensor<93184xi8>)
  %dx, %dh, %dc, %dwi, %dwh, %dbi, %dbh = dl.lstm_backward %x, %h, %h, %wi, %wh, %b, %b,
      %y, %hn, %cn, %ws, %y, %hn, %cn
      : (tensor<5x2x4xf32>, tensor<1x2x3xf32>, tensor<1x2x3xf32>, tensor<1x12x4xf32>,
         tensor<1x12x3xf32>, tensor<1x12xf32>, tensor<1x12xf32>, tensor<5x2x3xf32>,
         tensor<1x2x3xf32>, tensor<1x2x3xf32>, tensor<93184xi8>, tensor<5x2x3xf32>,
         tensor<1x2x3xf32>, tensor<1x2x3xf32>)
      -> (tensor<5x2x4xf32>, tensor<1x2x3xf32>, tensor<1x2x3xf32>, tensor<1x12x4xf32>,
          tensor<1x12x3xf32>, tensor<1x12xf32>, tensor<1x12xf32>)
  return %dx : tensor<5x2x4xf32>
}
