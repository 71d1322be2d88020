//===- DLRoles.td - roles of function arguments and results -*- tablegen -*-===//
//
// Every argument and result of a function dlc compiles may carry
//   {dl.role = "<role>", dl.name = "<name>"}
// The role says what the runtime binds to it; the name is PyTorch's
// (`state_dict` key for parameters, buffers and optimizer state). Passes read
// and add arguments by role, the runtime binds buffers by (role, name), never
// by position. The dialect verifies both attributes.
//
//===----------------------------------------------------------------------===//
#ifndef DLC_IR_DLROLES_TD
#define DLC_IR_DLROLES_TD

include "mlir/IR/EnumAttr.td"

def DL_Role : I32EnumAttr<"Role", "what a function argument or result is", [
    I32EnumAttrCase<"input", 0>,           // data fed per call (images, token ids)
    I32EnumAttrCase<"target", 1>,          // labels the loss compares against
    I32EnumAttrCase<"parameter", 2>,       // trained weights; dl-autodiff's default wrt
    I32EnumAttrCase<"optimizer_state", 3>, // momentum, Adam moments, step count
    I32EnumAttrCase<"buffer", 4>,          // running statistics: saved, not trained
    I32EnumAttrCase<"rng_state", 5>,       // counter-based RNG state (dropout)
    I32EnumAttrCase<"hyperparameter", 6>,  // lr, weight_decay, momentum, betas: runtime scalars
    I32EnumAttrCase<"loss", 7>,            // result: the scalar loss
    I32EnumAttrCase<"output", 8>,          // result: model output (logits)
    I32EnumAttrCase<"gradient", 9>         // result: d loss / d parameter `name`
  ]> {
  let cppNamespace = "::dlc::dl";
  let genSpecializedAttr = 0;
}

#endif // DLC_IR_DLROLES_TD
