// RUN: dlc-opt %s -dl-decompose -dl-lower-to-runtime -split-input-file -verify-diagnostics

// oneDNN's recurrent kernels are f32: an f64 layer is an error naming the
// op, the argument and both types.

func.func @lstm$f64(%x: tensor<5x2x4xf64>, %h: tensor<1x2x3xf64>, %wi: tensor<1x12x4xf64>,
                    %wh: tensor<1x12x3xf64>, %b: tensor<1x12xf64>) -> tensor<5x2x3xf64> {
  // expected-error @+1 {{dl-lower-to-runtime: 'dl.lstm_with_workspace' has 'tensor<5x2x4xf64>' for 'x' but the runtime kernel 'lstm_fwd' takes rank-3 f32 (no kernel for this element type)}}
  %y, %hn, %cn = dl.lstm %x, %h, %h, %wi, %wh, %b, %b
      : (tensor<5x2x4xf64>, tensor<1x2x3xf64>, tensor<1x2x3xf64>, tensor<1x12x4xf64>,
         tensor<1x12x3xf64>, tensor<1x12xf64>, tensor<1x12xf64>)
      -> (tensor<5x2x3xf64>, tensor<1x2x3xf64>, tensor<1x2x3xf64>)
  return %y : tensor<5x2x3xf64>
}
