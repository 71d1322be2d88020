// RUN: dlc-opt %s -split-input-file -verify-diagnostics

// Verifier and type-constraint failures of the Linear family.

func.func @batch_matmul$contraction(%a: tensor<2x3x4xf32>, %b: tensor<2x5x6xf32>) {
  // expected-error @+2 {{batch_matmul contraction sizes differ: [2, 3, 4] · [2, 5, 6] contracts 4 with 5}}
  // expected-error @+1 {{'dl.batch_matmul' op failed to infer returned types}}
  %0 = dl.batch_matmul %a, %b : tensor<2x3x4xf32>, tensor<2x5x6xf32> -> tensor<2x3x6xf32>
  return
}

// -----

func.func @batch_matmul$transposed_contraction(%a: tensor<2x3x4xf32>, %b: tensor<2x5x4xf32>) {
  // expected-error @+2 {{batch_matmul contraction sizes differ: [2, 3, 4]ᵀ · [2, 5, 4]ᵀ contracts 3 with 4}}
  // expected-error @+1 {{'dl.batch_matmul' op failed to infer returned types}}
  %0 = dl.batch_matmul %a, %b transpose_lhs transpose_rhs : tensor<2x3x4xf32>, tensor<2x5x4xf32> -> tensor<2x4x5xf32>
  return
}

// -----

func.func @batch_matmul$batch(%a: tensor<2x3x4xf32>, %b: tensor<3x4x5xf32>) {
  // expected-error @+2 {{batch_matmul batch dimensions [2] and [3] do not broadcast}}
  // expected-error @+1 {{'dl.batch_matmul' op failed to infer returned types}}
  %0 = dl.batch_matmul %a, %b : tensor<2x3x4xf32>, tensor<3x4x5xf32> -> tensor<2x3x5xf32>
  return
}

// -----

func.func @batch_matmul$matrices(%a: tensor<3x4xf32>, %b: tensor<4x5xf32>) {
  // expected-error @+2 {{batch_matmul expects an operand of rank >= 3 (two matrices [3, 4] and [4, 5] are a dl.matmul)}}
  // expected-error @+1 {{'dl.batch_matmul' op failed to infer returned types}}
  %0 = dl.batch_matmul %a, %b : tensor<3x4xf32>, tensor<4x5xf32> -> tensor<3x5xf32>
  return
}

// -----

func.func @batch_matmul$vector(%a: tensor<2x3x4xf32>, %b: tensor<4xf32>) {
  // expected-error @+2 {{batch_matmul expects operands of rank >= 2, got [2, 3, 4] and [4]}}
  // expected-error @+1 {{'dl.batch_matmul' op failed to infer returned types}}
  %0 = dl.batch_matmul %a, %b : tensor<2x3x4xf32>, tensor<4xf32> -> tensor<2x3xf32>
  return
}

// -----

func.func @batch_matmul$result_type(%a: tensor<2x3x4xf32>, %b: tensor<2x4x5xf32>) {
  // expected-error @+2 {{'dl.batch_matmul' op inferred type(s) 'tensor<2x3x5xf32>' are incompatible with return type(s) of operation 'tensor<2x3x6xf32>'}}
  // expected-error @+1 {{'dl.batch_matmul' op failed to infer returned types}}
  %0 = dl.batch_matmul %a, %b : tensor<2x3x4xf32>, tensor<2x4x5xf32> -> tensor<2x3x6xf32>
  return
}

// -----

func.func @batch_matmul$mixed(%a: tensor<2x3x4xf32>, %b: tensor<2x4x5xf64>) {
  // expected-error @+1 {{'dl.batch_matmul' op failed to verify that all of {lhs, rhs, result} have same element type}}
  %0 = dl.batch_matmul %a, %b : tensor<2x3x4xf32>, tensor<2x4x5xf64> -> tensor<2x3x5xf32>
  return
}

// -----

func.func @batch_matmul$integer(%a: tensor<2x3x4xi32>, %b: tensor<2x4x5xi32>) {
  // expected-error @+1 {{'dl.batch_matmul' op operand #0 must be statically shaped tensor of 32-bit float or 64-bit float or bfloat16 type values}}
  %0 = dl.batch_matmul %a, %b : tensor<2x3x4xi32>, tensor<2x4x5xi32> -> tensor<2x3x5xi32>
  return
}

// -----

func.func @linear$features(%x: tensor<8x5xf32>, %w: tensor<3x4xf32>) {
  // expected-error @+2 {{linear input [8, 5] has 5 features but the weight [3, 4] expects 4}}
  // expected-error @+1 {{'dl.linear' op failed to infer returned types}}
  %0 = dl.linear %x, %w : tensor<8x5xf32>, tensor<3x4xf32> -> tensor<8x3xf32>
  return
}

// -----

func.func @linear$weight_rank(%x: tensor<8x4xf32>, %w: tensor<4xf32>) {
  // expected-error @+2 {{linear expects a weight of shape (out, in), got [4]}}
  // expected-error @+1 {{'dl.linear' op failed to infer returned types}}
  %0 = dl.linear %x, %w : tensor<8x4xf32>, tensor<4xf32> -> tensor<8xf32>
  return
}

// -----

func.func @linear$bias_shape(%x: tensor<8x4xf32>, %w: tensor<3x4xf32>, %b: tensor<4xf32>) {
  // expected-error @+2 {{linear expects a bias of shape [3] for the weight [3, 4], got [4]}}
  // expected-error @+1 {{'dl.linear' op failed to infer returned types}}
  %0 = dl.linear %x, %w, %b : tensor<8x4xf32>, tensor<3x4xf32>, tensor<4xf32> -> tensor<8x3xf32>
  return
}

// -----

func.func @linear$scalar_input(%x: tensor<f32>, %w: tensor<3x4xf32>) {
  // expected-error @+2 {{linear expects an input of rank >= 1 (..., in), got []}}
  // expected-error @+1 {{'dl.linear' op failed to infer returned types}}
  %0 = dl.linear %x, %w : tensor<f32>, tensor<3x4xf32> -> tensor<3xf32>
  return
}

// -----

func.func @linear$bias_type(%x: tensor<8x4xf32>, %w: tensor<3x4xf32>, %b: tensor<3xf64>) {
  // expected-error @+1 {{'dl.linear' op bias element type 'f64' differs from the input's 'f32'}}
  %0 = dl.linear %x, %w, %b : tensor<8x4xf32>, tensor<3x4xf32>, tensor<3xf64> -> tensor<8x3xf32>
  return
}
