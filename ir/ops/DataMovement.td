//===- DataMovement.td - permute, cat, slice, pad, flip --------*- tablegen -*-===//
//
// Generated on its own (dlc_op_family(DataMovement)); shape rules in ir/shape/DataMovement.cpp,
// verifiers and VJPs in ir/ops/DataMovement.cpp, C++ header ir/ops/DataMovementOps.h.
//
//===----------------------------------------------------------------------===//
#ifndef DLC_IR_OPS_DATAMOVEMENT_TD
#define DLC_IR_OPS_DATAMOVEMENT_TD

include "ir/DLBase.td"

#endif // DLC_IR_OPS_DATAMOVEMENT_TD
