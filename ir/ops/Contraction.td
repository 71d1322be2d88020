//===- Contraction.td - matrix products ------------------------*- tablegen -*-===//
//
// Included by ir/DLOps.td; shape rules and VJPs in ir/ops/Contraction.cpp.
//
//===----------------------------------------------------------------------===//
#ifndef DLC_IR_OPS_CONTRACTION_TD
#define DLC_IR_OPS_CONTRACTION_TD

def DL_MatmulOp : DL_Op<"matmul", [Pure, InferTypeOpAdaptor,
    AllElementTypesMatch<["lhs", "rhs", "result"]>, DL_Differentiable, DL_RuntimeKernel]> {
  let summary = "Matrix product of two rank-2 tensors, optionally transposed.";
  let description = [{
    `result = op(lhs) · op(rhs)` where `op` transposes its operand when
    `transpose_lhs` / `transpose_rhs` is set. A linear layer `x·Wᵀ` is a
    matmul with `transpose_rhs`.
    ```mlir
    %y = dl.matmul %x, %w transpose_rhs : tensor<256x400xf32>, tensor<120x400xf32> -> tensor<256x120xf32>
    ```
  }];
  let arguments = (ins DL_FloatTensor:$lhs, DL_FloatTensor:$rhs,
                       UnitAttr:$transpose_lhs, UnitAttr:$transpose_rhs);
  let results = (outs DL_FloatTensor:$result);
  let assemblyFormat = [{
    $lhs `,` $rhs (`transpose_lhs` $transpose_lhs^)? (`transpose_rhs` $transpose_rhs^)?
    attr-dict `:` type($lhs) `,` type($rhs) `->` type($result)
  }];
}

#endif // DLC_IR_OPS_CONTRACTION_TD
