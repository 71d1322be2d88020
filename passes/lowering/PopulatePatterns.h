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
void populateMathToLinalg(mlir::RewritePatternSet &patterns);
void populateRandomToLinalg(mlir::RewritePatternSet &patterns);
void populateCriterionToLinalg(mlir::RewritePatternSet &patterns);
void populateLinearToLinalg(mlir::RewritePatternSet &patterns);
void populateSequenceToLinalg(mlir::RewritePatternSet &patterns);
void populateDataMovementToLinalg(mlir::RewritePatternSet &patterns);
void populateNormalizationToLinalg(mlir::RewritePatternSet &patterns);
void populateStatisticsToLinalg(mlir::RewritePatternSet &patterns);

} // namespace dlc::lowering
