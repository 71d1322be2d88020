//===- Random.h - the DSL's dropout with a counter-based generator -*- C++ -*-===//
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

/// PyTorch `nn.functional.dropout(x, p, training)`. Training mode: each
/// element is zeroed with probability p, the rest scaled by 1/(1-p), with a
/// mask drawn from the traced function's `rng_state` argument
/// (Graph::rngState, created on first use) and a per-function op id, so the
/// backward pass regenerates it (dl.dropout). Eval mode, and p = 0, return
/// `x` itself: no op is traced. p outside [0, 1] is an error in both modes,
/// as in PyTorch.
Tensor dropout(const Tensor &x, double p = 0.5, bool training = true, Site site = {});

/// Training-mode dropout keyed by an explicit `rngState` (an i64 [seed, step]
/// tensor) instead of the function's own rng_state argument: for code that
/// passes its key around itself. p = 0 still returns `x`.
Tensor dropout(const Tensor &x, const Tensor &rngState, double p, Site site = {});

} // namespace dlc
