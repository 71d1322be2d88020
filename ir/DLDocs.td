//===- DLDocs.td - every dl op, for docs/dialect/DLOps.md --*- tablegen -*-===//
//
// Only for -gen-op-doc: the core families (ir/DLOps.td) and every family
// generated on its own (dlc_op_family in ir/CMakeLists.txt).
//
//===----------------------------------------------------------------------===//
include "ir/DLOps.td"
include "ir/ops/Math.td"
include "ir/ops/Random.td"
include "ir/ops/Criterion.td"
include "ir/ops/Linear.td"
include "ir/ops/Sequence.td"
include "ir/ops/DataMovement.td"
include "ir/ops/Normalization.td"
include "ir/ops/Statistics.td"
include "ir/ops/Recurrent.td"
