//===- Random.cpp - the DSL's dropout with a counter-based generator ---===//
#include "frontend/ops/Random.h"

#include "frontend/Ops.h"
#include "frontend/ops/OpSupport.h"
#include "ir/ops/RandomOps.h"
#include "ir/shape/Random.h"

using namespace mlir;

namespace dlc {
using namespace detail;

} // namespace dlc
