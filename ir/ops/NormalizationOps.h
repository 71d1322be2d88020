//===- NormalizationOps.h - the Normalization family of dl ops -*- C++ -*-===//
#pragma once

#include "ir/DLOps.h"

#define GET_OP_CLASSES
#include "ir/ops/NormalizationOps.h.inc"
