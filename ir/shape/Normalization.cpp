//===- Normalization.cpp - shape rules of the Normalization family ---===//
#include "ir/shape/Normalization.h"

namespace dlc::dl::shape {

} // namespace dlc::dl::shape
