// RUN: dlc-opt %s -dl-lower-to-runtime -split-input-file -verify-diagnostics

// Every call is checked against the kernel table (runtime/abi/Kernels.def)
// before anything is rewritten: an element type the kernel lacks is an error
// naming the op, the argument and both types, never a silent cast.

func.func @conv2d_f64(%x: tensor<1x1x4x4xf64>, %w: tensor<1x1x3x3xf64>) -> tensor<1x1x2x2xf64> {
  // expected-error @+1 {{dl-lower-to-runtime: 'dl.conv2d' has 'tensor<1x1x4x4xf64>' for 'x' but the runtime kernel 'conv2d_fwd' takes rank-4 f32 (no kernel for this element type)}}
  %0 = dl.conv2d %x, %w stride = [1, 1] padding = [0, 0] : tensor<1x1x4x4xf64>, tensor<1x1x3x3xf64> -> tensor<1x1x2x2xf64>
  return %0 : tensor<1x1x2x2xf64>
}

// -----

func.func @max_pool_f64(%x: tensor<1x1x4x4xf64>) -> tensor<1x1x2x2xf64> {
  // expected-error @+1 {{dl-lower-to-runtime: 'dl.max_pool2d' has 'tensor<1x1x4x4xf64>' for 'x' but the runtime kernel 'max_pool2d_fwd' takes rank-4 f32}}
  %0 = dl.max_pool2d %x kernel = [3, 3] stride = [1, 1] padding = [0, 0] : tensor<1x1x4x4xf64> -> tensor<1x1x2x2xf64>
  return %0 : tensor<1x1x2x2xf64>
}
