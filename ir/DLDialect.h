//===- DLDialect.h - the dl dialect ------------------------------*- C++ -*-===//
#pragma once

#include "mlir/IR/Dialect.h"

#include "ir/DLOpsDialect.h.inc"
