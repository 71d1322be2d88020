//===- Linear.cpp - the DSL's batched matmul and linear ---===//
#include "frontend/ops/Linear.h"

#include "frontend/Ops.h"
#include "frontend/ops/OpSupport.h"
#include "ir/ops/LinearOps.h"
#include "ir/shape/Linear.h"

using namespace mlir;

namespace dlc {
using namespace detail;

} // namespace dlc
