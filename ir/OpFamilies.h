//===- OpFamilies.h - registering separately generated op families -*- C++ -*-===//
//
// A family generated on its own (dlc_op_family in ir/CMakeLists.txt) defines
// `void register<Family>Ops(DLDialect &)` in ir/ops/<Family>.cpp, which calls
// `dialect.addFamily<GET_OP_LIST>()`; DLDialect::initialize calls each.
//
//===----------------------------------------------------------------------===//
#pragma once

namespace dlc::dl {
class DLDialect;

void registerMathOps(DLDialect &);
void registerRandomOps(DLDialect &);
void registerCriterionOps(DLDialect &);
void registerLinearOps(DLDialect &);
void registerSequenceOps(DLDialect &);
void registerDataMovementOps(DLDialect &);
void registerNormalizationOps(DLDialect &);
void registerStatisticsOps(DLDialect &);
void registerRecurrentOps(DLDialect &);

} // namespace dlc::dl
