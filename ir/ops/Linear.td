//===- Linear.td - batched matmul and linear -------------------*- tablegen -*-===//
//
// Generated on its own (dlc_op_family(Linear)); shape rules in ir/shape/Linear.cpp,
// verifiers and VJPs in ir/ops/Linear.cpp, C++ header ir/ops/LinearOps.h.
//
//===----------------------------------------------------------------------===//
#ifndef DLC_IR_OPS_LINEAR_TD
#define DLC_IR_OPS_LINEAR_TD

include "ir/DLBase.td"

def DL_BatchMatmulOp : DL_Op<"batch_matmul", [Pure, InferTypeOpAdaptor,
    AllElementTypesMatch<["lhs", "rhs", "result"]>, DL_Differentiable, DL_RuntimeKernel,
    DL_Decomposable]> {
  let summary = "Batched matrix product (PyTorch `torch.matmul` of rank >= 3, `bmm`).";
  let description = [{
    `result[b...] = op(lhs[b...]) · op(rhs[b...])` over the last two
    dimensions, where `op` swaps the last two dimensions of its operand when
    `transpose_lhs` / `transpose_rhs` is set (PyTorch's `a.mT`). The batch
    dimensions (all but the last two) broadcast as in numpy, so a rank-2
    operand is shared by every batch. Both operands have rank >= 2 and one
    of them rank >= 3 (two matrices are a `dl.matmul`).

    The oneDNN runtime serves the rank-3 f32 form whose operands' batch is
    the result's or 1 (`dlc_rt_batch_matmul`); other shapes decompose into
    it (reshapes, and a `dl.broadcast_to` only when an operand's batch
    dimensions are partly broadcast), other element types run as linalg.
    ```mlir
    %y = dl.batch_matmul %a, %b transpose_rhs
        : tensor<2x1x3x4xf32>, tensor<5x2x4xf32> -> tensor<2x5x3x2xf32>
    ```
  }];
  let arguments = (ins DL_FloatTensor:$lhs, DL_FloatTensor:$rhs,
                       UnitAttr:$transpose_lhs, UnitAttr:$transpose_rhs);
  let results = (outs DL_FloatTensor:$result);
  let assemblyFormat = [{
    $lhs `,` $rhs (`transpose_lhs` $transpose_lhs^)? (`transpose_rhs` $transpose_rhs^)?
    attr-dict `:` type($lhs) `,` type($rhs) `->` type($result)
  }];
  let extraClassDeclaration = [{
    /// True in the form the runtime kernel takes: both operands of rank 3,
    /// each with batch size 1 or the result's.
    bool isKernelForm();
  }];
}

def DL_LinearOp : DL_Op<"linear", [Pure, InferTypeOpAdaptor,
    AllElementTypesMatch<["input", "weight", "result"]>, DL_Differentiable,
    DL_Decomposable]> {
  let summary = "Affine map x·Wᵀ + b (PyTorch `torch.nn.functional.linear`).";
  let description = [{
    `input` (..., in), `weight` (out, in) and the optional `bias` (out) give
    (..., out), as PyTorch's `F.linear(input, weight, bias=None)`.

    Decomposes into a `dl.matmul` with `transpose_rhs` on the input
    flattened to (prod(...), in) (sgemm on the runtime), reshapes, and a
    broadcasting `dl.add` of the bias, which the elementwise fusion merges
    with the elementwise ops that follow (an activation, say).
    ```mlir
    %y = dl.linear %x, %w, %b
        : tensor<8x5x4xf32>, tensor<3x4xf32>, tensor<3xf32> -> tensor<8x5x3xf32>
    ```
  }];
  let arguments = (ins DL_FloatTensor:$input, DL_FloatTensor:$weight,
                       Optional<DL_FloatTensor>:$bias);
  let results = (outs DL_FloatTensor:$result);
  let assemblyFormat = [{
    $input `,` $weight (`,` $bias^)? attr-dict
    `:` type($input) `,` type($weight) (`,` type($bias)^)? `->` type($result)
  }];
  let hasVerifier = 1;
}

#endif // DLC_IR_OPS_LINEAR_TD
