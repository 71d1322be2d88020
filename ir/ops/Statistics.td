//===- Statistics.td - reductions: mean, amin, argmax, logsumexp, var ---*- tablegen -*-===//
//
// Generated on its own (dlc_op_family(Statistics)); shape rules in ir/shape/Statistics.cpp,
// verifiers and VJPs in ir/ops/Statistics.cpp, C++ header ir/ops/StatisticsOps.h.
//
//===----------------------------------------------------------------------===//
#ifndef DLC_IR_OPS_STATISTICS_TD
#define DLC_IR_OPS_STATISTICS_TD

include "ir/DLBase.td"

// Reductions over sorted, distinct, in-range `axes`; with `keepdims` the
// reduced axes stay as size 1 (PyTorch's `keepdim`).
class DL_AxesReductionOp<string mnemonic, list<Trait> traits = []>
    : DL_Op<mnemonic, !listconcat([Pure, InferTypeOpAdaptor], traits)> {
  let arguments = (ins DL_FloatTensor:$input, DenseI64ArrayAttr:$axes,
                       UnitAttr:$keepdims);
  let results = (outs DL_FloatTensor:$result);
  let assemblyFormat = [{
    $input `axes` `=` $axes (`keepdims` $keepdims^)? attr-dict `:` type($input) `->` type($result)
  }];
}

def DL_MeanOp : DL_AxesReductionOp<"mean", [DL_Differentiable, DL_Decomposable]> {
  let summary = "Arithmetic mean over the given axes (PyTorch's `mean`).";
  let description = [{
    `sum(x, axes) / n`, n the number of reduced elements; decomposes into
    `reduce_sum` and `div`. A mean over an empty axis is NaN (0/0), as
    PyTorch's. Gradient: `g / n`, broadcast back over the reduced axes.
    ```mlir
    %m = dl.mean %x axes = [1] : tensor<4x10xf32> -> tensor<4xf32>
    %k = dl.mean %x axes = [0, 1] keepdims : tensor<4x10xf32> -> tensor<1x1xf32>
    ```
  }];
}

def DL_ReduceMinOp : DL_AxesReductionOp<"reduce_min", [DL_Differentiable, DL_Decomposable]> {
  let summary = "Minimum over the given axes (PyTorch's `amin`).";
  let description = [{
    Each reduced axis must be non-empty (an empty slice has no minimum). A
    NaN in a reduced slice makes its minimum NaN. Decomposes exactly into
    `-reduce_max(-x)` (negation is exact).

    Gradient: the cotangent goes to the positions that attain the minimum
    and is split evenly between ties, as PyTorch's `amin` backward (and
    `dl.reduce_max`'s rule) does.
    ```mlir
    %m = dl.reduce_min %x axes = [1] keepdims : tensor<4x10xf32> -> tensor<4x1xf32>
    ```
  }];
}

def DL_ArgmaxOp : DL_Op<"argmax", [Pure, InferTypeOpAdaptor]> {
  let summary = "Index of the maximum along one axis (PyTorch's `argmax(dim=, keepdim=)`).";
  let description = [{
    The result is i64. Ties go to the first (lowest) index and a NaN counts
    as larger than every number (its first occurrence wins), as PyTorch's.
    The axis must be non-empty. Not differentiable: an argmax on the path to
    a loss is an autodiff error naming it.
    ```mlir
    %i = dl.argmax %logits axis = 1 : tensor<8x10xf32> -> tensor<8xi64>
    %k = dl.argmax %logits axis = 1 keepdims : tensor<8x10xf32> -> tensor<8x1xi64>
    ```
  }];
  let arguments = (ins DL_FloatTensor:$input, I64Attr:$axis, UnitAttr:$keepdims);
  let results = (outs StaticShapeTensorOf<[I64]>:$result);
  let assemblyFormat = [{
    $input `axis` `=` $axis (`keepdims` $keepdims^)? attr-dict `:` type($input) `->` type($result)
  }];
}

def DL_LogSumExpOp : DL_AxesReductionOp<"logsumexp", [DL_Differentiable]> {
  let summary = "log(sum(exp(x))) over the given axes, stably (PyTorch's `logsumexp`).";
  let description = [{
    Computed as `m + log(sum(exp(x - m)))` with `m` the maximum over the
    axes, replaced by 0 where it is infinite (as PyTorch does): a slice of
    all -inf gives -inf (not NaN), a +inf entry gives +inf, and large
    entries never overflow. An empty axis gives -inf.

    It lowers directly to linalg (a max pass and a sum-of-exp pass per
    slice) rather than decomposing: the infinite-maximum guard needs a
    select, which the core dl ops do not have.

    Gradient: `g * exp(x - y)`, i.e. `g * softmax(x)` over the axes (NaN in
    an all -inf slice, as PyTorch's).
    ```mlir
    %l = dl.logsumexp %x axes = [1] : tensor<4x10xf32> -> tensor<4xf32>
    ```
  }];
}

def DL_VarOp : DL_Op<"var", [Pure, InferTypeOpAdaptor, DL_Differentiable, DL_Decomposable]> {
  let summary = "Variance over the given axes (PyTorch's `var(dim, correction=, keepdim=)`).";
  let description = [{
    `sum((x - mean)^2) / max(0, n - correction)`, n the number of reduced
    elements; `correction` = 1 (the default in the DSL, as PyTorch's) is the
    unbiased estimate, 0 the population variance. As PyTorch, n <= correction
    divides by 0 (inf, or NaN for a zero sum). Decomposes into two passes
    (`reduce_sum`, `div`, `sub`, `mul`): the mean first, then the squared
    deviations, which is stable where `E[x^2] - E[x]^2` is not.

    Gradient: `2 (x - mean) / (n - correction) * g`.
    ```mlir
    %v = dl.var %x axes = [1] correction = 1 : tensor<4x10xf32> -> tensor<4xf32>
    %p = dl.var %x axes = [0, 1] correction = 0 keepdims : tensor<4x10xf32> -> tensor<1x1xf32>
    ```
  }];
  let arguments = (ins DL_FloatTensor:$input, DenseI64ArrayAttr:$axes,
                       I64Attr:$correction, UnitAttr:$keepdims);
  let results = (outs DL_FloatTensor:$result);
  let assemblyFormat = [{
    $input `axes` `=` $axes `correction` `=` $correction (`keepdims` $keepdims^)? attr-dict
    `:` type($input) `->` type($result)
  }];
}

#endif // DLC_IR_OPS_STATISTICS_TD
