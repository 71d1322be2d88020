// RUN: dlc-opt %s -split-input-file -verify-diagnostics

// Verifier and type-constraint failures of the DataMovement family.

func.func @permute$not_a_permutation(%x: tensor<2x3x4xf32>) {
  // expected-error @+2 {{dim 0 appears more than once in dims [0, 2, 0]}}
  // expected-error @+1 {{'dl.permute' op failed to infer returned types}}
  %0 = dl.permute %x dims = [0, 2, 0] : tensor<2x3x4xf32> -> tensor<2x4x2xf32>
  return
}

// -----

func.func @permute$too_few_dims(%x: tensor<2x3x4xf32>) {
  // expected-error @+2 {{dims [1, 0] has 2 entries for an input of rank 3}}
  // expected-error @+1 {{'dl.permute' op failed to infer returned types}}
  %0 = dl.permute %x dims = [1, 0] : tensor<2x3x4xf32> -> tensor<3x2x4xf32>
  return
}

// -----

func.func @permute$out_of_range(%x: tensor<2x3xf32>) {
  // expected-error @+2 {{dim 2 in dims [2, 0] out of range for rank 2}}
  // expected-error @+1 {{'dl.permute' op failed to infer returned types}}
  %0 = dl.permute %x dims = [2, 0] : tensor<2x3xf32> -> tensor<3x2xf32>
  return
}

// -----

func.func @permute$wrong_result(%x: tensor<2x3xf32>) {
  // expected-error @+2 {{'dl.permute' op inferred type(s) 'tensor<3x2xf32>' are incompatible with return type(s) of operation 'tensor<2x3xf32>'}}
  // expected-error @+1 {{'dl.permute' op failed to infer returned types}}
  %0 = dl.permute %x dims = [1, 0] : tensor<2x3xf32> -> tensor<2x3xf32>
  return
}

// -----

func.func @cat$no_inputs() {
  // expected-error @+1 {{'dl.cat' op expected 1 or more operands, but found 0}}
  %0 = "dl.cat"() {dim = 0 : i64} : () -> tensor<2xf32>
  return
}

// -----

func.func @cat$other_dim_differs(%a: tensor<2x3xf32>, %b: tensor<3x3xf32>) {
  // expected-error @+2 {{input #1 of shape [3, 3] differs from input #0 of shape [2, 3] in dim 0 (only dim 1 may differ)}}
  // expected-error @+1 {{'dl.cat' op failed to infer returned types}}
  %0 = dl.cat %a, %b dim = 1 : tensor<2x3xf32>, tensor<3x3xf32> -> tensor<2x6xf32>
  return
}

// -----

func.func @cat$rank_differs(%a: tensor<2x3xf32>, %b: tensor<3xf32>) {
  // expected-error @+2 {{input #1 has rank 1 but input #0 has rank 2}}
  // expected-error @+1 {{'dl.cat' op failed to infer returned types}}
  %0 = dl.cat %a, %b dim = 1 : tensor<2x3xf32>, tensor<3xf32> -> tensor<2x6xf32>
  return
}

// -----

func.func @cat$dim_out_of_range(%a: tensor<2x3xf32>) {
  // expected-error @+2 {{dim: axis 2 out of range for rank 2}}
  // expected-error @+1 {{'dl.cat' op failed to infer returned types}}
  %0 = dl.cat %a, %a dim = 2 : tensor<2x3xf32>, tensor<2x3xf32> -> tensor<2x6xf32>
  return
}

// -----

func.func @cat$rank0(%a: tensor<f32>) {
  // expected-error @+2 {{cannot concatenate rank-0 tensors}}
  // expected-error @+1 {{'dl.cat' op failed to infer returned types}}
  %0 = dl.cat %a, %a dim = 0 : tensor<f32>, tensor<f32> -> tensor<2xf32>
  return
}

// -----

func.func @cat$element_types_differ(%a: tensor<2xf32>, %b: tensor<2xf64>) {
  // expected-error @+1 {{'dl.cat' op requires the same element type for all operands and results}}
  %0 = dl.cat %a, %b dim = 0 : tensor<2xf32>, tensor<2xf64> -> tensor<4xf32>
  return
}

// -----

func.func @slice$stop_past_size(%x: tensor<8x3xf32>) {
  // expected-error @+2 {{dim 0: bounds 1:9 must satisfy 0 <= start <= stop <= 8 (the dim's size)}}
  // expected-error @+1 {{'dl.slice' op failed to infer returned types}}
  %0 = dl.slice %x start = [1, 0] stop = [9, 3] step = [1, 1] : tensor<8x3xf32> -> tensor<8x3xf32>
  return
}

// -----

func.func @slice$start_after_stop(%x: tensor<8xf32>) {
  // expected-error @+2 {{dim 0: bounds 5:3 must satisfy 0 <= start <= stop <= 8 (the dim's size)}}
  // expected-error @+1 {{'dl.slice' op failed to infer returned types}}
  %0 = dl.slice %x start = [5] stop = [3] step = [1] : tensor<8xf32> -> tensor<0xf32>
  return
}

