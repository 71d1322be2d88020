//===- Linear.td - batched matmul and linear -------------------*- tablegen -*-===//
//
// Generated on its own (dlc_op_family(Linear)); shape rules in ir/shape/Linear.cpp,
// verifiers and VJPs in ir/ops/Linear.cpp, C++ header ir/ops/LinearOps.h.
//
//===----------------------------------------------------------------------===//
#ifndef DLC_IR_OPS_LINEAR_TD
#define DLC_IR_OPS_LINEAR_TD

include "ir/DLBase.td"

#endif // DLC_IR_OPS_LINEAR_TD
