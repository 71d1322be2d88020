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

def DecomposableOpInterface : OpInterface<"DecomposableOpInterface"> {
  let cppNamespace = "::dlc::dl";
  let description = [{
    A composite op that can rewrite itself into primitive dl ops (softmax
    into reduce_max, sub, exp, reduce_sum and div, for example). Lowering
    and fusion passes without a dedicated rule for the op fall back to its
    decomposition (`dl-decompose`, and `dl-lower-to-linalg` through the same
    pattern), so a new composite op needs no lowering of its own.

    The decomposition must compute the op's results exactly as documented
    (including its numerical safeguards, such as subtracting the maximum
    before exponentiating), and each replacement has the type of the result
    it replaces. It may fail only before building anything: a pattern that
    changed the IR must not report failure.
  }];
  let methods = [
    InterfaceMethod<
      /*desc=*/[{Builds the decomposition at the builder's insertion point and
                 appends one replacement value per result to `results`.}],
      /*retTy=*/"::llvm::LogicalResult",
      /*methodName=*/"decompose",
      /*args=*/(ins "::mlir::OpBuilder &":$b,
                    "::llvm::SmallVectorImpl<::mlir::Value> &":$results)>
  ];
}

#endif // DLC_IR_DLINTERFACES_TD
