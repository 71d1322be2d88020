//===- RecurrentOps.h - the Recurrent family of dl ops -*- C++ -*-===//
#pragma once

#include "ir/DLOps.h"

#define GET_OP_CLASSES
#include "ir/ops/RecurrentOps.h.inc"
