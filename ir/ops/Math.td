//===- Math.td - elementwise math, comparisons, casts ----------*- tablegen -*-===//
//
// Generated on its own (dlc_op_family(Math)); shape rules and VJPs in
// ir/ops/Math.cpp, C++ header ir/ops/MathOps.h.
//
//===----------------------------------------------------------------------===//
#ifndef DLC_IR_OPS_MATH_TD
#define DLC_IR_OPS_MATH_TD

include "ir/DLBase.td"

def DL_AbsOp : DL_UnaryOp<"abs", "the absolute value |x| (PyTorch `abs`)"> {
  let description = [{
    Gradient: `g * sign(x)`, so 0 at x = 0, as PyTorch's.
    ```mlir
    %y = dl.abs %x : tensor<4x3xf32>
    ```
  }];
}

#endif // DLC_IR_OPS_MATH_TD
