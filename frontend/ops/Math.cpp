//===- Math.cpp - the DSL's elementwise math, comparisons and casts -------===//
#include "frontend/ops/Math.h"

#include "frontend/Ops.h"
#include "frontend/ops/OpSupport.h"
#include "ir/ops/MathOps.h"

namespace dlc {
using namespace detail;

Tensor abs(const Tensor &x, Site s) { return unary<dl::AbsOp>(x, s, "abs"); }

} // namespace dlc
