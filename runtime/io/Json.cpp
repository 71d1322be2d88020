//===- Json.cpp - a small strict JSON parser for file headers -------------===//
#include "runtime/io/Json.h"

#include <cstdio>

namespace dlc::rt::json {

namespace {

constexpr int kMaxDepth = 64;

/// The length of the UTF-8 sequence starting at s[i], or 0 if it is invalid.
size_t utf8Length(std::string_view s, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  if (c < 0x80) return 1;
  size_t n;
  uint32_t cp;
  if (c >= 0xc2 && c <= 0xdf) n = 2, cp = c & 0x1f;
  else if (c >= 0xe0 && c <= 0xef) n = 3, cp = c & 0x0f;
  else if (c >= 0xf0 && c <= 0xf4) n = 4, cp = c & 0x07;
  else return 0; // continuation byte, overlong 2-byte lead, or above U+10FFFF
  if (s.size() - i < n) return 0;
  for (size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xc0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3f);
  }
  if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10ffff))) return 0; // overlong
  if (cp >= 0xd800 && cp <= 0xdfff) return 0; // surrogates are not characters
  return n;
}

void appendUtf8(std::string &out, uint32_t cp) {
  if (cp < 0x80) {
    out += char(cp);
  } else if (cp < 0x800) {
    out += char(0xc0 | (cp >> 6));
    out += char(0x80 | (cp & 0x3f));
  } else if (cp < 0x10000) {
    out += char(0xe0 | (cp >> 12));
    out += char(0x80 | ((cp >> 6) & 0x3f));
    out += char(0x80 | (cp & 0x3f));
  } else {
    out += char(0xf0 | (cp >> 18));
    out += char(0x80 | ((cp >> 12) & 0x3f));
    out += char(0x80 | ((cp >> 6) & 0x3f));
    out += char(0x80 | (cp & 0x3f));
  }
}

class Parser {
public:
  explicit Parser(std::string_view s) : s_(s) {}

