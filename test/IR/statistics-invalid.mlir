// RUN: dlc-opt %s -split-input-file -verify-diagnostics

// Verifier and type-constraint failures of the Statistics family.

func.func @mean$axis_out_of_range(%x: tensor<2x3xf32>) {
  // expected-error @+2 {{reduction axis 2 out of range for rank 2}}
  // expected-error @+1 {{'dl.mean' op failed to infer returned types}}
  %0 = dl.mean %x axes = [2] : tensor<2x3xf32> -> tensor<2xf32>
  return
}

// -----

func.func @mean$integer(%x: tensor<2x3xi32>) {
  // expected-error @+1 {{'dl.mean' op operand #0 must be statically shaped tensor of 32-bit float or 64-bit float or bfloat16 type values}}
  %0 = dl.mean %x axes = [1] : tensor<2x3xi32> -> tensor<2xi32>
  return
}

// -----

func.func @mean$wrong_result(%x: tensor<2x3xf32>) {
  // expected-error @+2 {{'dl.mean' op inferred type(s) 'tensor<2xf32>' are incompatible with return type(s) of operation 'tensor<3xf32>'}}
  // expected-error @+1 {{'dl.mean' op failed to infer returned types}}
  %0 = dl.mean %x axes = [1] : tensor<2x3xf32> -> tensor<3xf32>
  return
}

// -----

func.func @reduce_min$empty_axis(%x: tensor<2x0xf32>) {
  // expected-error @+2 {{min over axis 1 of shape [2, 0] is undefined: the axis is empty}}
  // expected-error @+1 {{'dl.reduce_min' op failed to infer returned types}}
  %0 = dl.reduce_min %x axes = [1] : tensor<2x0xf32> -> tensor<2xf32>
  return
}

// -----

func.func @reduce_min$unsorted(%x: tensor<2x3xf32>) {
  // expected-error @+2 {{reduction axes [1, 0] must be sorted and distinct}}
  // expected-error @+1 {{'dl.reduce_min' op failed to infer returned types}}
  %0 = dl.reduce_min %x axes = [1, 0] : tensor<2x3xf32> -> tensor<f32>
  return
}

// -----

func.func @argmax$axis_out_of_range(%x: tensor<2x3xf32>) {
  // expected-error @+2 {{axis 2 out of range for rank 2}}
  // expected-error @+1 {{'dl.argmax' op failed to infer returned types}}
  %0 = dl.argmax %x axis = 2 : tensor<2x3xf32> -> tensor<2xi64>
  return
}

// -----

func.func @argmax$empty_axis(%x: tensor<0x3xf32>) {
  // expected-error @+2 {{argmax over axis 0 of shape [0, 3] is undefined: the axis is empty}}
  // expected-error @+1 {{'dl.argmax' op failed to infer returned types}}
  %0 = dl.argmax %x axis = 0 : tensor<0x3xf32> -> tensor<3xi64>
  return
}

// -----

func.func @argmax$i32_result(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{'dl.argmax' op result #0 must be statically shaped tensor of 64-bit signless integer values}}
  %0 = dl.argmax %x axis = 1 : tensor<2x3xf32> -> tensor<2xi32>
  return
}

// -----

func.func @logsumexp$duplicate(%x: tensor<2x3xf32>) {
  // expected-error @+2 {{reduction axes [1, 1] must be sorted and distinct}}
  // expected-error @+1 {{'dl.logsumexp' op failed to infer returned types}}
  %0 = dl.logsumexp %x axes = [1, 1] : tensor<2x3xf32> -> tensor<2xf32>
  return
}

// -----

func.func @var$negative_correction(%x: tensor<2x3xf32>) {
  // expected-error @+2 {{correction must be >= 0, got -1}}
  // expected-error @+1 {{'dl.var' op failed to infer returned types}}
  %0 = dl.var %x axes = [1] correction = -1 : tensor<2x3xf32> -> tensor<2xf32>
  return
}
