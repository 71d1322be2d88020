// RUN: dlc-opt %s -dl-lower-to-linalg -split-input-file -verify-diagnostics

// dl-lower-to-linalg names any dl op it cannot lower: conv and pool ops must
// go through dl-lower-to-runtime first.

func.func @conv2d(%x: tensor<1x1x4x4xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x4x4xf32> {
  // expected-error @+1 {{dl-lower-to-linalg: no lowering for 'dl.conv2d' (conv/pool ops need dl-lower-to-runtime first)}}
  %0 = dl.conv2d %x, %w stride = [1, 1] padding = [1, 1] : tensor<1x1x4x4xf32>, tensor<1x1x3x3xf32> -> tensor<1x1x4x4xf32>
  %1 = dl.exp %0 : tensor<1x1x4x4xf32>
  return %1 : tensor<1x1x4x4xf32>
}

// -----

func.func @max_pool2d(%x: tensor<1x1x4x4xf32>) -> tensor<1x1x2x2xf32> {
  // expected-error @+1 {{dl-lower-to-linalg: no lowering for 'dl.max_pool2d' (conv/pool ops need dl-lower-to-runtime first)}}
  %0 = dl.max_pool2d %x kernel = [2, 2] stride = [2, 2] padding = [0, 0] : tensor<1x1x4x4xf32> -> tensor<1x1x2x2xf32>
  return %0 : tensor<1x1x2x2xf32>
}

// -----

// Overlapping windows: only oneDNN runs these.
func.func @avg_pool2d_backward(%dy: tensor<1x1x2x2xf32>, %x: tensor<1x1x4x4xf32>) -> tensor<1x1x4x4xf32> {
  // expected-error @+1 {{dl-lower-to-linalg: no lowering for 'dl.avg_pool2d_backward' (conv/pool ops need dl-lower-to-runtime first)}}
  %0 = dl.avg_pool2d_backward %dy, %x kernel = [3, 3] stride = [2, 2] padding = [1, 1] : tensor<1x1x2x2xf32>, tensor<1x1x4x4xf32> -> tensor<1x1x4x4xf32>
  return %0 : tensor<1x1x4x4xf32>
}

// -----

// Windows that do not tile the input (7 is not a multiple of 2).
func.func @avg_pool2d_ragged(%x: tensor<1x1x7x7xf32>) -> tensor<1x1x3x3xf32> {
  // expected-error @+1 {{dl-lower-to-linalg: no lowering for 'dl.avg_pool2d'}}
  %0 = dl.avg_pool2d %x kernel = [2, 2] stride = [2, 2] padding = [0, 0] : tensor<1x1x7x7xf32> -> tensor<1x1x3x3xf32>
  return %0 : tensor<1x1x3x3xf32>
}

// -----

func.func @conv2d_backward_filter(%x: tensor<1x1x4x4xf32>, %dy: tensor<1x1x4x4xf32>) -> tensor<1x1x3x3xf32> {
  // expected-error @+1 {{dl-lower-to-linalg: no lowering for 'dl.conv2d_backward_filter' (conv/pool ops need dl-lower-to-runtime first)}}
  %0 = dl.conv2d_backward_filter %x, %dy stride = [1, 1] padding = [1, 1] : tensor<1x1x4x4xf32>, tensor<1x1x4x4xf32> -> tensor<1x1x3x3xf32>
  return %0 : tensor<1x1x3x3xf32>
}
