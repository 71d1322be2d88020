//===- Linear.cpp - shape rules of the Linear family ---===//
#include "ir/shape/Linear.h"

namespace dlc::dl::shape {

} // namespace dlc::dl::shape
