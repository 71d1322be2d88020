//===- Normalization.td - layer_norm and batch_norm ------------*- tablegen -*-===//
//
// Generated on its own (dlc_op_family(Normalization)); shape rules in ir/shape/Normalization.cpp,
// verifiers and VJPs in ir/ops/Normalization.cpp, C++ header ir/ops/NormalizationOps.h.
//
//===----------------------------------------------------------------------===//
#ifndef DLC_IR_OPS_NORMALIZATION_TD
#define DLC_IR_OPS_NORMALIZATION_TD

include "ir/DLBase.td"

#endif // DLC_IR_OPS_NORMALIZATION_TD
