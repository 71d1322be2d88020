//===- Sequence.td - embedding, index_select, repeat_interleave, arange, sequence masks ---*- tablegen -*-===//
//
// Generated on its own (dlc_op_family(Sequence)); shape rules in ir/shape/Sequence.cpp,
// verifiers and VJPs in ir/ops/Sequence.cpp, C++ header ir/ops/SequenceOps.h.
//
// Ops that index with run-time integers (embedding, index_select, index_add,
// embedding_dense_backward) never read or write out of bounds: their lowering
// checks every index on the calling thread and reports the first bad one in
// the runtime error slot ("dl.embedding: index 7 is out of range [0, 5)"),
// which the caller of the compiled function turns into an exception; the
// loops themselves use clamped indices (passes/lowering/SequenceToLinalg.cpp).
//
//===----------------------------------------------------------------------===//
#ifndef DLC_IR_OPS_SEQUENCE_TD
#define DLC_IR_OPS_SEQUENCE_TD

include "ir/DLBase.td"

def DL_EmbeddingOp : DL_Op<"embedding", [Pure, InferTypeOpAdaptor,
    AllElementTypesMatch<["weight", "result"]>, DL_Differentiable]> {
  let summary = "Looks up rows of a table by integer ids (PyTorch `F.embedding`).";
  let description = [{
    `result[i..., :] = weight[input[i...], :]`: `input` holds ids of any shape
    (i32 or i64), `weight` is the (num_embeddings, embedding_dim) table, the
    result has shape `input.shape + (embedding_dim)`. An id outside
    `[0, num_embeddings)` is a run-time error naming the op, the id and the
    range.

    `padding_idx` (optional, in `[0, num_embeddings)`; the DSL normalises a
    negative one as PyTorch does) does not change the forward result; that
    row receives no gradient. The gradient of `weight` is
    `dl.embedding_dense_backward`, which adds up the cotangents of repeated
    ids; `input` gets none.
    ```mlir
    %e = dl.embedding %ids, %w padding_idx = 0 : tensor<4x7xi64>, tensor<100x32xf32> -> tensor<4x7x32xf32>
    ```
  }];
  let arguments = (ins DL_LabelTensor:$input, DL_FloatTensor:$weight,
                       OptionalAttr<I64Attr>:$padding_idx);
  let results = (outs DL_FloatTensor:$result);
  let assemblyFormat = [{
    $input `,` $weight (`padding_idx` `=` $padding_idx^)? attr-dict
    `:` type($input) `,` type($weight) `->` type($result)
  }];
}

def DL_EmbeddingDenseBackwardOp : DL_Op<"embedding_dense_backward", [Pure, InferTypeOpAdaptor,
    AllElementTypesMatch<["grad_output", "result"]>]> {
  let summary = "Backward-only: gradient of embedding's weight (PyTorch `embedding_dense_backward`).";
  let description = [{
    Produced by autodiff. `result[v, :] = sum of grad_output[i..., :] over
    the positions i... with indices[i...] = v`, so repeated ids add up; the
    row `padding_idx` stays zero. The result is (num_weights,
    embedding_dim). An index outside `[0, num_weights)` is a run-time error.
    Not differentiable (no second derivatives through embeddings).
    ```mlir
    %dw = dl.embedding_dense_backward %g, %ids num_weights = 100 padding_idx = 0
        : tensor<4x7x32xf32>, tensor<4x7xi64> -> tensor<100x32xf32>
    ```
  }];
  let arguments = (ins DL_FloatTensor:$grad_output, DL_LabelTensor:$indices,
                       I64Attr:$num_weights, OptionalAttr<I64Attr>:$padding_idx);
  let results = (outs DL_FloatTensor:$result);
  let assemblyFormat = [{
    $grad_output `,` $indices `num_weights` `=` $num_weights
    (`padding_idx` `=` $padding_idx^)? attr-dict
    `:` type($grad_output) `,` type($indices) `->` type($result)
  }];
}

def DL_IndexSelectOp : DL_Op<"index_select", [Pure, InferTypeOpAdaptor,
    AllElementTypesMatch<["input", "result"]>, DL_Differentiable]> {
  let summary = "Picks entries along one dimension by a 1-D index (PyTorch `torch.index_select`).";
  let description = [{
    `result` is `input` with dimension `dim` replaced by the `index.size(0)`
    entries `input[..., index[k], ...]`; indices may repeat and come in any
    order. Any element type; float inputs are differentiable: the gradient
    is `dl.index_add` of the cotangent into zeros (repeated indices add up).
    An index outside `[0, input.size(dim))` is a run-time error.
    ```mlir
    %y = dl.index_select %x, %idx dim = 1 : tensor<3x5xf32>, tensor<4xi64> -> tensor<3x4xf32>
    ```
  }];
  let arguments = (ins DL_AnyTensor:$input, DL_LabelTensor:$index, I64Attr:$dim);
  let results = (outs DL_AnyTensor:$result);
  let assemblyFormat = [{
    $input `,` $index `dim` `=` $dim attr-dict `:` type($input) `,` type($index) `->` type($result)
  }];
}

