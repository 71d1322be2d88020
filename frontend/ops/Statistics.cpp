//===- Statistics.cpp - the DSL's reductions: mean, amin, argmax, logsumexp, var ---===//
#include "frontend/ops/Statistics.h"

#include "frontend/Ops.h"
#include "frontend/ops/OpSupport.h"
#include "ir/ops/StatisticsOps.h"
#include "ir/shape/Statistics.h"

using namespace mlir;

namespace dlc {
using namespace detail;

} // namespace dlc
