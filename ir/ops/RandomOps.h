//===- RandomOps.h - the Random family of dl ops -*- C++ -*-===//
#pragma once

#include "ir/DLOps.h"

#define GET_OP_CLASSES
#include "ir/ops/RandomOps.h.inc"
