//===- Sequence.td - embedding, index_select, repeat_interleave, arange, sequence masks ---*- tablegen -*-===//
//
// Generated on its own (dlc_op_family(Sequence)); shape rules in ir/shape/Sequence.cpp,
// verifiers and VJPs in ir/ops/Sequence.cpp, C++ header ir/ops/SequenceOps.h.
//
//===----------------------------------------------------------------------===//
#ifndef DLC_IR_OPS_SEQUENCE_TD
#define DLC_IR_OPS_SEQUENCE_TD

include "ir/DLBase.td"

#endif // DLC_IR_OPS_SEQUENCE_TD
