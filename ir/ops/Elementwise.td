//===- Elementwise.td - elementwise ops ------------------------*- tablegen -*-===//
//
// Included by ir/DLOps.td; shape rules and VJPs in ir/ops/Elementwise.cpp.
//
//===----------------------------------------------------------------------===//
#ifndef DLC_IR_OPS_ELEMENTWISE_TD
#define DLC_IR_OPS_ELEMENTWISE_TD

def DL_AddOp : DL_BinaryOp<"add"> {
  let summary = "Elementwise sum with numpy broadcasting.";
  let description = [{
    Shapes broadcast as in numpy: trailing dimensions are aligned and a
    dimension of size 1 stretches to match the other.
    ```mlir
    %y = dl.add %x, %b : tensor<4x3xf32>, tensor<3xf32> -> tensor<4x3xf32>
    ```
  }];
}
def DL_SubOp : DL_BinaryOp<"sub"> {
  let summary = "Elementwise difference with numpy broadcasting.";
  let description = [{
    ```mlir
    %y = dl.sub %a, %b : tensor<4x3xf32>, tensor<4x1xf32> -> tensor<4x3xf32>
    ```
  }];
}
def DL_MulOp : DL_BinaryOp<"mul"> {
  let summary = "Elementwise product with numpy broadcasting.";
  let description = [{
    ```mlir
    %y = dl.mul %lr, %g : tensor<f32>, tensor<10x4xf32> -> tensor<10x4xf32>
    ```
  }];
}
def DL_DivOp : DL_BinaryOp<"div"> {
  let summary = "Elementwise quotient with numpy broadcasting.";
  let description = [{
    ```mlir
    %y = dl.div %a, %n : tensor<8x3xf32>, tensor<f32> -> tensor<8x3xf32>
    ```
  }];
}

def DL_NegOp : DL_UnaryOp<"neg", "negation (-x)">;
def DL_ExpOp : DL_UnaryOp<"exp", "the exponential e^x">;
def DL_LogOp : DL_UnaryOp<"log", "the natural logarithm">;
def DL_TanhOp : DL_UnaryOp<"tanh", "the hyperbolic tangent">;
def DL_SigmoidOp : DL_UnaryOp<"sigmoid", "the logistic sigmoid 1/(1+e^-x)">;
def DL_ReluOp : DL_UnaryOp<"relu", "the rectifier max(x, 0)">;
def DL_SignOp : DL_UnaryOp<"sign",
    "the sign (-1, 0 or 1; its gradient is zero everywhere)">;

#endif // DLC_IR_OPS_ELEMENTWISE_TD
