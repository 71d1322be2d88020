// RUN: dlc-opt %s -split-input-file -verify-diagnostics

// Verifier and type-constraint failures of the Random family.

func.func @dropout$p_above_one(%x: tensor<4xf32>, %rng: tensor<2xi64>) {
  // expected-error @+1 {{'dl.dropout' op dropout probability has to be between 0 and 1, but got 1.5}}
  %0 = dl.dropout %x, %rng p = 1.5 op_id = 0 : tensor<4xf32>, tensor<2xi64>
  return
}

// -----

func.func @dropout$p_negative(%x: tensor<4xf32>, %rng: tensor<2xi64>) {
  // expected-error @+1 {{'dl.dropout' op dropout probability has to be between 0 and 1, but got -0.25}}
  %0 = dl.dropout %x, %rng p = -0.25 op_id = 0 : tensor<4xf32>, tensor<2xi64>
  return
}

// -----

func.func @dropout$p_nan(%x: tensor<4xf32>, %rng: tensor<2xi64>) {
  // expected-error @+1 {{'dl.dropout' op dropout probability has to be between 0 and 1, but got nan}}
  %0 = dl.dropout %x, %rng p = 0x7FF8000000000000 op_id = 0 : tensor<4xf32>, tensor<2xi64>
  return
}

// -----

func.func @dropout$key_shape(%x: tensor<4xf32>, %rng: tensor<3xi64>) {
  // expected-error @+1 {{'dl.dropout' op rng_state must have shape [2] ([seed, step]), got [3]}}
  %0 = dl.dropout %x, %rng p = 0.5 op_id = 0 : tensor<4xf32>, tensor<3xi64>
  return
}

// -----

func.func @dropout$key_scalar(%x: tensor<4xf32>, %rng: tensor<i64>) {
  // expected-error @+1 {{'dl.dropout' op rng_state must have shape [2] ([seed, step]), got []}}
  %0 = dl.dropout %x, %rng p = 0.5 op_id = 0 : tensor<4xf32>, tensor<i64>
  return
}

// -----

func.func @dropout$key_i32(%x: tensor<4xf32>, %rng: tensor<2xi32>) {
  // expected-error @+1 {{'dl.dropout' op operand #1 must be statically shaped tensor of 64-bit signless integer values}}
  %0 = dl.dropout %x, %rng p = 0.5 op_id = 0 : tensor<4xf32>, tensor<2xi32>
  return
}

// -----

func.func @dropout$integer_input(%x: tensor<4xi32>, %rng: tensor<2xi64>) {
  // expected-error @+1 {{'dl.dropout' op operand #0 must be statically shaped tensor of 32-bit float or 64-bit float or bfloat16 type values}}
  %0 = dl.dropout %x, %rng p = 0.5 op_id = 0 : tensor<4xi32>, tensor<2xi64>
  return
}

// -----

func.func @dropout$op_id_negative(%x: tensor<4xf32>, %rng: tensor<2xi64>) {
  // expected-error @+1 {{'dl.dropout' op op_id must be in [0, 2^32) (one counter word), got -1}}
  %0 = dl.dropout %x, %rng p = 0.5 op_id = -1 : tensor<4xf32>, tensor<2xi64>
  return
}

// -----

func.func @dropout$op_id_too_large(%x: tensor<4xf32>, %rng: tensor<2xi64>) {
  // expected-error @+1 {{'dl.dropout' op op_id must be in [0, 2^32) (one counter word), got 4294967296}}
  %0 = dl.dropout %x, %rng p = 0.5 op_id = 4294967296 : tensor<4xf32>, tensor<2xi64>
  return
}

// -----

// 65536 x 65537 = 2^32 + 65536 elements: the index no longer fits 32 bits.
func.func @dropout$too_many_elements(%x: tensor<65536x65537xf32>, %rng: tensor<2xi64>) {
  // expected-error @+1 {{'dl.dropout' op input [65536, 65537] has more than 2^32 elements (dropout indexes elements in 32 bits)}}
  %0 = dl.dropout %x, %rng p = 0.5 op_id = 0 : tensor<65536x65537xf32>, tensor<2xi64>
  return
}

// -----

func.func @dropout$result_type(%x: tensor<4xf32>, %rng: tensor<2xi64>) {
  // expected-error @+1 {{'dl.dropout' op failed to verify that all of {input, result} have same type}}
  %0 = "dl.dropout"(%x, %rng) {p = 0.5 : f64, op_id = 0 : i64} : (tensor<4xf32>, tensor<2xi64>) -> tensor<4xf64>
  return
}
