//===- Npy.cpp - NumPy .npy files as HostTensors --------------------------===//
#include "runtime/io/Npy.h"

#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <limits>
#include <map>
#include <optional>
#include <sstream>
#include <stdexcept>

namespace dlc::rt {

namespace {

constexpr char kMagic[] = "\x93NUMPY";
constexpr size_t kMagicLen = 6;

struct Descr {
  const char *descr;
  DType type;
};
/// Little-endian spellings NumPy writes; '=' (native) and '|' (no byte
/// order) are accepted where they mean the same on this little-endian host.
constexpr Descr kDescrs[] = {
    {"f4", DType::F32}, {"f8", DType::F64}, {"b1", DType::I1},
    {"i1", DType::I8},  {"i4", DType::I32}, {"i8", DType::I64},
};

[[noreturn]] void fail(const std::string &what, const std::string &problem) {
  throw DataError(what + ": " + problem);
}

/// A value of the header dict: a string, a bool or a tuple of integers.
struct Value {
  enum Kind { Str, Bool, Tuple, Other } kind = Other;
  std::string str;
  bool boolean = false;
  std::vector<int64_t> tuple;
};

/// Parses the header's Python dict literal. Only what numpy.lib.format
/// writes is accepted; anything else (a list for a structured dtype, say)
/// is reported by the caller in terms of the key it belongs to.
class HeaderParser {
public:
  HeaderParser(std::string_view text, const std::string &what) : s_(text), what_(what) {}

  std::map<std::string, Value> parse() {
    std::map<std::string, Value> out;
    expect('{');
    while (true) {
      skipSpace();
      if (peek() == '}') break;
      std::string key = parseString();
      expect(':');
      skipSpace();
      out[key] = parseValue();
      skipSpace();
      if (peek() == ',') {
        ++pos_;
        continue;
      }
      if (peek() != '}') error("expected ',' or '}'");
    }
    return out;
  }

private:
  char peek() const { return pos_ < s_.size() ? s_[pos_] : '\0'; }
  void skipSpace() {
    while (pos_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[pos_]))) ++pos_;
  }
  [[noreturn]] void error(const std::string &msg) {
    fail(what_, "malformed header at byte " + std::to_string(pos_) + " of the dict (" + msg +
                    "): " + std::string(s_));
  }
  void expect(char c) {
    skipSpace();
    if (peek() != c) error(std::string("expected '") + c + "'");
    ++pos_;
  }
  std::string parseString() {
    skipSpace();
    char q = peek();
    if (q != '\'' && q != '"') error("expected a quoted key");
    size_t end = s_.find(q, pos_ + 1);
    if (end == std::string_view::npos) error("unterminated string");
    std::string out(s_.substr(pos_ + 1, end - pos_ - 1));
    pos_ = end + 1;
    return out;
  }
  Value parseValue() {
    Value v;
    char c = peek();
    if (c == '\'' || c == '"') {
      v.kind = Value::Str;
      v.str = parseString();
    } else if (s_.substr(pos_, 4) == "True") {
      v.kind = Value::Bool, v.boolean = true, pos_ += 4;
    } else if (s_.substr(pos_, 5) == "False") {
      v.kind = Value::Bool, v.boolean = false, pos_ += 5;
    } else if (c == '(') {
      v.kind = Value::Tuple;
      ++pos_;
      while (true) {
        skipSpace();
        if (peek() == ')') break;
        v.tuple.push_back(parseInt());
        skipSpace();
        if (peek() == ',') ++pos_;
        else if (peek() != ')') error("expected ',' or ')' in the shape");
      }
      ++pos_;
    } else {
      // A list (structured dtype) or anything else: skip to the matching
      // close so the caller can say which key held it.
      int depth = 0;
      for (; pos_ < s_.size(); ++pos_) {
        char d = s_[pos_];
        if (d == '[' || d == '(' || d == '{') ++depth;
        else if (d == ']' || d == ')' || d == '}') {
          if (depth == 0) break;
          if (--depth == 0) {
            ++pos_;
            break;
          }
        } else if (d == ',' && depth == 0) break;
      }
    }
    return v;
  }
  int64_t parseInt() {
    size_t start = pos_;
    int64_t v = 0;
    while (std::isdigit(static_cast<unsigned char>(peek()))) {
      int digit = peek() - '0';
      if (v > (std::numeric_limits<int64_t>::max() - digit) / 10) error("dimension too large");
      v = v * 10 + digit;
      ++pos_;
    }
    if (pos_ == start) error("expected a non-negative integer dimension");
    // Python 2 era files wrote longs as "3L".
    if (peek() == 'L') ++pos_;
    return v;
  }

  std::string_view s_;
  size_t pos_ = 0;
  const std::string &what_;
};

DType dtypeOfDescr(const Value &v, const std::string &what) {
  if (v.kind != Value::Str)
    fail(what, "structured or subarray dtypes are not supported (descr is not a plain type "
               "string); supported: <f4 <f8 <i4 <i8 |i1 |b1");
  const std::string &d = v.str;
  if (d.size() == 3) {
    char order = d[0];
    std::string_view code(d.data() + 1, 2);
    for (const Descr &e : kDescrs)
      if (code == e.descr) {
        if (order == '>' && code != "b1" && code != "i1")
          fail(what, "big-endian dtype '" + d + "' is not supported (byteswap it in NumPy: "
                     "a.astype(a.dtype.newbyteorder('<')))");
        if (order == '<' || order == '=' || order == '|' || order == '>') return e.type;
      }
  }
  if (d.find('O') != std::string::npos)
    fail(what, "object dtype '" + d + "' is not supported (it holds Python objects, not numbers)");
  fail(what, "dtype '" + d + "' is not supported; supported: <f4 <f8 <i4 <i8 |i1 |b1");
}

