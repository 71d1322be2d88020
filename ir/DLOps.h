//===- DLOps.h - ops of the dl dialect ---------------------------*- C++ -*-===//
#pragma once

#include "ir/DLDialect.h"
#include "ir/Traits.h"

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "ir/DLInterfaces.h.inc"

#define GET_OP_CLASSES
#include "ir/DLOps.h.inc"
