//===- Utf8.cpp - UTF-8 validation, code points, Python-like lower() ------===//

#include "runtime/text/Utf8.h"

#include "runtime/data/DataError.h"

#include <algorithm>
#include <cstdint>

#include <fmt/format.h>

namespace dlc::rt::text {

namespace {

/// Length of the sequence introduced by lead byte `b`, or 0 when `b` cannot
/// start a sequence (continuation bytes, C0/C1 overlong leads, F5-FF).
int sequenceLength(unsigned char b) {
  if (b < 0x80) return 1;
  if (b >= 0xC2 && b <= 0xDF) return 2;
  if (b >= 0xE0 && b <= 0xEF) return 3;
  if (b >= 0xF0 && b <= 0xF4) return 4;
  return 0;
}

/// Length of the code point starting at s[i]; `s` is known to be valid.
int codePointLength(std::string_view s, size_t i) {
  int n = sequenceLength(static_cast<unsigned char>(s[i]));
  return n == 0 ? 1 : n;
}

/// Appends code point `cp` to `out` as UTF-8.
void appendUtf8(std::string &out, uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    // Only called with code points below U+0800 or U+0307; no 4-byte forms.
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

/// Python's lower() of a code point in U+00C0-U+017F (other than U+0130,
/// which expands to two code points and is handled by the caller).
uint32_t lowerLatin(uint32_t cp) {
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 0x20;
  if (cp == 0x178) return 0xFF;
  bool even = cp % 2 == 0;
  if ((cp >= 0x100 && cp <= 0x137 && even) ||
      (cp >= 0x139 && cp <= 0x148 && !even) ||
      (cp >= 0x14A && cp <= 0x177 && even) ||
      (cp >= 0x179 && cp <= 0x17E && !even))
    return cp + 1;
  return cp;
}

} // namespace

size_t findInvalidUtf8(std::string_view s) {
  size_t i = 0, n = s.size();
  while (i < n) {
    auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) { // fast path for ASCII runs
      ++i;
      continue;
    }
    int len = sequenceLength(b);
    if (len == 0) return i;
    // The second byte's range excludes overlongs (E0, F0), surrogates (ED)
    // and code points above U+10FFFF (F4).
    unsigned char lo = 0x80, hi = 0xBF;
    if (b == 0xE0) lo = 0xA0;
    else if (b == 0xED) hi = 0x9F;
    else if (b == 0xF0) lo = 0x90;
    else if (b == 0xF4) hi = 0x8F;
    for (int k = 1; k < len; ++k) {
      // Report the lead byte: a Latin-1 'é' (0xE9) is then named itself.
      if (i + k >= n) return i;
      auto c = static_cast<unsigned char>(s[i + k]);
      if (k == 1 ? (c < lo || c > hi) : (c < 0x80 || c > 0xBF)) return i;
    }
    i += len;
  }
  return std::string_view::npos;
}

void checkUtf8(std::string_view text, std::string_view fileName) {
  size_t bad = findInvalidUtf8(text);
  if (bad == std::string_view::npos) return;
  std::string_view before = text.substr(0, bad);
  size_t line = 1 + std::count(before.begin(), before.end(), '\n');
  size_t lineStart = before.rfind('\n');
  size_t column = bad - (lineStart == std::string_view::npos ? 0 : lineStart + 1) + 1;
  throw DataError(fmt::format("{}:{}: invalid UTF-8 byte 0x{:02X} at column {}",
                              fileName, line, static_cast<unsigned char>(text[bad]),
                              column));
}

std::string lowerUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      out.push_back(b >= 'A' && b <= 'Z' ? static_cast<char>(b + 32) : static_cast<char>(b));
      ++i;
      continue;
    }
    int len = codePointLength(s, i);
    // Latin-1 and Latin Extended-A capitals are all two-byte sequences C3/C4/C5.
    if (len == 2 && b >= 0xC3 && b <= 0xC5) {
      uint32_t cp = ((b & 0x1F) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3F);
      if (cp == 0x130) { // 'İ' lowers to "i" + U+0307 COMBINING DOT ABOVE
        out.push_back('i');
        appendUtf8(out, 0x307);
      } else {
        appendUtf8(out, lowerLatin(cp));
      }
    } else {
      out.append(s.substr(i, len));
    }
    i += len;
  }
  return out;
}

std::vector<std::string> splitCodePoints(std::string_view s) {
  std::vector<std::string> out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    int len = codePointLength(s, i);
    out.emplace_back(s.substr(i, len));
    i += len;
  }
  return out;
}

} // namespace dlc::rt::text
