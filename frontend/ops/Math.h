//===- Math.h - the DSL's elementwise math, comparisons and casts -*- C++ -*-===//
//
// Part of the DSL's op set (frontend/Ops.h includes it). Shapes and dtypes are
// checked before any IR is built; a mistake throws dlc::Error naming the
// caller's file:line and the op.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "frontend/Error.h"
#include "frontend/Tensor.h"

namespace dlc {

/// |x| (PyTorch `abs`); the gradient is 0 at 0.
Tensor abs(const Tensor &x, Site site = {});

} // namespace dlc
