//===- TextFile.h - Reading UTF-8 text files with located errors -*- C++ -*-===//
//
// Every text loader starts here: the whole file is read at once (the data
// sets are a few hundred kilobytes), checked to be non-empty UTF-8, and then
// split into lines without copying.
//
//===----------------------------------------------------------------------===//
#ifndef DLC_RUNTIME_TEXT_TEXTFILE_H
#define DLC_RUNTIME_TEXT_TEXTFILE_H

#include <string>
#include <string_view>
#include <vector>

namespace dlc::rt::text {

/// Reads the file at `path` into memory. Throws DataError naming `path` when
/// the file cannot be opened or read, when it is empty, and (naming the line)
/// when it is not valid UTF-8. A leading UTF-8 byte-order mark (EF BB BF,
/// which Windows editors write) is dropped: it is not part of the first word.
std::string readTextFile(const std::string &path);

/// readTextFile for standard input, read to its end; errors name "<stdin>".
std::string readStandardInput();

/// The UTF-8 byte-order mark readTextFile drops.
inline constexpr std::string_view kUtf8ByteOrderMark = "\xEF\xBB\xBF";

/// Splits `text` at '\n'. A final newline does not start an extra empty
/// line, and one trailing '\r' per line is dropped (CRLF files). The views
/// point into `text`.
std::vector<std::string_view> splitLines(std::string_view text);

} // namespace dlc::rt::text

#endif // DLC_RUNTIME_TEXT_TEXTFILE_H
