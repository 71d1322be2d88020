//===- Criterion.td - losses and masked softmax ----------------*- tablegen -*-===//
//
// Generated on its own (dlc_op_family(Criterion)); shape rules in ir/shape/Criterion.cpp,
// verifiers and VJPs in ir/ops/Criterion.cpp, C++ header ir/ops/CriterionOps.h.
//
// Losses take PyTorch's `reduction`: "none" (one loss per element, the
// target's shape), "mean" (the default) or "sum" (rank-0 results).
//
//===----------------------------------------------------------------------===//
#ifndef DLC_IR_OPS_CRITERION_TD
#define DLC_IR_OPS_CRITERION_TD

include "ir/DLBase.td"

// "none" | "mean" | "sum", checked by each loss's verifier.
def DL_LossReductionAttr : DefaultValuedStrAttr<StrAttr, "mean">;

def DL_CrossEntropyOp : DL_Op<"cross_entropy", [Pure, InferTypeOpAdaptor,
    AllElementTypesMatch<["input", "result"]>, DL_Differentiable, DL_Decomposable]> {
  let summary = "Cross-entropy of logits against class indices (PyTorch `F.cross_entropy`).";
  let description = [{
    `input` holds logits (N, C) or (N, C, d1, ...) (or (C) unbatched), the
    class axis is 1 (0 when unbatched); `target` holds class indices
    (N) or (N, d1, ...) (i32 or i64). Per element
    `loss = -sum_c w[c] * ((1 - ls) * [target = c] + ls / C) * log_softmax(input)[c]`
    with `ls` = `label_smoothing` and `w` the optional per-class `weight`
    (all ones without it). An element whose target is `ignore_index`
    (default -100) contributes 0 and is left out of the mean. As PyTorch,
    "mean" divides the sum by the sum of the picked weights `w[target]`
    over the elements not ignored (N·d1·... without weights), so a batch
    in which every target is ignored gives NaN. A target outside [0, C)
    other than `ignore_index` is an error in PyTorch; here it is treated
    as ignored.

    Gradient (to `input` only; as in PyTorch, `weight` gets none):
    `(softmax(input) * sum_c t - t) * g / denominator` with `t` the
    smoothed, weighted one-hot above (`dl.target_weights`).

    d2l's `MaskedSoftmaxCELoss` (per-position masks, mean over time) is
    `reduction = "none"`, times the (N, T) float mask with `dl.mul`, then a
    mean over the time axis; in the DSL, for logits (N, C, T) and labels
    (N, T): `mean(mul(crossEntropy(x, y, {.reduction = Reduction::None}),
    mask), {1})`.

    Decomposes into `target_weights` (t), a stable logsumexp
    (`z = x - max`, `lse = log(sum(exp(z)))`, one log per row) and
    `class_weighted_sum(sum_c t, lse) - class_weighted_sum(t, z)`
    (`class_weighted_sum` skips zero weights, so a -inf logit of another
    class, or an ignored row of -inf logits, does not make the loss NaN
    as 0 * -inf would), then `reduce_sum`/`div` for the reduction. As in
    PyTorch, a -inf logit still gives an infinite loss with label
    smoothing, NaN logits propagate, and an all -inf row's gradient is NaN.
    ```mlir
    %l = dl.cross_entropy %x, %y : tensor<8x5xf32>, tensor<8xi64> -> tensor<f32>
    %m = dl.cross_entropy %x, %y weight %w {ignore_index = 0 : i64, label_smoothing = 1.000000e-01 : f64, reduction = "none"}
           : tensor<4x5x7xf32>, tensor<4x7xi64>, tensor<5xf32> -> tensor<4x7xf32>
    ```
  }];
  let arguments = (ins DL_FloatTensor:$input, DL_LabelTensor:$target,
                       Optional<DL_FloatTensor>:$weight,
                       DefaultValuedAttr<I64Attr, "-100">:$ignore_index,
                       DefaultValuedAttr<F64Attr, "0.0">:$label_smoothing,
                       DL_LossReductionAttr:$reduction);
  let results = (outs DL_FloatTensor:$result);
  let assemblyFormat = [{
    $input `,` $target (`weight` $weight^)? attr-dict `:` type($input) `,` type($target)
    (`,` type($weight)^)? `->` type($result)
  }];
  let hasVerifier = 1;
}

