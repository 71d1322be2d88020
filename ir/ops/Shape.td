//===- Shape.td - shape and data movement ----------------------*- tablegen -*-===//
//
// Included by ir/DLOps.td; shape rules and VJPs in ir/ops/Shape.cpp.
//
//===----------------------------------------------------------------------===//
#ifndef DLC_IR_OPS_SHAPE_TD
#define DLC_IR_OPS_SHAPE_TD

def DL_ReshapeOp : DL_Op<"reshape", [Pure, DL_Differentiable]> {
  let summary = "Same elements in row-major order, new shape.";
  let description = [{
    ```mlir
    %f = dl.reshape %x : tensor<256x16x5x5xf32> -> tensor<256x400xf32>
    ```
  }];
  let arguments = (ins DL_FloatTensor:$input);
  let results = (outs DL_FloatTensor:$result);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($result)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

def DL_BroadcastToOp : DL_Op<"broadcast_to", [Pure, DL_Differentiable]> {
  let summary = "Numpy-broadcasts a tensor to a larger shape.";
  let description = [{
    ```mlir
    %b = dl.broadcast_to %x : tensor<1x10xf32> -> tensor<256x10xf32>
    ```
  }];
  let arguments = (ins DL_FloatTensor:$input);
  let results = (outs DL_FloatTensor:$result);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($result)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

#endif // DLC_IR_OPS_SHAPE_TD
