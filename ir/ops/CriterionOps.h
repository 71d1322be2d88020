//===- CriterionOps.h - the Criterion family of dl ops -*- C++ -*-===//
#pragma once

#include "ir/DLOps.h"

#define GET_OP_CLASSES
#include "ir/ops/CriterionOps.h.inc"
