//===- Json.h - a small strict JSON parser for file headers -----*- C++ -*-===//
//
// RFC 8259 JSON, strictly: one value surrounded by optional whitespace,
// strings of valid UTF-8 (escapes decoded, lone surrogates and raw control
// characters rejected), no duplicate keys in an object, no trailing commas,
// comments, NaN or leading zeros, and at most 64 levels of nesting (so a
// hostile "[[[[..." cannot exhaust the stack). Numbers keep the text they
// were written with; asUInt64() reads the non-negative integers file
// headers use for shapes and offsets.
//
// Used for safetensors headers (runtime/io/Safetensors.h); the runtime does
// not link LLVM, so llvm::json is not available here.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace dlc::rt::json {

struct Member;

struct Value {
  enum class Kind { Null, Bool, Number, String, Array, Object };
  Kind kind = Kind::Null;
  bool boolean = false;
  /// String: the decoded UTF-8 text. Number: the literal as written.
  std::string text;
  std::vector<Value> items;                           ///< Array
  std::vector<Member> members; ///< Object, in document order
  size_t offset = 0; ///< byte offset of the value's first character in the document

  bool isObject() const { return kind == Kind::Object; }
  /// The member named `key`, or nullptr.
  const Value *find(std::string_view key) const;
};

/// One key and value of an object.
struct Member {
  std::string key;
  Value value;
};

/// "null", "a boolean", "a number", "a string", "an array", "an object".
const char *describe(Value::Kind kind);

/// A syntax error at byte `offset` of the document.
class ParseError : public std::runtime_error {
public:
  ParseError(size_t offset, const std::string &message)
      : std::runtime_error("byte " + std::to_string(offset) + ": " + message), offset(offset) {}
  size_t offset;
};

/// Parses `text`. Throws ParseError.
Value parse(std::string_view text);

/// The number as a uint64_t if it is written as a plain non-negative integer
/// ("0", "42"; not "-1", "1.0", "1e3") that fits; nullopt otherwise.
std::optional<uint64_t> asUInt64(const Value &v);

/// Whether `s` is valid UTF-8 (no overlong forms, surrogates or code points
/// above U+10FFFF).
bool isValidUtf8(std::string_view s);

/// `s` (valid UTF-8) as a JSON string literal in serde_json's compact style:
/// '"' and '\' escaped, \b \f \n \r \t, other control characters as \u00XX,
/// everything else (including non-ASCII) verbatim.
std::string quote(std::string_view s);

} // namespace dlc::rt::json
