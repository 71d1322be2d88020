//===- DLBase.td - what every dl op family includes --------*- tablegen -*-===//
//
// The dialect, its interfaces and the operand type constraints. The core
// families (ir/DLOps.td) and each separately generated family
// (ir/ops/<Family>.td, see dlc_op_family in ir/CMakeLists.txt) include this.
//
//===----------------------------------------------------------------------===//
#ifndef DLC_IR_DLBASE_TD
#define DLC_IR_DLBASE_TD

include "ir/DLDialect.td"
include "ir/DLInterfaces.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/IR/BuiltinAttributes.td"

// Static shapes for now; ops are written against shape rules that a `?`
// dimension can later be added to.
// Element types come from the operands: f32 (the default), f64 (gradient
// checks), bf16 (mixed precision); labels and token ids are i32 or i64.
// Backends that lack a type say so when lowering, naming the op and type.
def DL_FloatTensor : StaticShapeTensorOf<[F32, F64, BF16]>;
def DL_LabelTensor : StaticShapeTensorOf<[I32, I64]>;
// Comparisons and masks.
def DL_BoolTensor : StaticShapeTensorOf<[I1]>;
// Any element type a dl tensor holds.
def DL_AnyTensor : StaticShapeTensorOf<[F32, F64, BF16, I1, I32, I64]>;
def DL_Differentiable : DeclareOpInterfaceMethods<DifferentiableOpInterface>;
def DL_RuntimeKernel : DeclareOpInterfaceMethods<RuntimeKernelOpInterface>;
// Composite ops rewrite themselves into primitive dl ops (dl-decompose);
// lowering falls back to that decomposition.
def DL_Decomposable : DeclareOpInterfaceMethods<DecomposableOpInterface>;

// Elementwise op classes, for every family: float operands, numpy
// broadcasting (binary) or the same type in and out (unary).
class DL_BinaryOp<string mnemonic> : DL_Op<mnemonic, [Pure, InferTypeOpAdaptor,
    AllElementTypesMatch<["lhs", "rhs", "result"]>, DL_Differentiable]> {
  let arguments = (ins DL_FloatTensor:$lhs, DL_FloatTensor:$rhs);
  let results = (outs DL_FloatTensor:$result);
  let assemblyFormat =
      "$lhs `,` $rhs attr-dict `:` type($lhs) `,` type($rhs) `->` type($result)";
}

class DL_UnaryOp<string mnemonic, string what> : DL_Op<mnemonic,
    [Pure, SameOperandsAndResultType, DL_Differentiable]> {
  let summary = "Elementwise " # what # ".";
  let description = "Applies " # what # [{ to every element.
    ```mlir
    %y = dl.}] # mnemonic # [{ %x : tensor<4x3xf32>
    ```
  }];
  let arguments = (ins DL_FloatTensor:$input);
  let results = (outs DL_FloatTensor:$result);
  let assemblyFormat = "$input attr-dict `:` type($input)";
}

#endif // DLC_IR_DLBASE_TD
