// RUN: dlc-opt %s -split-input-file -verify-diagnostics

// Verifier and type-constraint failures of the Math family.

func.func @abs$integer(%x: tensor<4xi32>) {
  // expected-error @+1 {{'dl.abs' op operand #0 must be statically shaped tensor of 32-bit float or 64-bit float or bfloat16 type values}}
  %0 = dl.abs %x : tensor<4xi32>
  return
}

// -----

func.func @sqrt$integer(%x: tensor<4xi64>) {
  // expected-error @+1 {{'dl.sqrt' op operand #0 must be statically shaped tensor of 32-bit float or 64-bit float or bfloat16 type values}}
  %0 = dl.sqrt %x : tensor<4xi64>
  return
}

// -----

func.func @gelu$approximate(%x: tensor<4xf32>) {
  // expected-error @+1 {{'dl.gelu' op approximate must be "none" or "tanh", got "fast"}}
  %0 = dl.gelu %x {approximate = "fast"} : tensor<4xf32>
  return
}

// -----

func.func @softplus$beta(%x: tensor<4xf32>) {
  // expected-error @+1 {{'dl.softplus' op beta must be nonzero (softplus divides by it)}}
  %0 = dl.softplus %x {beta = 0.0 : f64} : tensor<4xf32>
  return
}

// -----

func.func @clamp$nobounds(%x: tensor<4xf32>) {
  // expected-error @+1 {{'dl.clamp' op needs at least one of min and max}}
  %0 = dl.clamp %x : tensor<4xf32>
  return
}

// -----

func.func @pow$broadcast(%x: tensor<4x3xf32>, %e: tensor<4xf32>) {
  // expected-error @+2 {{shapes [4, 3] and [4] do not broadcast (dimension 1: 3 vs 4)}}
  // expected-error @+1 {{'dl.pow' op failed to infer returned types}}
  %0 = dl.pow %x, %e : tensor<4x3xf32>, tensor<4xf32> -> tensor<4x3xf32>
  return
}

// -----

func.func @maximum$mixed(%x: tensor<4xf32>, %y: tensor<4xf64>) {
  // expected-error @+1 {{'dl.maximum' op failed to verify that all of {lhs, rhs, result} have same element type}}
  %0 = dl.maximum %x, %y : tensor<4xf32>, tensor<4xf64> -> tensor<4xf32>
  return
}

// -----

func.func @pow_scalar$type(%x: tensor<4xf32>) {
  // expected-error @+1 {{'dl.pow_scalar' op requires the same type for all operands and results}}
  %0 = "dl.pow_scalar"(%x) {exponent = 2.0 : f64} : (tensor<4xf32>) -> tensor<4xf64>
  return
}

// -----

func.func @eq$mixed(%x: tensor<4xf32>, %i: tensor<4xi32>) {
  // expected-error @+1 {{'dl.eq' op failed to verify that all of {lhs, rhs} have same element type}}
  %0 = dl.eq %x, %i : tensor<4xf32>, tensor<4xi32> -> tensor<4xi1>
  return
}

// -----

func.func @lt$result(%x: tensor<4xf32>) {
  // expected-error @+1 {{'dl.lt' op result #0 must be statically shaped tensor of 1-bit signless integer values}}
  %0 = dl.lt %x, %x : tensor<4xf32>, tensor<4xf32> -> tensor<4xf32>
  return
}

// -----

func.func @gt$shape(%x: tensor<4xf32>, %y: tensor<3xf32>) {
  // expected-error @+2 {{shapes [4] and [3] do not broadcast (dimension 0: 4 vs 3)}}
  // expected-error @+1 {{'dl.gt' op failed to infer returned types}}
  %0 = dl.gt %x, %y : tensor<4xf32>, tensor<3xf32> -> tensor<4xi1>
  return
}

// -----

func.func @logical_and$float(%x: tensor<4xf32>, %m: tensor<4xi1>) {
  // expected-error @+1 {{'dl.logical_and' op operand #0 must be statically shaped tensor of 1-bit signless integer values}}
  %0 = dl.logical_and %x, %m : tensor<4xf32>, tensor<4xi1> -> tensor<4xi1>
  return
}

// -----

func.func @logical_not$int(%i: tensor<4xi32>) {
  // expected-error @+1 {{'dl.logical_not' op operand #0 must be statically shaped tensor of 1-bit signless integer values}}
  %0 = dl.logical_not %i : tensor<4xi32>
  return
}

// -----

func.func @where$condition(%c: tensor<4xf32>, %x: tensor<4xf32>) {
  // expected-error @+1 {{'dl.where' op operand #0 must be statically shaped tensor of 1-bit signless integer values}}
  %0 = dl.where %c, %x, %x : tensor<4xf32>, tensor<4xf32>, tensor<4xf32> -> tensor<4xf32>
  return
}

// -----

func.func @where$shape(%c: tensor<4xi1>, %x: tensor<4xf32>, %y: tensor<3xf32>) {
  // expected-error @+2 {{input and other: shapes [4] and [3] do not broadcast (dimension 0: 4 vs 3)}}
  // expected-error @+1 {{'dl.where' op failed to infer returned types}}
  %0 = dl.where %c, %x, %y : tensor<4xi1>, tensor<4xf32>, tensor<3xf32> -> tensor<4xf32>
  return
}

// -----

func.func @where$condshape(%c: tensor<2xi1>, %x: tensor<4xf32>) {
  // expected-error @+2 {{condition and values: shapes [2] and [4] do not broadcast (dimension 0: 2 vs 4)}}
  // expected-error @+1 {{'dl.where' op failed to infer returned types}}
  %0 = dl.where %c, %x, %x : tensor<2xi1>, tensor<4xf32>, tensor<4xf32> -> tensor<4xf32>
  return
}

// -----

func.func @where$types(%c: tensor<4xi1>, %x: tensor<4xf32>, %i: tensor<4xi32>) {
  // expected-error @+1 {{'dl.where' op failed to verify that all of {input, other, result} have same element type}}
  %0 = dl.where %c, %x, %i : tensor<4xi1>, tensor<4xf32>, tensor<4xi32> -> tensor<4xf32>
  return
}

// -----

func.func @cast$shape(%x: tensor<4xf32>) {
  // expected-error @+1 {{'dl.cast' op requires the same shape for all operands and results}}
  %0 = dl.cast %x : tensor<4xf32> -> tensor<3xi32>
  return
}

// -----

func.func @cast$i8(%x: tensor<4xf32>) {
  // expected-error @+1 {{'dl.cast' op result #0 must be statically shaped tensor of 32-bit float or 64-bit float or bfloat16 type or 1-bit signless integer or 32-bit signless integer or 64-bit signless integer values}}
  %0 = dl.cast %x : tensor<4xf32> -> tensor<4xi8>
  return
}
