//===- Criterion.td - losses and masked softmax ----------------*- tablegen -*-===//
//
// Generated on its own (dlc_op_family(Criterion)); shape rules in ir/shape/Criterion.cpp,
// verifiers and VJPs in ir/ops/Criterion.cpp, C++ header ir/ops/CriterionOps.h.
//
//===----------------------------------------------------------------------===//
#ifndef DLC_IR_OPS_CRITERION_TD
#define DLC_IR_OPS_CRITERION_TD

include "ir/DLBase.td"

#endif // DLC_IR_OPS_CRITERION_TD
