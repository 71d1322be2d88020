//===- Creation.td - constants ---------------------------------*- tablegen -*-===//
//
// Included by ir/DLOps.td; shape rules and VJPs in ir/ops/Creation.cpp.
//
//===----------------------------------------------------------------------===//
#ifndef DLC_IR_OPS_CREATION_TD
#define DLC_IR_OPS_CREATION_TD

def DL_ConstantOp : DL_Op<"constant", [ConstantLike, Pure,
    AllTypesMatch<["value", "result"]>]> {
  let summary = "A tensor constant.";
  let description = [{
    ```mlir
    %one = dl.constant dense<1.0> : tensor<f32>
    ```
  }];
  let arguments = (ins ElementsAttr:$value);
  let results = (outs AnyStaticShapeTensor:$result);
  let assemblyFormat = "$value attr-dict";
  let builders = [OpBuilder<(ins "::mlir::ElementsAttr":$value)>];
  let hasFolder = 1;
}

#endif // DLC_IR_OPS_CREATION_TD
