//===- Statistics.td - reductions: mean, amin, argmax, logsumexp, var ---*- tablegen -*-===//
//
// Generated on its own (dlc_op_family(Statistics)); shape rules in ir/shape/Statistics.cpp,
// verifiers and VJPs in ir/ops/Statistics.cpp, C++ header ir/ops/StatisticsOps.h.
//
//===----------------------------------------------------------------------===//
#ifndef DLC_IR_OPS_STATISTICS_TD
#define DLC_IR_OPS_STATISTICS_TD

include "ir/DLBase.td"

#endif // DLC_IR_OPS_STATISTICS_TD
