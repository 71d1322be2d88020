//===- Normalization.td - layer_norm and batch_norm ------------*- tablegen -*-===//
//
// Generated on its own (dlc_op_family(Normalization)); shape rules in ir/shape/Normalization.cpp,
// verifiers and VJPs in ir/ops/Normalization.cpp, C++ header ir/ops/NormalizationOps.h.
//
//===----------------------------------------------------------------------===//
#ifndef DLC_IR_OPS_NORMALIZATION_TD
#define DLC_IR_OPS_NORMALIZATION_TD

include "ir/DLBase.td"

def DL_LayerNormOp : DL_Op<"layer_norm", [Pure, InferTypeOpAdaptor, AttrSizedOperandSegments,
    DL_Differentiable]> {
  let summary = "Layer normalization (PyTorch's `layer_norm` / `native_layer_norm`).";
  let description = [{
    Normalizes over the trailing dims given by `normalized_shape` (which must
    equal the input's trailing dims):
    `y = (x - mean) * rstd * weight + bias`, `rstd = 1 / sqrt(var + eps)`,
    with the biased variance, as PyTorch. `weight` and `bias` (shape
    `normalized_shape`) are optional, each on its own (PyTorch's
    `elementwise_affine`; PyTorch's `bias=False` is no bias).

    Like PyTorch's `native_layer_norm`, it also returns `mean` and `rstd`
    (the input's shape with the normalized dims kept as size 1): the VJP
    reads them instead of recomputing them (the standard fused formula),
    and the forward computes them anyway. They are not differentiable: a
    loss that depends on them is an autodiff error.

    Gradient (x̂ = (x - mean) * rstd, ĝ = g * weight, means over the
    normalized dims): `dx = rstd * (ĝ - mean(ĝ) - x̂ * mean(ĝ * x̂))`,
    `dweight = sum(g * x̂)` and `dbias = sum(g)` over the leading dims.
    ```mlir
    %y, %mean, %rstd = dl.layer_norm %x normalized_shape = [4] weight %w : tensor<4xf32>
        bias %b : tensor<4xf32> eps = 1.000000e-05
        : tensor<2x3x4xf32> -> tensor<2x3x4xf32>, tensor<2x3x1xf32>, tensor<2x3x1xf32>
    ```
  }];
  let arguments = (ins DL_FloatTensor:$input, Optional<DL_FloatTensor>:$weight,
                       Optional<DL_FloatTensor>:$bias, DenseI64ArrayAttr:$normalized_shape,
                       F64Attr:$eps);
  let results = (outs DL_FloatTensor:$result, DL_FloatTensor:$mean, DL_FloatTensor:$rstd);
  let assemblyFormat = [{
    $input `normalized_shape` `=` $normalized_shape
    (`weight` $weight^ `:` type($weight))? (`bias` $bias^ `:` type($bias))?
    `eps` `=` $eps attr-dict `:` type($input) `->` type(results)
  }];
}

def DL_BatchNormOp : DL_Op<"batch_norm", [Pure, InferTypeOpAdaptor, AttrSizedOperandSegments,
    DL_Differentiable]> {
  let summary = "Batch normalization (PyTorch's `F.batch_norm`).";
  let description = [{
    Input (N, C, ...) of rank >= 2 ((N, C), (N, C, L), (N, C, H, W), ...);
    `running_mean`, `running_var`, and the optional `weight` and `bias` have
    shape (C). Statistics are per channel, over every dim but 1.

    With `training`: normalizes with the batch mean and the biased batch
    variance, and returns the running statistics updated as PyTorch updates
    its buffers: `new_running_mean = (1 - momentum) * running_mean +
    momentum * mean` and `new_running_var` likewise with the *unbiased*
    batch variance (m / (m - 1) times the biased one, m = N * spatial
    size). As PyTorch, training needs more than one value per channel.
    Without `training`: normalizes with the running statistics, which come
    back unchanged.

    `save_mean` and `save_rstd` are the mean and 1 / sqrt(var + eps) used
    to normalize (batch or running); the VJP reads them.

    Gradient (x̂ = (x - save_mean) * save_rstd): `dweight = sum(g * x̂)`,
    `dbias = sum(g)` over every dim but 1; in training
    `dx = weight * rstd * (g - mean(g) - x̂ * mean(g * x̂))`, in inference
    (an affine map) `dx = weight * rstd * g`. The running statistics get
    no gradient (they are buffers), nor do the extra results.
    ```mlir
    %y, %rm, %rv, %m, %r = dl.batch_norm %x, %running_mean, %running_var
        weight %w : tensor<3xf32> bias %b : tensor<3xf32>
        training momentum = 1.000000e-01 eps = 1.000000e-05
        : tensor<8x3x4x4xf32>, tensor<3xf32>, tensor<3xf32>
        -> tensor<8x3x4x4xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>
    ```
  }];
  let arguments = (ins DL_FloatTensor:$input, DL_FloatTensor:$running_mean,
                       DL_FloatTensor:$running_var, Optional<DL_FloatTensor>:$weight,
                       Optional<DL_FloatTensor>:$bias, UnitAttr:$training,
                       F64Attr:$momentum, F64Attr:$eps);
  let results = (outs DL_FloatTensor:$result, DL_FloatTensor:$new_running_mean,
                      DL_FloatTensor:$new_running_var, DL_FloatTensor:$save_mean,
                      DL_FloatTensor:$save_rstd);
  let assemblyFormat = [{
    $input `,` $running_mean `,` $running_var
    (`weight` $weight^ `:` type($weight))? (`bias` $bias^ `:` type($bias))?
    (`training` $training^)? `momentum` `=` $momentum `eps` `=` $eps attr-dict
    `:` type($input) `,` type($running_mean) `,` type($running_var) `->` type(results)
  }];
}

#endif // DLC_IR_OPS_NORMALIZATION_TD
