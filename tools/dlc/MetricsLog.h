//===- MetricsLog.h - reading a --metrics file back (dlc plot) ---*- C++ -*-===//
//
// Parses the JSON-lines metrics file MetricsFile writes (schema:
// docs/metrics.md) into curves: for each metric of the epoch records
// ("loss", "train_acc", "test_acc", "test_loss"), its (epoch, value) points,
// and the step records' (fractional epoch, loss) points. A null value (a
// non-finite number when it was written) becomes NaN, so a chart breaks its
// line there. Other fields are ignored; blank lines are skipped.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "llvm/ADT/StringRef.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace dlc::tools {

using Curve = std::vector<std::pair<double, double>>; ///< (epoch, value), sorted by epoch

/// The metrics of epoch records `dlc plot` draws, in legend order.
inline constexpr llvm::StringLiteral kEpochMetrics[] = {"loss", "train_acc", "test_acc",
                                                        "test_loss"};

struct MetricsLog {
  std::map<std::string, Curve> epochCurves; ///< key: a name of kEpochMetrics present in the file
  Curve stepLoss;                           ///< from step records
};

/// Parses `text`, the contents of `name`. Throws dlc::Error
/// "NAME:LINE: ..." for a line that is not a JSON object, lacks a numeric
/// "epoch", has a "step" that is not a positive integer, or a metric that is
/// neither a number nor null; "NAME: empty metrics file ..." when there is
/// no record at all.
MetricsLog parseMetricsLog(llvm::StringRef text, llvm::StringRef name);

/// Reads and parses `path` ("-": standard input). Throws dlc::Error
/// "cannot read PATH: ..." when it cannot be read.
MetricsLog readMetricsLog(const std::string &path);

} // namespace dlc::tools
