//===- Random.td - dropout with a counter-based generator ------*- tablegen -*-===//
//
// Generated on its own (dlc_op_family(Random)); shape rules in ir/shape/Random.cpp,
// verifiers and VJPs in ir/ops/Random.cpp, C++ header ir/ops/RandomOps.h.
//
//===----------------------------------------------------------------------===//
#ifndef DLC_IR_OPS_RANDOM_TD
#define DLC_IR_OPS_RANDOM_TD

include "ir/DLBase.td"

#endif // DLC_IR_OPS_RANDOM_TD
