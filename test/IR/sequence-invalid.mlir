// RUN: dlc-opt %s -split-input-file -verify-diagnostics

// Verifier and type-constraint failures of the Sequence family. Shape rules
// run inside inferReturnTypes: they report the reason at the op, then MLIR
// adds "failed to infer returned types".

func.func @embedding$float_ids(%ids: tensor<4xf32>, %w: tensor<10x3xf32>) {
  // expected-error @+1 {{'dl.embedding' op operand #0 must be statically shaped tensor of 32-bit signless integer or 64-bit signless integer values}}
  %0 = dl.embedding %ids, %w : tensor<4xf32>, tensor<10x3xf32> -> tensor<4x3xf32>
  return
}

// -----

func.func @embedding$weight_rank(%ids: tensor<4xi64>, %w: tensor<10xf32>) {
  // expected-error @+2 {{weight must be rank 2 (num_embeddings, embedding_dim), got [10]}}
  // expected-error @+1 {{'dl.embedding' op failed to infer returned types}}
  %0 = dl.embedding %ids, %w : tensor<4xi64>, tensor<10xf32> -> tensor<4x3xf32>
  return
}

// -----

func.func @embedding$padding_idx(%ids: tensor<4xi64>, %w: tensor<10x3xf32>) {
  // expected-error @+2 {{padding_idx 10 out of range [0, 10)}}
  // expected-error @+1 {{'dl.embedding' op failed to infer returned types}}
  %0 = dl.embedding %ids, %w padding_idx = 10 : tensor<4xi64>, tensor<10x3xf32> -> tensor<4x3xf32>
  return
}

// -----

func.func @embedding$result(%ids: tensor<4xi64>, %w: tensor<10x3xf32>) {
  // expected-error @+2 {{'dl.embedding' op inferred type(s) 'tensor<4x3xf32>' are incompatible with return type(s) of operation 'tensor<4x4xf32>'}}
  // expected-error @+1 {{'dl.embedding' op failed to infer returned types}}
  %0 = dl.embedding %ids, %w : tensor<4xi64>, tensor<10x3xf32> -> tensor<4x4xf32>
  return
}

// -----

func.func @embedding_backward$shape(%g: tensor<4x2x3xf32>, %ids: tensor<4xi64>) {
  // expected-error @+2 {{grad_output [4, 2, 3] must be the indices' shape [4] plus embedding_dim}}
  // expected-error @+1 {{'dl.embedding_dense_backward' op failed to infer returned types}}
  %0 = dl.embedding_dense_backward %g, %ids num_weights = 10 : tensor<4x2x3xf32>, tensor<4xi64> -> tensor<10x3xf32>
  return
}

// -----

func.func @index_select$index_rank(%x: tensor<3x5xf32>, %i: tensor<2x2xi64>) {
  // expected-error @+2 {{index must be 1-D, got [2, 2]}}
  // expected-error @+1 {{'dl.index_select' op failed to infer returned types}}
  %0 = dl.index_select %x, %i dim = 1 : tensor<3x5xf32>, tensor<2x2xi64> -> tensor<3x4xf32>
  return
}

// -----

func.func @index_select$dim(%x: tensor<3x5xf32>, %i: tensor<4xi64>) {
  // expected-error @+2 {{dim: axis 2 out of range for rank 2}}
  // expected-error @+1 {{'dl.index_select' op failed to infer returned types}}
  %0 = dl.index_select %x, %i dim = 2 : tensor<3x5xf32>, tensor<4xi64> -> tensor<3x4xf32>
  return
}

// -----

func.func @index_add$source(%x: tensor<5x3xf32>, %i: tensor<4xi64>, %s: tensor<3x3xf32>) {
  // expected-error @+2 {{source [3, 3] must have shape [4, 3] (input [5, 3] with dim 0 of the index's length 4)}}
  // expected-error @+1 {{'dl.index_add' op failed to infer returned types}}
  %0 = dl.index_add %x, %i, %s dim = 0 : tensor<5x3xf32>, tensor<4xi64>, tensor<3x3xf32> -> tensor<5x3xf32>
  return
}

// -----

func.func @repeat_interleave$negative(%x: tensor<2x4xf32>) {
  // expected-error @+2 {{repeats -1 is negative}}
  // expected-error @+1 {{'dl.repeat_interleave' op failed to infer returned types}}
  %0 = dl.repeat_interleave %x repeats = -1 dim = 0 : tensor<2x4xf32> -> tensor<2x4xf32>
  return
}

// -----

func.func @arange$length() {
  // expected-error @+1 {{'dl.arange' op result has 4 elements but arange(0, 5, 1) has 5}}
  %0 = dl.arange start = 0.0 end = 5.0 step = 1.0 : tensor<4xf32>
  return
}

// -----

func.func @arange$zero_step() {
  // expected-error @+1 {{'dl.arange' op step must be non-zero}}
  %0 = dl.arange start = 0.0 end = 5.0 step = 0.0 : tensor<4xf32>
  return
}

// -----

func.func @arange$sign() {
  // expected-error @+1 {{upper bound and larger bound inconsistent with step sign (start 5, end 0, step 1)}}
  %0 = dl.arange start = 5.0 end = 0.0 step = 1.0 : tensor<4xf32>
  return
}

// -----

func.func @arange$fractional_integer() {
  // expected-error @+1 {{an integer result needs integral start, end and step (got 0, 2, 0.5)}}
  %0 = dl.arange start = 0.0 end = 2.0 step = 0.5 : tensor<4xi64>
  return
}

// -----

func.func @sequence_mask$maxlen(%len: tensor<4xi32>) {
  // expected-error @+2 {{maxlen -2 is negative}}
  // expected-error @+1 {{'dl.sequence_mask' op failed to infer returned types}}
  %0 = dl.sequence_mask %len maxlen = -2 : tensor<4xi32> -> tensor<4x2xi1>
  return
}

// -----

func.func @sequence_mask$float(%len: tensor<4xf32>) {
  // expected-error @+1 {{'dl.sequence_mask' op operand #0 must be statically shaped tensor of 32-bit signless integer or 64-bit signless integer values}}
  %0 = dl.sequence_mask %len maxlen = 2 : tensor<4xf32> -> tensor<4x2xi1>
  return
}
