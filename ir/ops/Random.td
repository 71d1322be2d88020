//===- Random.td - dropout with a counter-based generator ------*- tablegen -*-===//
//
// Generated on its own (dlc_op_family(Random)); shape rules in ir/shape/Random.cpp,
// verifiers and VJPs in ir/ops/Random.cpp, C++ header ir/ops/RandomOps.h.
//
//===----------------------------------------------------------------------===//
#ifndef DLC_IR_OPS_RANDOM_TD
#define DLC_IR_OPS_RANDOM_TD

include "ir/DLBase.td"

def DL_DropoutOp : DL_Op<"dropout", [Pure, DL_Differentiable,
    AllTypesMatch<["input", "result"]>]> {
  let summary = "Training-mode dropout (PyTorch `nn.functional.dropout(input, p, training=True)`).";
  let description = [{
    `result = input * (keep ? 1 / (1 - p) : 0)`: each element is dropped
    with probability `p`, the others scaled; `p = 1` gives all zeros. As in
    PyTorch's CPU path (`input * mask`), a dropped inf or NaN gives NaN. The
    scale is `1 / (1 - p)` computed in f64 and rounded once to the element
    type (PyTorch divides by `1 - p` in the element type: at most 1 ulp
    apart). The op is training mode only: in eval mode (`training=False`)
    dropout is the identity, and the DSL emits no op (nor for `p = 0`,
    which also folds to the input).

    The mask is not stored: it is a pure function of a key, regenerated
    wherever it is needed. Element `i` (row-major index) is kept iff
    `(w >> 8) >= ceil(p * 2^24)`, where `w` is word `i mod 4` of

      Philox-4x32-10(counter = (i / 4, op_id, step mod 2^32, step >> 32),
                     key = (seed mod 2^32, seed >> 32))

    (Salmon et al. 2011, the generator of cuRAND and PyTorch's CUDA
    dropout), i.e. iff a uniform `u = (w >> 8) / 2^24` in [0, 1) is at
    least `p`. `rng_state` is a `tensor<2xi64>` argument `[seed, step]`
    (`dl.role = "rng_state"`, fed by the runtime: the step advances every
    training step); `op_id` tells two dropouts of one function apart (the DSL
    numbers them as it traces). Being a function of its operands and
    attributes, the op is Pure: CSE may merge two identical dropouts, which
    compute the same value.

    Gradient: `dl.dropout` of the cotangent with the same `rng_state`, `p`
    and `op_id`, i.e. the same mask and scale.

    The masks differ from PyTorch's CPU generator (mt19937); the
    distribution is the same. The input has at most 2^32 elements (the
    lowering computes the element index in 32 bits).
    ```mlir
    %y = dl.dropout %x, %rng p = 5.000000e-01 op_id = 0 : tensor<4x3xf32>, tensor<2xi64>
    ```
  }];
  let arguments = (ins DL_FloatTensor:$input, StaticShapeTensorOf<[I64]>:$rng_state,
                       F64Attr:$p, I64Attr:$op_id);
  let results = (outs DL_FloatTensor:$result);
  let assemblyFormat = [{
    $input `,` $rng_state `p` `=` $p `op_id` `=` $op_id attr-dict `:` type($input) `,`
    type($rng_state)
  }];
  let hasVerifier = 1;
  let hasFolder = 1;
}

#endif // DLC_IR_OPS_RANDOM_TD
