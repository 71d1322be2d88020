//===- DataMovement.cpp - the DSL's permute, cat, slice, pad, flip ---===//
#include "frontend/ops/DataMovement.h"

#include "frontend/Ops.h"
#include "frontend/ops/OpSupport.h"
#include "ir/ops/DataMovementOps.h"
#include "ir/shape/DataMovement.h"

using namespace mlir;

namespace dlc {
using namespace detail;

} // namespace dlc
