// RUN: dlc-opt %s -split-input-file -verify-diagnostics

// Verifier and type-constraint failures of the Math family.

func.func @abs$integer(%x: tensor<4xi32>) {
  // expected-error @+1 {{'dl.abs' op operand #0 must be statically shaped tensor of 32-bit float or 64-bit float or bfloat16 type values}}
  %0 = dl.abs %x : tensor<4xi32>
  return
}
