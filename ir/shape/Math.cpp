//===- Math.cpp - shape rules of the Math family ---===//
#include "ir/shape/Math.h"

namespace dlc::dl::shape {

} // namespace dlc::dl::shape
