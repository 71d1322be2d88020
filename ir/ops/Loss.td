//===- Loss.td - losses ----------------------------------------*- tablegen -*-===//
//
// Included by ir/DLOps.td; shape rules and VJPs in ir/ops/Loss.cpp.
//
//===----------------------------------------------------------------------===//
#ifndef DLC_IR_OPS_LOSS_TD
#define DLC_IR_OPS_LOSS_TD

def DL_OneHotOp : DL_Op<"one_hot", [Pure, InferTypeOpAdaptor]> {
  let summary = "One-hot encoding of integer labels as floats (f32 unless the result type says otherwise).";
  let description = [{
    `result[i..., c] = labels[i...] == c ? 1 : 0`. Labels outside
    `[0, classes)` give an all-zero row.
    ```mlir
    %t = dl.one_hot %labels classes = 10 : tensor<256xi32> -> tensor<256x10xf32>
    ```
  }];
  let arguments = (ins DL_LabelTensor:$labels, I64Attr:$classes);
  let results = (outs DL_FloatTensor:$result);
  let assemblyFormat =
      "$labels `classes` `=` $classes attr-dict `:` type($labels) `->` type($result)";
  let extraClassDeclaration = [{
    /// The inferred type is f32; any float element type of that shape is fine.
    static bool isCompatibleReturnTypes(::mlir::TypeRange inferred, ::mlir::TypeRange actual);
  }];
}

def DL_SoftmaxCrossEntropyOp : DL_Op<"softmax_cross_entropy",
    [Pure, InferTypeOpAdaptor, DL_Differentiable, DL_Decomposable]> {
  let summary = "Mean cross-entropy between softmax(logits) and integer labels.";
  let description = [{
    `loss = mean_n (logsumexp(logits[n, :]) - logits[n, labels[n]])`, what
    PyTorch's `CrossEntropyLoss()` computes. Logits are (N, C), labels (N).
    Its VJP is `(softmax(logits) - one_hot(labels)) * g / N`. Decomposes
    with a stable logsumexp (`max + log(sum(exp(x - max)))`); the picked
    logit is `sum(one_hot(labels) * logits)` along C.
    ```mlir
    %l = dl.softmax_cross_entropy %logits, %labels : tensor<256x10xf32>, tensor<256xi32> -> tensor<f32>
    ```
  }];
  let arguments = (ins DL_FloatTensor:$logits, DL_LabelTensor:$labels);
  let results = (outs 0DTensorOf<[F32, F64, BF16]>:$result);
  let assemblyFormat =
      "$logits `,` $labels attr-dict `:` type($logits) `,` type($labels) `->` type($result)";
}

#endif // DLC_IR_OPS_LOSS_TD
