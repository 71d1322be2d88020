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

def RuntimeKernelOpInterface : OpInterface<"RuntimeKernelOpInterface"> {
  let cppNamespace = "::dlc::dl";
  let description = [{
    An op a runtime kernel can run (oneDNN today). The kernel is declared in
    `runtime/abi/Kernels.def`: its inputs are the op's operands in order, its
    outputs the op's results in order, then the integer arguments this
    interface returns. `dl-lower-to-runtime` checks the op against that
    declaration (element types, ranks, counts) and replaces it by a call;
    whether the runtime or linalg serves a given op is decided by one
    function, `dlc::backendFor` (passes/lowering/Backend.h).
  }];
  let methods = [
    InterfaceMethod<"The kernel's name in runtime/abi/Kernels.def.",
      "::llvm::StringRef", "getKernelName">,
    InterfaceMethod<"The kernel's integer arguments, in its order.",
      "::llvm::SmallVector<int64_t>", "getKernelInts">
  ];
}

#endif // DLC_IR_DLINTERFACES_TD
