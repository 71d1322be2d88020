//===- Sequence.cpp - shape rules of the Sequence family ---===//
#include "ir/shape/Sequence.h"

namespace dlc::dl::shape {

} // namespace dlc::dl::shape
