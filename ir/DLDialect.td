//===- DLDialect.td - the dl dialect -----------------------*- tablegen -*-===//
#ifndef DLC_IR_DLDIALECT_TD
#define DLC_IR_DLDIALECT_TD

include "mlir/IR/OpBase.td"

def DL_Dialect : Dialect {
  let name = "dl";
  let cppNamespace = "::dlc::dl";
  let summary = "Tensor-level deep-learning ops that dlc traces models into.";
  let description = [{
    `dl` ops have value semantics on ranked tensors with static shapes. Each
    op infers or verifies its result shape, and each differentiable op
    carries its own vector-Jacobian product (`DifferentiableOpInterface`),
    from which the `dl-autodiff` pass derives gradients. Ops listed as
    backward-only (`*_backward*`) are produced by autodiff, never by users.
  }];
  let useDefaultAttributePrinterParser = 0;
  let useDefaultTypePrinterParser = 0;
  let hasConstantMaterializer = 1;
  // dl.role / dl.name on function arguments and results (ir/Roles.h).
  let hasRegionArgAttrVerify = 1;
  let hasRegionResultAttrVerify = 1;
  let extraClassDeclaration = [{
    /// Registers the ops of a separately generated family
    /// (ir/ops/<Family>Ops.h); each family's register function calls this.
    template <typename... Ops> void addFamily() { addOperations<Ops...>(); }
  }];
}

// Every tensor a dl op touches fits in 2^63 bytes (ir/Traits.h).
def DL_BoundedTensorSizes : NativeOpTrait<"BoundedTensorSizes"> {
  let cppNamespace = "::dlc::dl";
}

class DL_Op<string mnemonic, list<Trait> traits = []>
    : Op<DL_Dialect, mnemonic, !listconcat(traits, [DL_BoundedTensorSizes])>;

#endif // DLC_IR_DLDIALECT_TD
