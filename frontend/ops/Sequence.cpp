//===- Sequence.cpp - the DSL's embedding, index_select, repeat_interleave, arange, sequence masks ---===//
#include "frontend/ops/Sequence.h"

#include "frontend/Ops.h"
#include "frontend/ops/OpSupport.h"
#include "ir/ops/SequenceOps.h"
#include "ir/shape/Sequence.h"

using namespace mlir;

namespace dlc {
using namespace detail;

} // namespace dlc
