//===- MetricsFile.h - dlc train's --metrics file (JSON lines) ---*- C++ -*-===//
//
// One JSON object per line, written with llvm::json so
// the file always parses: a non-finite number (a diverged loss) is written
// as null, which JSON has, rather than `nan`, which it has not. Two kinds of
// record may share a file (schema: docs/metrics.md): epoch records
// {"epoch": 3, "loss": ..., "train_acc": ..., ...} and step records
// {"step": 512, "epoch": 2.19, "loss": ...}, whose "epoch" is fractional.
//
// The file is replaced, never truncated in place: every committed append
// writes all lines so far to a temporary file beside it and renames it over the target.
// Until the first epoch ends an existing file keeps its old contents (a crash
// during compilation loses nothing), and after any kill the file holds only
// complete lines. A target that is not a regular file (a FIFO, /dev/stdout)
// is written directly.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "llvm/Support/JSON.h"

#include <string>

namespace dlc::tools {

class MetricsFile {
public:
  /// Checks that `path` can be written (its directory exists and accepts a
  /// temporary file); throws dlc::Error "cannot write metrics file ..." if not.
  explicit MetricsFile(std::string path);

  /// When an appended line reaches the file.
  enum class Commit {
    Now,   ///< rewrite the file now (epoch records)
    Later, ///< keep it in memory until the next Now append or flush() (step
           ///< records: rewriting the file at every step would cost O(steps^2))
  };

  /// Appends one line; with Commit::Now makes the file hold every line so
  /// far. Throws dlc::Error naming the file when writing fails (a full disk).
  void append(const llvm::json::Object &line, Commit commit = Commit::Now);

  /// Writes lines held back by Commit::Later, if any.
  void flush();

  /// A step record: {"step": step, "epoch": epoch - 1 + batch / batches,
  /// "loss": loss}: `step` counts from 1 across epochs, `epoch` and `batch`
  /// count from 1, and the fractional epoch is d2l's animator's x position.
  static llvm::json::Object stepRecord(int64_t step, int64_t epoch, int64_t batch,
                                       int64_t batchesPerEpoch, double loss);

  /// `x`, or null when it is NaN or infinite.
  static llvm::json::Value number(double x);

private:
  void replaceContents();

  std::string path;
  std::string contents; ///< every line written so far
  bool direct = false;  ///< the target is a FIFO or device: write in place
  size_t directWritten = 0; ///< bytes of `contents` already written in place
  bool pending = false; ///< `contents` holds lines the file does not
};

} // namespace dlc::tools
