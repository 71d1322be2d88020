//===- Normalization.cpp - the DSL's layer_norm and batch_norm ---===//
#include "frontend/ops/Normalization.h"

#include "frontend/Ops.h"
#include "frontend/ops/OpSupport.h"
#include "ir/ops/NormalizationOps.h"
#include "ir/shape/Normalization.h"

using namespace mlir;

namespace dlc {
using namespace detail;

} // namespace dlc
