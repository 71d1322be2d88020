//===- DataMovementOps.h - the DataMovement family of dl ops -*- C++ -*-===//
#pragma once

#include "ir/DLOps.h"

#define GET_OP_CLASSES
#include "ir/ops/DataMovementOps.h.inc"
