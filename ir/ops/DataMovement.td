//===- DataMovement.td - permute, cat, slice, pad, flip --------*- tablegen -*-===//
//
// Generated on its own (dlc_op_family(DataMovement)); shape rules in ir/shape/DataMovement.cpp,
// verifiers and VJPs in ir/ops/DataMovement.cpp, C++ header ir/ops/DataMovementOps.h.
//
// These ops only move elements, so they take every dl element type (floats,
// i1, i32, i64); gradients flow through float ones. Dims and bounds in the IR
// are normalised (non-negative, in range); the DSL accepts PyTorch's negative
// dims and Python-style slice bounds and normalises them.
//
//===----------------------------------------------------------------------===//
#ifndef DLC_IR_OPS_DATAMOVEMENT_TD
#define DLC_IR_OPS_DATAMOVEMENT_TD

include "ir/DLBase.td"

def DL_PermuteOp : DL_Op<"permute", [Pure, InferTypeOpAdaptor,
    AllElementTypesMatch<["input", "result"]>, DL_Differentiable]> {
  let summary = "Reorders the dimensions (PyTorch `permute`).";
  let description = [{
    Result dimension `i` is input dimension `dims[i]`; `dims` is a
    permutation of `0 .. rank-1`. The DSL's `transpose(x, d0, d1)` is the
    permutation swapping two dims. Gradient: the cotangent permuted by the
    inverse permutation.
    ```mlir
    %y = dl.permute %x dims = [0, 2, 3, 1] : tensor<2x3x4x5xf32> -> tensor<2x4x5x3xf32>
    ```
  }];
  let arguments = (ins DL_AnyTensor:$input, DenseI64ArrayAttr:$dims);
  let results = (outs DL_AnyTensor:$result);
  let assemblyFormat =
      "$input `dims` `=` $dims attr-dict `:` type($input) `->` type($result)";
  let hasFolder = 1;
}

def DL_CatOp : DL_Op<"cat", [Pure, InferTypeOpAdaptor,
    SameOperandsAndResultElementType, DL_Differentiable]> {
  let summary = "Concatenates tensors along one dimension (PyTorch `cat`).";
  let description = [{
    At least one input; all have the same rank (at least 1) and element
    type, and equal sizes in every dimension but `dim`, where the result's
    size is the sum of theirs. Unlike PyTorch, a 1-D empty tensor is not
    skipped when the others have a different rank. Gradient: each input gets
    its slice of the cotangent.
    ```mlir
    %y = dl.cat %a, %b, %c dim = 1 : tensor<2x1xf32>, tensor<2x3xf32>, tensor<2x2xf32> -> tensor<2x6xf32>
    ```
  }];
  let arguments = (ins Variadic<DL_AnyTensor>:$inputs, I64Attr:$dim);
  let results = (outs DL_AnyTensor:$result);
  let assemblyFormat =
      "$inputs `dim` `=` $dim attr-dict `:` type($inputs) `->` type($result)";
  let hasFolder = 1;
}

def DL_SliceOp : DL_Op<"slice", [Pure, InferTypeOpAdaptor,
    AllElementTypesMatch<["input", "result"]>, DL_Differentiable]> {
  let summary = "Strided slice `x[start:stop:step, ...]` (PyTorch basic indexing).";
  let description = [{
    One `start`, `stop` and `step` per dimension, normalised:
    `0 <= start <= stop <= size` and `step >= 1`; dimension `d` of the result
    has `ceil((stop - start) / step)` elements, input elements
    `start, start + step, ...` below `stop`. The DSL's `slice(x, dim, start,
    stop, step)` maps Python's negative and out-of-range bounds onto these
    (as `slice.indices` does). PyTorch rejects negative steps too.
    Gradient: the cotangent scattered into zeros at the sliced positions
    (built from `dl.pad` and `dl.reshape`: step `s` interleaves `s - 1`
    zeros after each element).
    ```mlir
    %y = dl.slice %x start = [1, 0] stop = [8, 3] step = [2, 1] : tensor<8x3xf32> -> tensor<4x3xf32>
    ```
  }];
  let arguments = (ins DL_AnyTensor:$input, DenseI64ArrayAttr:$start,
                       DenseI64ArrayAttr:$stop, DenseI64ArrayAttr:$step);
  let results = (outs DL_AnyTensor:$result);
  let assemblyFormat = [{
    $input `start` `=` $start `stop` `=` $stop `step` `=` $step attr-dict
    `:` type($input) `->` type($result)
  }];
  let hasFolder = 1;
}

def DL_PadOp : DL_Op<"pad", [Pure, InferTypeOpAdaptor,
    AllElementTypesMatch<["input", "result"]>, DL_Differentiable]> {
  let summary = "Constant padding (PyTorch `nn.functional.pad`, mode 'constant').";
  let description = [{
    `pad` lists (left, right) pairs as PyTorch does, last dimension first:
    `[1, 2]` pads the last dimension with 1 element before and 2 after,
    `[1, 2, 0, 3]` also pads the dimension before it with 3 after. Dimensions
    the list does not reach are not padded. New elements are `value`
    (default 0), rounded to the element type; for integer and i1 tensors it
    must be a value of that type. Negative pads (PyTorch crops with them)
    are rejected: use `dl.slice`. Gradient: the cotangent sliced back to the
    input's position (`value` gets none, as in PyTorch).
    ```mlir
    %y = dl.pad %x pad = [1, 2, 0, 3] value = -1.0 : tensor<2x3xf32> -> tensor<5x6xf32>
    ```
  }];
  let arguments = (ins DL_AnyTensor:$input, DenseI64ArrayAttr:$pad,
                       DefaultValuedAttr<F64Attr, "0.0">:$value);
  let results = (outs DL_AnyTensor:$result);
  let assemblyFormat = [{
    $input `pad` `=` $pad (`value` `=` $value^)? attr-dict `:` type($input) `->` type($result)
  }];
  let hasVerifier = 1;
  let hasFolder = 1;
}

def DL_FlipOp : DL_Op<"flip", [Pure, SameOperandsAndResultType, DL_Differentiable]> {
  let summary = "Reverses the order of elements along dimensions (PyTorch `flip`).";
  let description = [{
    `dims` are sorted, distinct and in range (the DSL accepts them negative
    and in any order, as PyTorch); an empty list copies the input. Gradient:
    the cotangent flipped along the same dims.
    ```mlir
    %y = dl.flip %x dims = [0, 2] : tensor<2x3x4xf32>
    ```
  }];
  let arguments = (ins DL_AnyTensor:$input, DenseI64ArrayAttr:$dims);
  let results = (outs DL_AnyTensor:$result);
  let assemblyFormat = "$input `dims` `=` $dims attr-dict `:` type($input)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

#endif // DLC_IR_OPS_DATAMOVEMENT_TD
