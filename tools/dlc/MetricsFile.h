//===- MetricsFile.h - dlc train's --metrics file (JSON lines) ---*- C++ -*-===//
//
// One JSON object per line, one line per epoch, written with llvm::json so
// the file always parses: a non-finite number (a diverged loss) is written
// as null, which JSON has, rather than `nan`, which it has not.
//
// The file is replaced, never truncated in place: every epoch writes all
// lines so far to a temporary file beside it and renames it over the target.
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

  /// Appends one line and makes the file hold every line so far. Throws
  /// dlc::Error naming the file when writing fails (a full disk).
  void append(const llvm::json::Object &line);

  /// `x`, or null when it is NaN or infinite.
  static llvm::json::Value number(double x);

private:
  void replaceContents();

  std::string path;
  std::string contents; ///< every line written so far
  bool direct = false;  ///< the target is a FIFO or device: write in place
  size_t directWritten = 0; ///< bytes of `contents` already written in place
};

} // namespace dlc::tools
