//===- Reduction.td - reductions and softmax -------------------*- tablegen -*-===//
//
// Included by ir/DLOps.td; shape rules and VJPs in ir/ops/Reduction.cpp.
//
//===----------------------------------------------------------------------===//
#ifndef DLC_IR_OPS_REDUCTION_TD
#define DLC_IR_OPS_REDUCTION_TD

def DL_ReduceSumOp : DL_Op<"reduce_sum", [Pure, InferTypeOpAdaptor, DL_Differentiable]> {
  let summary = "Sum over the given axes.";
  let description = [{
    Axes are sorted, distinct and in range. With `keepdims` the reduced axes
    stay as size 1.
    ```mlir
    %s = dl.reduce_sum %x axes = [0] : tensor<256x10xf32> -> tensor<10xf32>
    %t = dl.reduce_sum %x axes = [1] keepdims : tensor<256x10xf32> -> tensor<256x1xf32>
    ```
  }];
  let arguments = (ins DL_FloatTensor:$input, DenseI64ArrayAttr:$axes,
                       UnitAttr:$keepdims);
  let results = (outs DL_FloatTensor:$result);
  let assemblyFormat = [{
    $input `axes` `=` $axes (`keepdims` $keepdims^)? attr-dict `:` type($input) `->` type($result)
  }];
}

def DL_ReduceMaxOp : DL_Op<"reduce_max", [Pure, InferTypeOpAdaptor, DL_Differentiable]> {
  let summary = "Maximum over the given axes (PyTorch's `amax`).";
  let description = [{
    Axes are sorted, distinct and in range, and each reduced axis is
    non-empty (an empty axis has no maximum). With `keepdims` the reduced
    axes stay as size 1. A NaN in a reduced slice makes its maximum NaN.

    Gradient: the cotangent goes to the positions that attain the maximum
    and is split evenly between ties, as PyTorch's `amax` backward does
    (`max(dim)` instead routes it to one index).
    ```mlir
    %m = dl.reduce_max %x axes = [1] keepdims : tensor<256x10xf32> -> tensor<256x1xf32>
    %n = dl.reduce_max %x axes = [0, 1] : tensor<256x10xf32> -> tensor<f32>
    ```
  }];
  let arguments = (ins DL_FloatTensor:$input, DenseI64ArrayAttr:$axes,
                       UnitAttr:$keepdims);
  let results = (outs DL_FloatTensor:$result);
  let assemblyFormat = [{
    $input `axes` `=` $axes (`keepdims` $keepdims^)? attr-dict `:` type($input) `->` type($result)
  }];
}

def DL_SoftmaxOp : DL_Op<"softmax", [Pure, SameOperandsAndResultType, DL_Differentiable,
    DL_Decomposable]> {
  let summary = "Softmax along one axis.";
  let description = [{
    Computed stably as exp(x - max) / sum(exp(x - max)); decomposes into
    `reduce_max`, `sub`, `exp`, `reduce_sum` and `div`.
    ```mlir
    %p = dl.softmax %logits axis = 1 : tensor<256x10xf32>
    ```
  }];
  let arguments = (ins DL_FloatTensor:$input, I64Attr:$axis);
  let results = (outs DL_FloatTensor:$result);
  let assemblyFormat = "$input `axis` `=` $axis attr-dict `:` type($input)";
  let hasVerifier = 1;
}

def DL_LogSoftmaxOp : DL_Op<"log_softmax", [Pure, SameOperandsAndResultType,
    DL_Differentiable, DL_Decomposable]> {
  let summary = "Log-softmax along one axis (PyTorch's `log_softmax`).";
  let description = [{
    `y = x - logsumexp(x)` along `axis`, computed stably as
    `(x - max) - log(sum(exp(x - max)))`, so large logits neither overflow
    nor lose the small differences between them. Decomposes into
    `reduce_max`, `sub`, `exp`, `reduce_sum` and `log`. Its VJP is
    `g - exp(y) * sum(g, axis)`.
    ```mlir
    %l = dl.log_softmax %logits axis = 1 : tensor<256x10xf32>
    ```
  }];
  let arguments = (ins DL_FloatTensor:$input, I64Attr:$axis);
  let results = (outs DL_FloatTensor:$result);
  let assemblyFormat = "$input `axis` `=` $axis attr-dict `:` type($input)";
  let hasVerifier = 1;
}

#endif // DLC_IR_OPS_REDUCTION_TD
