//===- Statistics.cpp - shape rules of the Statistics family ---===//
#include "ir/shape/Statistics.h"

namespace dlc::dl::shape {

} // namespace dlc::dl::shape
