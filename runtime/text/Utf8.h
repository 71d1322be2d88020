//===- Utf8.h - UTF-8 validation, code points, Python-like lower() -*- C++ -*-===//
//
// Text data sets are UTF-8 (French accents, narrow no-break spaces). The
// loaders validate every file up front so later stages can assume
// well-formed input, and lower-case the way Python's str.lower() does for
// the scripts the d2l data sets use.
//
//===----------------------------------------------------------------------===//
#ifndef DLC_RUNTIME_TEXT_UTF8_H
#define DLC_RUNTIME_TEXT_UTF8_H

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace dlc::rt::text {

/// Byte offset where the first invalid UTF-8 sequence starts (its lead
/// byte, or a stray continuation byte), or std::string_view::npos when `s`
/// is valid. Overlong forms, surrogates, code points above U+10FFFF and
/// sequences cut short are invalid.
size_t findInvalidUtf8(std::string_view s);

/// Throws DataError "`fileName`:LINE: invalid UTF-8 byte 0xNN at column C"
/// (1-based line and byte column) when `text` is not valid UTF-8.
void checkUtf8(std::string_view text, std::string_view fileName);

/// Python's str.lower() restricted to ASCII, Latin-1 (U+00C0-U+00DE except
/// U+00D7) and Latin Extended-A (U+0100-U+017F, including U+0130 -> "i̇" and
/// U+0178 -> U+00FF). That covers English and French; capitals of other
/// scripts are copied unchanged. `s` must be valid UTF-8.
std::string lowerUtf8(std::string_view s);

/// Splits valid UTF-8 into its code points, one string each: Python's
/// list(str), i.e. d2l's character tokenization.
std::vector<std::string> splitCodePoints(std::string_view s);

} // namespace dlc::rt::text

#endif // DLC_RUNTIME_TEXT_UTF8_H