  Value document() {
    skipSpace();
    Value v = value(0);
    skipSpace();
    if (pos_ != s_.size()) fail("unexpected text after the JSON value");
    return v;
  }

private:
  [[noreturn]] void fail(const std::string &msg) { throw ParseError(pos_, msg); }
  bool atEnd() const { return pos_ >= s_.size(); }
  char peek() const { return atEnd() ? '\0' : s_[pos_]; }
  void skipSpace() {
    while (!atEnd() && (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n' || s_[pos_] == '\r'))
      ++pos_;
  }
  void expect(char c, const char *what) {
    skipSpace();
    if (atEnd()) fail(std::string("unexpected end of text, expected ") + what);
    if (s_[pos_] != c) fail(std::string("expected ") + what);
    ++pos_;
  }

  Value value(int depth) {
    if (atEnd()) fail("unexpected end of text, expected a value");
    Value v;
    v.offset = pos_;
    char c = s_[pos_];
    if (c == '{') {
      object(v, depth + 1);
    } else if (c == '[') {
      array(v, depth + 1);
    } else if (c == '"') {
      v.kind = Value::Kind::String;
      v.text = string();
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      v.kind = Value::Kind::Number;
      v.text = number();
    } else if (literal("true")) {
      v.kind = Value::Kind::Bool, v.boolean = true;
    } else if (literal("false")) {
      v.kind = Value::Kind::Bool, v.boolean = false;
    } else if (literal("null")) {
      v.kind = Value::Kind::Null;
    } else {
      fail("expected a value");
    }
    return v;
  }

  bool literal(std::string_view word) {
    if (s_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }

  void object(Value &v, int depth) {
    if (depth > kMaxDepth) fail("nested deeper than " + std::to_string(kMaxDepth) + " levels");
    v.kind = Value::Kind::Object;
    ++pos_; // '{'
    skipSpace();
    if (peek() == '}') {
      ++pos_;
      return;
    }
    while (true) {
      skipSpace();
      if (peek() != '"') fail(atEnd() ? "unexpected end of text, expected a key" : "expected a quoted key");
      size_t keyAt = pos_;
      std::string key = string();
      for (const Member &m : v.members)
        if (m.key == key) {
          pos_ = keyAt;
          fail("duplicate key " + quote(key));
        }
      expect(':', "':' after the key");
      skipSpace();
      Value member = value(depth);
      v.members.push_back(Member{std::move(key), std::move(member)});
      skipSpace();
      if (peek() == ',') {
        ++pos_;
        continue;
      }
      if (peek() == '}') {
        ++pos_;
        return;
      }
      fail(atEnd() ? "unexpected end of text, expected ',' or '}'" : "expected ',' or '}'");
    }
  }

  void array(Value &v, int depth) {
    if (depth > kMaxDepth) fail("nested deeper than " + std::to_string(kMaxDepth) + " levels");
    v.kind = Value::Kind::Array;
    ++pos_; // '['
    skipSpace();
    if (peek() == ']') {
      ++pos_;
      return;
    }
    while (true) {
      skipSpace();
      v.items.push_back(value(depth));
      skipSpace();
      if (peek() == ',') {
        ++pos_;
        continue;
      }
      if (peek() == ']') {
        ++pos_;
        return;
      }
      fail(atEnd() ? "unexpected end of text, expected ',' or ']'" : "expected ',' or ']'");
    }
  }

  uint32_t hex4() {
    if (s_.size() - pos_ < 4) fail("unexpected end of text in a \\u escape");
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) {
      char c = s_[pos_ + i];
      v <<= 4;
      if (c >= '0' && c <= '9') v |= uint32_t(c - '0');
      else if (c >= 'a' && c <= 'f') v |= uint32_t(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F') v |= uint32_t(c - 'A' + 10);
      else fail("expected 4 hex digits after \\u");
    }
    pos_ += 4;
    return v;
  }

  std::string string() {
    std::string out;
    ++pos_; // opening quote
    while (true) {
      if (atEnd()) fail("unterminated string");
      unsigned char c = static_cast<unsigned char>(s_[pos_]);
      if (c == '"') {
        ++pos_;
        return out;
      }
      if (c < 0x20) fail("control character in a string (it must be escaped)");
      if (c == '\\') {
        if (++pos_ >= s_.size()) fail("unterminated string");
        char e = s_[pos_++];
        switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          uint32_t cp = hex4();
          if (cp >= 0xdc00 && cp <= 0xdfff) fail("unpaired low surrogate in a \\u escape");
          if (cp >= 0xd800 && cp <= 0xdbff) {
            if (s_.substr(pos_, 2) != "\\u") fail("unpaired high surrogate in a \\u escape");
            pos_ += 2;
            uint32_t lo = hex4();
            if (lo < 0xdc00 || lo > 0xdfff) fail("unpaired high surrogate in a \\u escape");
            cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
          }
          appendUtf8(out, cp);
          break;
        }
        default: --pos_, fail(std::string("invalid escape '\\") + e + "'");
        }
        continue;
      }
      size_t n = utf8Length(s_, pos_);
      if (n == 0) fail("invalid UTF-8 in a string");
      out.append(s_.substr(pos_, n));
      pos_ += n;
    }
  }

  std::string number() {
    size_t start = pos_;
    auto digits = [&] {
      size_t from = pos_;
      while (!atEnd() && s_[pos_] >= '0' && s_[pos_] <= '9') ++pos_;
      return pos_ - from;
    };
    if (peek() == '-') ++pos_;
    if (peek() == '0') {
      ++pos_;
      if (peek() >= '0' && peek() <= '9') fail("leading zero in a number");
    } else if (digits() == 0) {
      fail("expected a digit");
    }
    if (peek() == '.') {
      ++pos_;
      if (digits() == 0) fail("expected a digit after '.'");
    }
    if (peek() == 'e' || peek() == 'E') {
      ++pos_;
      if (peek() == '+' || peek() == '-') ++pos_;
      if (digits() == 0) fail("expected a digit in the exponent");
    }
    return std::string(s_.substr(start, pos_ - start));
  }

  std::string_view s_;
  size_t pos_ = 0;
};

} // namespace

const Value *Value::find(std::string_view key) const {
  for (const Member &m : members)
    if (m.key == key) return &m.value;
  return nullptr;
}

const char *describe(Value::Kind kind) {
  switch (kind) {
  case Value::Kind::Null: return "null";
  case Value::Kind::Bool: return "a boolean";
  case Value::Kind::Number: return "a number";
  case Value::Kind::String: return "a string";
  case Value::Kind::Array: return "an array";
  case Value::Kind::Object: return "an object";
  }
  return "a value";
}

Value parse(std::string_view text) { return Parser(text).document(); }

std::optional<uint64_t> asUInt64(const Value &v) {
  if (v.kind != Value::Kind::Number || v.text.empty()) return std::nullopt;
  uint64_t n = 0;
  for (char c : v.text) {
    if (c < '0' || c > '9') return std::nullopt;
    uint64_t d = uint64_t(c - '0');
    if (n > (UINT64_MAX - d) / 10) return std::nullopt;
    n = n * 10 + d;
  }
  return n;
}

bool isValidUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    size_t n = utf8Length(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::string quote(std::string_view s) {
  std::string out = "\"";
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    switch (c) {
    case '"': out += "\\\""; break;
    case '\\': out += "\\\\"; break;
    case '\b': out += "\\b"; break;
    case '\f': out += "\\f"; break;
    case '\n': out += "\\n"; break;
    case '\r': out += "\\r"; break;
    case '\t': out += "\\t"; break;
    default:
      if (c < 0x20) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", c);
        out += buf;
      } else {
        out += ch;
      }
    }
  }
  return out + "\"";
}

} // namespace dlc::rt::json
