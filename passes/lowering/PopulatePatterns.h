//===- PopulatePatterns.h - dl → linalg pattern families ---------*- C++ -*-===//
#pragma once

#include "mlir/IR/PatternMatch.h"

namespace dlc::lowering {

void populateElementwiseToLinalg(mlir::RewritePatternSet &patterns);
void populateReductionToLinalg(mlir::RewritePatternSet &patterns);
void populateLossToLinalg(mlir::RewritePatternSet &patterns);
void populateShapeToLinalg(mlir::RewritePatternSet &patterns);
void populateMatmulToLinalg(mlir::RewritePatternSet &patterns);
void populatePoolingToLinalg(mlir::RewritePatternSet &patterns);

} // namespace dlc::lowering
