//===- DLInterfaces.td - interfaces of dl ops --------------*- tablegen -*-===//
#ifndef DLC_IR_DLINTERFACES_TD
#define DLC_IR_DLINTERFACES_TD

include "mlir/IR/OpBase.td"

def DifferentiableOpInterface : OpInterface<"DifferentiableOpInterface"> {
  let cppNamespace = "::dlc::dl";
  let description = [{
    An op that knows its vector-Jacobian product. Given the cotangent of each
    result (a null Value when the result does not reach the loss), the op
    builds, with ordinary dl ops, the cotangent of each operand, or a null
    Value for operands that are not differentiable (integer labels, shapes).
    Cotangents have exactly the type of the value they belong to; rules
    un-broadcast where the forward op broadcast.
  }];
  let methods = [
    InterfaceMethod<
      /*desc=*/"Appends one cotangent per operand (null where none) to `operandGrads`.",
      /*retTy=*/"::llvm::LogicalResult",
      /*methodName=*/"buildVJP",
      /*args=*/(ins "::mlir::OpBuilder &":$b,
                    "::mlir::ValueRange":$resultGrads,
                    "::llvm::SmallVectorImpl<::mlir::Value> &":$operandGrads)>
  ];
}

#endif // DLC_IR_DLINTERFACES_TD
