//===- Criterion.cpp - the DSL's losses and masked softmax ---===//
#include "frontend/ops/Criterion.h"

#include "frontend/Ops.h"
#include "frontend/ops/OpSupport.h"
#include "ir/ops/CriterionOps.h"
#include "ir/shape/Criterion.h"

using namespace mlir;

namespace dlc {
using namespace detail;

} // namespace dlc