// -----

func.func @slice$negative_start(%x: tensor<8xf32>) {
  // expected-error @+2 {{dim 0: bounds -2:8 must satisfy 0 <= start <= stop <= 8 (the dim's size)}}
  // expected-error @+1 {{'dl.slice' op failed to infer returned types}}
  %0 = dl.slice %x start = [-2] stop = [8] step = [1] : tensor<8xf32> -> tensor<2xf32>
  return
}

// -----

func.func @slice$zero_step(%x: tensor<8xf32>) {
  // expected-error @+2 {{step 0 in dim 0 must be positive}}
  // expected-error @+1 {{'dl.slice' op failed to infer returned types}}
  %0 = dl.slice %x start = [0] stop = [8] step = [0] : tensor<8xf32> -> tensor<8xf32>
  return
}

// -----

func.func @slice$rank_mismatch(%x: tensor<8x3xf32>) {
  // expected-error @+2 {{stop [8] has 1 entries for an input of rank 2}}
  // expected-error @+1 {{'dl.slice' op failed to infer returned types}}
  %0 = dl.slice %x start = [0, 0] stop = [8] step = [1, 1] : tensor<8x3xf32> -> tensor<8x3xf32>
  return
}

// -----

func.func @slice$wrong_result(%x: tensor<8xf32>) {
  // expected-error @+2 {{'dl.slice' op inferred type(s) 'tensor<3xf32>' are incompatible with return type(s) of operation 'tensor<4xf32>'}}
  // expected-error @+1 {{'dl.slice' op failed to infer returned types}}
  %0 = dl.slice %x start = [1] stop = [8] step = [3] : tensor<8xf32> -> tensor<4xf32>
  return
}

// -----

func.func @pad$odd(%x: tensor<2x3xf32>) {
  // expected-error @+2 {{pad [1, 2, 3] must have an even number of entries ((left, right) pairs, last dim first)}}
  // expected-error @+1 {{'dl.pad' op failed to infer returned types}}
  %0 = dl.pad %x pad = [1, 2, 3] : tensor<2x3xf32> -> tensor<2x6xf32>
  return
}

// -----

func.func @pad$too_many_pairs(%x: tensor<3xf32>) {
  // expected-error @+2 {{pad [1, 1, 1, 1] has 2 (left, right) pairs for an input of rank 1}}
  // expected-error @+1 {{'dl.pad' op failed to infer returned types}}
  %0 = dl.pad %x pad = [1, 1, 1, 1] : tensor<3xf32> -> tensor<5xf32>
  return
}

// -----

func.func @pad$negative(%x: tensor<3xf32>) {
  // expected-error @+2 {{pad [-1, 0] has a negative entry (cropping is not supported; use slice)}}
  // expected-error @+1 {{'dl.pad' op failed to infer returned types}}
  %0 = dl.pad %x pad = [-1, 0] : tensor<3xf32> -> tensor<2xf32>
  return
}

// -----

func.func @pad$fractional_integer_value(%x: tensor<3xi32>) {
  // expected-error @+1 {{'dl.pad' op value 0.5 is not a value of the element type i32}}
  %0 = dl.pad %x pad = [1, 0] value = 0.5 : tensor<3xi32> -> tensor<4xi32>
  return
}

// -----

func.func @pad$bool_value(%x: tensor<3xi1>) {
  // expected-error @+1 {{'dl.pad' op value 2 is not a value of the element type i1}}
  %0 = dl.pad %x pad = [1, 0] value = 2.0 : tensor<3xi1> -> tensor<4xi1>
  return
}

// -----

func.func @pad$wrong_result(%x: tensor<2x3xf32>) {
  // expected-error @+2 {{'dl.pad' op inferred type(s) 'tensor<2x5xf32>' are incompatible with return type(s) of operation 'tensor<4x3xf32>'}}
  // expected-error @+1 {{'dl.pad' op failed to infer returned types}}
  %0 = dl.pad %x pad = [1, 1] : tensor<2x3xf32> -> tensor<4x3xf32>
  return
}

// -----

func.func @flip$unsorted(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{'dl.flip' op dims [1, 0] must be sorted and distinct}}
  %0 = dl.flip %x dims = [1, 0] : tensor<2x3xf32>
  return
}

// -----

func.func @flip$out_of_range(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{'dl.flip' op dim -1 in dims [-1] out of range for rank 2}}
  %0 = dl.flip %x dims = [-1] : tensor<2x3xf32>
  return
}

// -----

func.func @flip$unsupported_type(%x: tensor<3xi8>) {
  // expected-error @+1 {{'dl.flip' op operand #0 must be statically shaped tensor of 32-bit float or 64-bit float or bfloat16 type or 1-bit signless integer or 32-bit signless integer or 64-bit signless integer values}}
  %0 = dl.flip %x dims = [0] : tensor<3xi8>
  return
}
