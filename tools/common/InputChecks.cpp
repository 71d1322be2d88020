//===- InputChecks.cpp - cheap checks on textual input before parsing -----===//
//
// Why a pre-scan rather than parsing on a thread with a big stack: MLIR's
// parser recurses once per nested attribute, type or region and has no depth
// limit of its own, so any fixed stack only moves the crash further out
// (100,000 levels of `[` overflow 8 MB). One linear pass over the bytes
// bounds the depth for every stack size, costs about a millisecond per
// megabyte, and reports the exact place; the parser never sees the input.
//
//===----------------------------------------------------------------------===//
#include "tools/common/InputChecks.h"

#include <algorithm>

namespace dlc::tools {

llvm::LogicalResult checkNestingDepth(const llvm::MemoryBuffer &buffer, llvm::raw_ostream &errs,
                                      unsigned maxDepth) {
  llvm::StringRef text = buffer.getBuffer();
  unsigned line = 1, column = 1;
  // Closers never take the depth below zero: `>` also ends the `->` arrow
  // and affine constraints (`d0 >= 0`), which open nothing.
  int64_t depth = 0;
  bool inString = false, inComment = false;
  char previous = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (inComment) {
      inComment = c != '\n';
    } else if (inString) {
      if (c == '\\' && i + 1 < text.size()) {
        ++i; // the escaped character cannot end the string
        ++column;
      } else if (c == '"' || c == '\n') {
        inString = false; // the parser reports an unterminated string itself
      }
    } else if (c == '"') {
      inString = true;
    } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') {
      inComment = true;
    } else if (c == '(' || c == '[' || c == '{' || c == '<') {
      if (++depth > static_cast<int64_t>(maxDepth)) {
        errs << buffer.getBufferIdentifier() << ":" << line << ":" << column
             << ": error: nesting deeper than " << maxDepth << " levels\n";
        return llvm::failure();
      }
    } else if (c == ')' || c == ']' || c == '}' || (c == '>' && previous != '-')) {
      depth = std::max<int64_t>(depth - 1, 0);
    }
    previous = c;
    if (c == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return llvm::success();
}

} // namespace dlc::tools