def DL_NllLossOp : DL_Op<"nll_loss", [Pure, InferTypeOpAdaptor,
    AllElementTypesMatch<["input", "result"]>, DL_Differentiable, DL_Decomposable]> {
  let summary = "Negative log-likelihood of log-probabilities at class indices (PyTorch `F.nll_loss`).";
  let description = [{
    `loss = -weight[target] * input[target]` along the class axis (1, or 0
    unbatched), with the shapes, `weight`, `ignore_index` and `reduction`
    of `dl.cross_entropy` ("mean" divides by the sum of the picked
    weights). Without label smoothing,
    `cross_entropy(x) = nll_loss(log_softmax(x, 1))`. Decomposes into
    `-class_weighted_sum(target_weights, input)`, which, like PyTorch's
    pick of `input[target]`, ignores the -inf log-probabilities of other
    classes.

    Gradient (to `input` only): `-t * g / denominator` with `t` the
    weighted one-hot of the targets (`dl.target_weights`).
    ```mlir
    %l = dl.nll_loss %logp, %y {reduction = "sum"} : tensor<8x5xf32>, tensor<8xi32> -> tensor<f32>
    ```
  }];
  let arguments = (ins DL_FloatTensor:$input, DL_LabelTensor:$target,
                       Optional<DL_FloatTensor>:$weight,
                       DefaultValuedAttr<I64Attr, "-100">:$ignore_index,
                       DL_LossReductionAttr:$reduction);
  let results = (outs DL_FloatTensor:$result);
  let assemblyFormat = [{
    $input `,` $target (`weight` $weight^)? attr-dict `:` type($input) `,` type($target)
    (`,` type($weight)^)? `->` type($result)
  }];
  let hasVerifier = 1;
}

def DL_TargetWeightsOp : DL_Op<"target_weights", [Pure, DL_Differentiable]> {
  let summary = "Smoothed, weighted one-hot of class-index targets, class axis 1 (building block of the class losses).";
  let description = [{
    For targets (N, d1, ...) (or rank 0) and `classes` = C, the result
    (N, C, d1, ...) (or (C)) is
    `weight[c] * ((1 - label_smoothing) * [target = c] + label_smoothing / C)`
    where the target is in [0, C) and not `ignore_index`, and 0 elsewhere
    (`weight` is all ones when absent). `dl.cross_entropy` is
    `-class_weighted_sum(target_weights, log_softmax)` and `dl.nll_loss`
    `-class_weighted_sum(target_weights, input)`; their VJPs use it too.
    PyTorch has no such function (it is inside `F.cross_entropy`); the
    class axis is 1 as in PyTorch's losses, unlike `dl.one_hot`'s last
    axis. Its VJP gives
    no cotangent (integer targets; PyTorch gives `weight` no gradient).
    Lowers to one `linalg.generic`.
    ```mlir
    %t = dl.target_weights %y classes = 5 : tensor<8xi64> -> tensor<8x5xf32>
    %u = dl.target_weights %yt classes = 5 weight %w {label_smoothing = 1.000000e-01 : f64}
           : tensor<4x7xi64>, tensor<5xf32> -> tensor<4x5x7xf32>
    ```
  }];
  let arguments = (ins DL_LabelTensor:$target, Optional<DL_FloatTensor>:$weight,
                       I64Attr:$classes,
                       DefaultValuedAttr<I64Attr, "-100">:$ignore_index,
                       DefaultValuedAttr<F64Attr, "0.0">:$label_smoothing);
  let results = (outs DL_FloatTensor:$result);
  let assemblyFormat = [{
    $target `classes` `=` $classes (`weight` $weight^)? attr-dict `:` type($target)
    (`,` type($weight)^)? `->` type($result)
  }];
  let hasVerifier = 1;
}

