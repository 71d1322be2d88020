//===- Decomposition.h - composite dl ops → primitive dl ops -----*- C++ -*-===//
#pragma once

#include "mlir/IR/PatternMatch.h"

namespace dlc {

/// Adds the pattern that replaces any op implementing
/// `DecomposableOpInterface` by its decomposition, and the one that turns a
/// 1×1 convolution into a batched product (measured faster, see
/// Decomposition.cpp). `dl-decompose` runs it
/// alone; `dl-lower-to-linalg` runs it beside the direct lowerings. Its
/// default benefit is 0 so that a dedicated pattern for the same op (a fused
/// lowering, a fusion) wins whenever it applies: decomposition is the fallback.
void populateDecompositionPatterns(mlir::RewritePatternSet &patterns,
                                   mlir::PatternBenefit benefit = 0);

} // namespace dlc
