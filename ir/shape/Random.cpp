//===- Random.cpp - shape rules of the Random family ---===//
#include "ir/shape/Random.h"

namespace dlc::dl::shape {

} // namespace dlc::dl::shape