def DL_ClassWeightedSumOp : DL_Op<"class_weighted_sum", [Pure, InferTypeOpAdaptor,
    AllElementTypesMatch<["weights", "input", "result"]>, DL_Differentiable]> {
  let summary = "Sum over the class axis of weights times input, zero weights skipped (building block of the class losses).";
  let description = [{
    `result[n, d...] = sum_c (weights[n, c, d...] != 0 ? weights * input : 0)`
    over the class axis (1, or 0 for rank-1 operands of the same shape).
    A zero weight contributes 0 even where `input` is -inf (a class with
    probability 0): `dl.nll_loss` and `dl.cross_entropy` are
    `-class_weighted_sum(target_weights, ...)` and, like PyTorch's, which
    picks the target's entry instead of multiplying, stay finite when
    another class has log-probability -inf. PyTorch has no such function.
    Gradient: `weights * g` to `input`, `input * g` to `weights`.
    Lowers to one `linalg.generic` reduction.
    ```mlir
    %s = dl.class_weighted_sum %t, %logp : tensor<8x5xf32>, tensor<8x5xf32> -> tensor<8xf32>
    ```
  }];
  let arguments = (ins DL_FloatTensor:$weights, DL_FloatTensor:$input);
  let results = (outs DL_FloatTensor:$result);
  let assemblyFormat =
      "$weights `,` $input attr-dict `:` type($weights) `,` type($input) `->` type($result)";
}

def DL_MseLossOp : DL_Op<"mse_loss", [Pure, InferTypeOpAdaptor,
    AllElementTypesMatch<["input", "target", "result"]>, DL_Differentiable, DL_Decomposable]> {
  let summary = "Squared error (input - target)^2 with a reduction (PyTorch `F.mse_loss`).";
  let description = [{
    `input` and `target` have the same shape: PyTorch broadcasts them but
    warns that a size mismatch "will likely lead to incorrect results", so
    dl rejects it. Gradient `2 * (input - target) * g` (divided by the
    element count for "mean") to `input`, its negation to `target`.
    Decomposes into `sub`, `mul`, `reduce_sum` and `div`.
    ```mlir
    %l = dl.mse_loss %y, %t : tensor<10x1xf32>, tensor<10x1xf32> -> tensor<f32>
    ```
  }];
  let arguments = (ins DL_FloatTensor:$input, DL_FloatTensor:$target,
                       DL_LossReductionAttr:$reduction);
  let results = (outs DL_FloatTensor:$result);
  let assemblyFormat =
      "$input `,` $target attr-dict `:` type($input) `,` type($target) `->` type($result)";
}