uint32_t readLE(std::string_view b, size_t at, size_t n) {
  uint32_t v = 0;
  for (size_t i = 0; i < n; ++i) v |= uint32_t(static_cast<unsigned char>(b[at + i])) << (8 * i);
  return v;
}

} // namespace

const char *npyDescr(DType t) {
  switch (t) {
  case DType::F32: return "<f4";
  case DType::F64: return "<f8";
  case DType::I1: return "|b1";
  case DType::I8: return "|i1";
  case DType::I32: return "<i4";
  case DType::I64: return "<i8";
  case DType::BF16: return nullptr;
  }
  return nullptr;
}

HostTensor parseNpy(std::string_view b, const std::string &what) {
  if (b.size() < kMagicLen || std::memcmp(b.data(), kMagic, kMagicLen) != 0)
    fail(what, "not a .npy file (it does not start with the magic \"\\x93NUMPY\")");
  if (b.size() < kMagicLen + 2) fail(what, "truncated header (no version)");
  int major = static_cast<unsigned char>(b[6]);
  if (major < 1 || major > 3)
    fail(what, "unsupported .npy format version " + std::to_string(major) + "." +
                   std::to_string(static_cast<unsigned char>(b[7])) +
                   " (supported: 1.0, 2.0, 3.0)");
  size_t lenBytes = major == 1 ? 2 : 4;
  size_t start = kMagicLen + 2 + lenBytes;
  if (b.size() < start) fail(what, "truncated header (no header length)");
  size_t headerLen = readLE(b, kMagicLen + 2, lenBytes);
  if (b.size() - start < headerLen)
    fail(what, "truncated header: it declares " + std::to_string(headerLen) +
                   " bytes, the file has " + std::to_string(b.size() - start) + " after it");
  std::string_view header = b.substr(start, headerLen);

  std::map<std::string, Value> dict = HeaderParser(header, what).parse();
  auto get = [&](const char *key) -> const Value & {
    auto it = dict.find(key);
    if (it == dict.end()) fail(what, std::string("header has no '") + key + "' key");
    return it->second;
  };
  DType dtype = dtypeOfDescr(get("descr"), what);
  const Value &fortran = get("fortran_order");
  if (fortran.kind != Value::Bool) fail(what, "header's 'fortran_order' is not True or False");
  const Value &shapeV = get("shape");
  if (shapeV.kind != Value::Tuple) fail(what, "header's 'shape' is not a tuple of integers");
  // A Fortran-ordered array of rank < 2 has the same bytes as a C-ordered one.
  int nonUnit = 0;
  for (int64_t d : shapeV.tuple) nonUnit += d != 1;
  if (fortran.boolean && nonUnit > 1)
    fail(what, "Fortran-ordered (column-major) arrays are not supported; save "
               "np.ascontiguousarray(a) instead");

  HostTensor t;
  try {
    t = HostTensor(shapeV.tuple, dtype);
  } catch (const std::invalid_argument &e) {
    fail(what, std::string("shape is invalid: ") + e.what());
  }
  std::string_view payload = b.substr(start + headerLen);
  if (payload.size() != t.sizeInBytes())
    fail(what, std::string(payload.size() < t.sizeInBytes() ? "truncated data" : "trailing data") +
                   ": " + t.typeString() + " needs " + std::to_string(t.sizeInBytes()) +
                   " bytes, the file has " + std::to_string(payload.size()));
  std::memcpy(t.data(), payload.data(), payload.size());
  if (dtype == DType::I1) {
    // Compiled code and data<bool>() rely on bools being exactly 0 or 1.
    const auto *p = static_cast<const unsigned char *>(t.data());
    for (int64_t i = 0; i < t.numel(); ++i)
      if (p[i] > 1)
        fail(what, "bool element " + std::to_string(i) + " is " + std::to_string(p[i]) +
                       ", not 0 or 1");
  }
  return t;
}

HostTensor readNpy(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) fail(path, std::string("cannot open: ") + std::strerror(errno));
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) fail(path, "read error");
  return parseNpy(bytes, path);
}

std::string formatNpy(const HostTensor &t) {
  const char *descr = npyDescr(t.dtype());
  if (!descr)
    throw DataError(std::string("cannot write ") + t.typeString() +
                    " as .npy: NumPy has no " + name(t.dtype()) + " dtype");
  std::string shape = "(";
  for (int64_t d : t.shape()) shape += std::to_string(d) + ", ";
  if (t.shape().size() > 1) shape.resize(shape.size() - 2);
  else if (t.shape().size() == 1) shape.resize(shape.size() - 1); // "(3,)"
  shape += ")";
  std::string header = std::string("{'descr': '") + descr +
                       "', 'fortran_order': False, 'shape': " + shape + ", }";
  // Magic, version, length and header (with its '\n') fill a multiple of 64.
  size_t total = kMagicLen + 2 + 2 + header.size() + 1;
  header.append((64 - total % 64) % 64, ' ');
  header += '\n';
  if (header.size() > 0xffff) throw DataError("cannot write " + t.typeString() + ": rank too large");
  std::string out(kMagic, kMagicLen);
  out += '\x01';
  out += '\x00';
  out += static_cast<char>(header.size() & 0xff);
  out += static_cast<char>(header.size() >> 8);
  out += header;
  out.append(static_cast<const char *>(t.data()), t.sizeInBytes());
  return out;
}

void writeNpy(const std::string &path, const HostTensor &t) {
  std::string bytes;
  try {
    bytes = formatNpy(t);
  } catch (const DataError &e) {
    fail(path, e.what());
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) fail(path, std::string("cannot write: ") + std::strerror(errno));
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) fail(path, "write failed");
}

} // namespace dlc::rt
