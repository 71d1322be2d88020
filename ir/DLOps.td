//===- DLOps.td - ops of the dl dialect --------------------*- tablegen -*-===//
//
// The core families, one file each (ir/ops/<Family>.td), generated together
// into ir/DLOps.h.inc. Families added later are generated on their own
// (dlc_op_family in ir/CMakeLists.txt) so that changing one rebuilds only the
// files that include its header; ir/DLDocs.td documents them all. Each
// family's shape rules and VJPs live in ir/ops/<Family>.cpp, beside each
// other.
//
//===----------------------------------------------------------------------===//
#ifndef DLC_IR_DLOPS_TD
#define DLC_IR_DLOPS_TD

include "ir/DLBase.td"

include "ir/ops/Creation.td"
include "ir/ops/Elementwise.td"
include "ir/ops/Contraction.td"
include "ir/ops/Reduction.td"
include "ir/ops/Loss.td"
include "ir/ops/Shape.td"
include "ir/ops/Vision.td"

#endif // DLC_IR_DLOPS_TD