def DL_IndexAddOp : DL_Op<"index_add", [Pure, InferTypeOpAdaptor,
    AllElementTypesMatch<["input", "source"]>, DL_Differentiable]> {
  let summary = "Adds slices of `source` into `input` at a 1-D index (PyTorch `Tensor.index_add`).";
  let description = [{
    `result = input`, then for every k: `result[..., index[k], ...] +=
    source[..., k, ...]` along `dim` (alpha = 1), so repeated indices add
    up. `source` is `input` with dimension `dim` of size `index.size(0)`.
    The gradient of `input` is the cotangent, that of `source`
    `dl.index_select` of it. An index outside `[0, input.size(dim))` is a
    run-time error. Runs as a sequential loop (a scatter with repeats).
    ```mlir
    %y = dl.index_add %x, %idx, %src dim = 0
        : tensor<5x3xf32>, tensor<4xi64>, tensor<4x3xf32> -> tensor<5x3xf32>
    ```
  }];
  let arguments = (ins DL_FloatTensor:$input, DL_LabelTensor:$index, DL_FloatTensor:$source,
                       I64Attr:$dim);
  let results = (outs DL_FloatTensor:$result);
  let assemblyFormat = [{
    $input `,` $index `,` $source `dim` `=` $dim attr-dict
    `:` type($input) `,` type($index) `,` type($source) `->` type($result)
  }];
}

def DL_RepeatInterleaveOp : DL_Op<"repeat_interleave", [Pure, InferTypeOpAdaptor,
    AllElementTypesMatch<["input", "result"]>, DL_Differentiable]> {
  let summary = "Repeats each entry along a dimension (PyTorch `torch.repeat_interleave` with an integer `repeats`).";
  let description = [{
    `result[..., j, ...] = input[..., j / repeats, ...]` along `dim`, whose
    size becomes `input.size(dim) * repeats` (`repeats >= 0`). Any element
    type (d2l repeats integer valid lengths); for floats the gradient sums
    the cotangent over each group of repeats.
    ```mlir
    %y = dl.repeat_interleave %x repeats = 3 dim = 0 : tensor<2x4xf32> -> tensor<6x4xf32>
    ```
  }];
  let arguments = (ins DL_AnyTensor:$input, I64Attr:$repeats, I64Attr:$dim);
  let results = (outs DL_AnyTensor:$result);
  let assemblyFormat = [{
    $input `repeats` `=` $repeats `dim` `=` $dim attr-dict `:` type($input) `->` type($result)
  }];
}

def DL_ArangeOp : DL_Op<"arange", [Pure]> {
  let summary = "Evenly spaced values in [start, end) (PyTorch `torch.arange(start, end, step)`).";
  let description = [{
    `result[i] = start + i * step` for `i < ceil((end - start) / step)`; the
    result type (1-D f32, f64, bf16, i32 or i64) decides the element type
    and must have that length. As PyTorch, a float result is computed in
    f64 and rounded once; an integer result needs integral start, end and
    step (PyTorch would truncate them first; here it is an error). `step`
    is non-zero and has the sign of `end - start`. No operands, so no
    gradient.
    ```mlir
    %t = dl.arange start = 0.0 end = 5.0 step = 1.0 : tensor<5xi64>
    ```
  }];
  let arguments = (ins F64Attr:$start, F64Attr:$end, F64Attr:$step);
  let results = (outs 1DTensorOf<[F32, F64, BF16, I32, I64]>:$result);
  let assemblyFormat = [{
    `start` `=` $start `end` `=` $end `step` `=` $step attr-dict `:` type($result)
  }];
  let hasVerifier = 1;
}

def DL_SequenceMaskOp : DL_Op<"sequence_mask", [Pure, InferTypeOpAdaptor]> {
  let summary = "Mask of the valid steps of padded sequences (d2l `sequence_mask`; PyTorch: `arange(maxlen) < valid_len[..., None]`).";
  let description = [{
    `result[b..., t] = t < valid_len[b...]` for `t < maxlen`, i1. d2l builds
    this mask with `valid_len` of shape (B); any shape is accepted here.
    Negative lengths give an all-false row, lengths above `maxlen` an
    all-true one. d2l's `sequence_mask(X, valid_len, value)` then fills X
    outside the mask: the DSL's `sequenceMask(x, validLen, value)` is
    `dl.where(mask, x, value)` (Math family). Not differentiable (boolean
    result).
    ```mlir
    %m = dl.sequence_mask %valid_len maxlen = 10 : tensor<4xi32> -> tensor<4x10xi1>
    ```
  }];
  let arguments = (ins DL_LabelTensor:$valid_len, I64Attr:$maxlen);
  let results = (outs DL_BoolTensor:$result);
  let assemblyFormat = [{
    $valid_len `maxlen` `=` $maxlen attr-dict `:` type($valid_len) `->` type($result)
  }];
}

#endif // DLC_IR_OPS_SEQUENCE_TD
