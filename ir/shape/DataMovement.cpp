//===- DataMovement.cpp - shape rules of the DataMovement family ---===//
#include "ir/shape/DataMovement.h"

namespace dlc::dl::shape {

} // namespace dlc::dl::shape