def DL_BinaryCrossEntropyWithLogitsOp : DL_Op<"binary_cross_entropy_with_logits", [Pure,
    InferTypeOpAdaptor, AttrSizedOperandSegments,
    AllElementTypesMatch<["input", "target", "result"]>, DL_Differentiable]> {
  let summary = "Binary cross-entropy of logits against probabilities (PyTorch `F.binary_cross_entropy_with_logits`).";
  let description = [{
    Per element, with `x` = input, `t` = target (same shape, floats in
    [0, 1]), `p` = `pos_weight` (1 when absent) and `w` = `weight` (1 when
    absent), both broadcast to the input's shape (a (C) `pos_weight`
    weighs the classes of the last axis, as PyTorch's):
    `loss = w * ((1 - t) * x - (1 + (p - 1) * t) * log_sigmoid(x))`,
    computed stably as `max(x, 0) - x * t + log1p(exp(-|x|))` without
    `pos_weight` and `((1 - t) * x + lw * max(-x, 0)) + lw * log1p(exp(-|x|))`
    with it (`lw = 1 + (p - 1) * t`): exp never overflows, and where the
    loss is tiny (x = -30, t = 0) the linear terms cancel exactly and the
    log1p term survives (PyTorch's f32 kernel returns 0 there).

    Gradients, as PyTorch's: to `input`
    `w * ((1 - t) - (1 + (p - 1) * t) * sigmoid(-x)) * g`, to `target`
    `w * (-x - (p - 1) * log_sigmoid(x)) * g`; `weight` and `pos_weight`
    get none (PyTorch does not differentiate them either).

    Lowers directly: one elementwise `linalg.generic` with an accurate
    log1p (the core dl ops have none, and `log(1 + e)` loses `e` below
    2^-24 in f32), then `reduce_sum` (and `div`) for "sum" and "mean".
    ```mlir
    %l = dl.binary_cross_entropy_with_logits %x, %t pos_weight %p
           : tensor<4x3xf32>, tensor<4x3xf32>, tensor<3xf32> -> tensor<f32>
    %n = dl.binary_cross_entropy_with_logits %x, %t weight %w {reduction = "none"}
           : tensor<4x3xf32>, tensor<4x3xf32>, tensor<4x1xf32> -> tensor<4x3xf32>
    ```
  }];
  let arguments = (ins DL_FloatTensor:$input, DL_FloatTensor:$target,
                       Optional<DL_FloatTensor>:$weight,
                       Optional<DL_FloatTensor>:$pos_weight,
                       DL_LossReductionAttr:$reduction);
  let results = (outs DL_FloatTensor:$result);
  let assemblyFormat = [{
    $input `,` $target (`weight` $weight^)? (`pos_weight` $pos_weight^)? attr-dict `:`
    type(operands) `->` type($result)
  }];
  let hasVerifier = 1;
}

def DL_MaskedSoftmaxOp : DL_Op<"masked_softmax", [Pure,
    AllTypesMatch<["input", "result"]>, DL_Differentiable, DL_Decomposable]> {
  let summary = "Softmax over the last axis after masking positions beyond valid lengths (d2l's `masked_softmax`).";
  let description = [{
    d2l's attention helper (there is no PyTorch function): positions
    `k >= valid_lens[...]` along the last axis are replaced by -1e6 before
    the softmax, so an all-masked row (valid length 0) comes out uniform,
    not NaN. `valid_lens` (i32 or i64) has the leading shape of `input`:
    for scores (B, Q, K) it is (B) (one length per batch, d2l's 1-D case)
    or (B, Q) (one per row, d2l's 2-D case); in general (d0, ..., dr-1)
    for 1 <= r < rank, the length of row (i0, ..., in-2) being
    `valid_lens[i0, ..., ir-1]` (d2l itself handles only rank 3).
    Without `valid_lens` it is the softmax over the last axis.

    Gradient: softmax's VJP with the masked positions' cotangent zeroed
    (they were overwritten by a constant, as d2l's in-place fill does).
    Decomposes into `dl.sequence_fill` (value -1e6) and `dl.softmax`.
    ```mlir
    %p = dl.masked_softmax %s valid_lens %n : tensor<2x3x5xf32>, tensor<2xi32>
    %q = dl.masked_softmax %s : tensor<2x3x5xf32>
    ```
  }];
  let arguments = (ins DL_FloatTensor:$input, Optional<DL_LabelTensor>:$valid_lens);
  let results = (outs DL_FloatTensor:$result);
  let assemblyFormat = [{
    $input (`valid_lens` $valid_lens^)? attr-dict `:` type($input) (`,` type($valid_lens)^)?
  }];
  let hasVerifier = 1;
}

def DL_SequenceFillOp : DL_Op<"sequence_fill", [Pure,
    AllTypesMatch<["input", "result"]>, DL_Differentiable]> {
  let summary = "Replaces positions beyond valid lengths along the last axis by a value (d2l's `sequence_mask(X, valid_len, value)`).";
  let description = [{
    `result[..., k] = k < valid_lens[...] ? input[..., k] : value`, with
    `valid_lens` shaped as in `dl.masked_softmax` (a leading prefix of the
    input's shape). d2l's `sequence_mask` fills a (rows, K) matrix in
    place; this is the same on any rank. The building block of
    `dl.masked_softmax` (value -1e6). Gradient: the cotangent with the
    filled positions zeroed, i.e. `sequence_fill(g, valid_lens, 0)`.
    Lowers to one `linalg.generic`.
    ```mlir
    %y = dl.sequence_fill %x, %n value = -1.000000e+06 : tensor<2x3x5xf32>, tensor<2x3xi64>
    ```
  }];
  let arguments = (ins DL_FloatTensor:$input, DL_LabelTensor:$valid_lens, F64Attr:$value);
  let results = (outs DL_FloatTensor:$result);
  let assemblyFormat = [{
    $input `,` $valid_lens `value` `=` $value attr-dict `:` type($input) `,` type($valid_lens)
  }];
  let hasVerifier = 1;
}

#endif // DLC_IR_OPS_CRITERION_TD
