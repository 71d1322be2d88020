//===- Criterion.cpp - shape rules of the Criterion family ---===//
#include "ir/shape/Criterion.h"

namespace dlc::dl::shape {

} // namespace dlc::dl::shape
