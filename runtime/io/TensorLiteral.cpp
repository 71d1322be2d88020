//===- TensorLiteral.cpp - tensors as text --------------------------------===//
#include "runtime/io/TensorLiteral.h"

#include <cerrno>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <stdexcept>

namespace dlc::rt {

namespace {

[[noreturn]] void bad(const std::string &msg) { throw std::invalid_argument(msg); }

/// The value tokens of "1 2,3": split on spaces and commas.
std::vector<std::string> tokens(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == ' ' || c == ',' || c == '\t' || c == '\n') {
      if (!cur.empty()) out.push_back(std::move(cur)), cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

double parseFloat(const std::string &tok, size_t i) {
  errno = 0;
  char *end = nullptr;
  double v = std::strtod(tok.c_str(), &end);
  if (end == tok.c_str() || *end != '\0')
    bad("value " + std::to_string(i) + " '" + tok + "' is not a number");
  return v;
}

int64_t parseInt(const std::string &tok, size_t i, int64_t lo, int64_t hi, DType t) {
  errno = 0;
  char *end = nullptr;
  long long v = std::strtoll(tok.c_str(), &end, 10);
  if (end == tok.c_str() || *end != '\0')
    bad("value " + std::to_string(i) + " '" + tok + "' is not an integer");
  if (errno == ERANGE || v < lo || v > hi)
    bad("value " + std::to_string(i) + " '" + tok + "' is out of range for " + name(t));
  return v;
}

} // namespace

HostTensor parseTensorLiteral(std::string_view text) {
  size_t eq = text.find('=');
  if (eq == std::string_view::npos)
    bad("expected SHAPExTYPE=VALUES (e.g. 2x3xf32=1 2 3 4 5 6 or f32=3.5), got '" +
        std::string(text) + "'");
  std::string_view type = text.substr(0, eq);
  // "2x3xf32": dimensions, then the element type after the last 'x'.
  size_t lastX = type.rfind('x');
  std::string_view elem = lastX == std::string_view::npos ? type : type.substr(lastX + 1);
  std::optional<DType> dtype = parseDType(elem);
  if (!dtype)
    bad("unknown element type '" + std::string(elem) +
        "' (expected f32, f64, bf16, i1, i8, i32 or i64)");
  std::vector<int64_t> shape;
  if (lastX != std::string_view::npos) {
    std::string_view dims = type.substr(0, lastX);
    size_t pos = 0;
    while (pos <= dims.size()) {
      size_t next = dims.find('x', pos);
      if (next == std::string_view::npos) next = dims.size();
      std::string d(dims.substr(pos, next - pos));
      char *end = nullptr;
      errno = 0;
      long long v = d.empty() ? -1 : std::strtoll(d.c_str(), &end, 10);
      if (d.empty() || *end != '\0' || v < 0 || errno == ERANGE)
        bad("bad dimension '" + d + "' in '" + std::string(type) + "'");
      shape.push_back(v);
      pos = next + 1;
    }
  }
  HostTensor t(shape, *dtype);
  std::vector<std::string> vals = tokens(text.substr(eq + 1));
  if (static_cast<int64_t>(vals.size()) != t.numel())
    bad(t.typeString() + " needs " + std::to_string(t.numel()) + " values, got " +
        std::to_string(vals.size()));
  for (size_t i = 0; i < vals.size(); ++i) {
    const std::string &v = vals[i];
    switch (*dtype) {
    case DType::F32: t.data<float>()[i] = static_cast<float>(parseFloat(v, i)); break;
    case DType::F64: t.data<double>()[i] = parseFloat(v, i); break;
    case DType::BF16:
      t.data<BF16>()[i] = BF16::fromFloat(static_cast<float>(parseFloat(v, i)));
      break;
    case DType::I1:
      if (v == "true" || v == "1") t.data<bool>()[i] = true;
      else if (v == "false" || v == "0") t.data<bool>()[i] = false;
      else bad("value " + std::to_string(i) + " '" + v + "' is not an i1 (0, 1, true, false)");
      break;
    case DType::I8:
      t.data<int8_t>()[i] = static_cast<int8_t>(parseInt(v, i, INT8_MIN, INT8_MAX, *dtype));
      break;
    case DType::I32:
      t.data<int32_t>()[i] = static_cast<int32_t>(parseInt(v, i, INT32_MIN, INT32_MAX, *dtype));
      break;
    case DType::I64: t.data<int64_t>()[i] = parseInt(v, i, INT64_MIN, INT64_MAX, *dtype); break;
    }
  }
  return t;
}

std::string formatTensorLiteral(const HostTensor &t) {
  std::string s;
  for (int64_t d : t.shape()) s += std::to_string(d) + "x";
  s += name(t.dtype());
  s += "=";
  char buf[64];
  for (int64_t i = 0; i < t.numel(); ++i) {
    switch (t.dtype()) {
    case DType::F32: std::snprintf(buf, sizeof buf, "%.9g", t.data<float>()[i]); break;
    case DType::F64: std::snprintf(buf, sizeof buf, "%.17g", t.data<double>()[i]); break;
    case DType::BF16: std::snprintf(buf, sizeof buf, "%.9g", t.data<BF16>()[i].toFloat()); break;
    case DType::I1: std::snprintf(buf, sizeof buf, "%d", t.data<bool>()[i] ? 1 : 0); break;
    case DType::I8: std::snprintf(buf, sizeof buf, "%d", int(t.data<int8_t>()[i])); break;
    case DType::I32: std::snprintf(buf, sizeof buf, "%" PRId32, t.data<int32_t>()[i]); break;
    case DType::I64: std::snprintf(buf, sizeof buf, "%" PRId64, t.data<int64_t>()[i]); break;
    }
    if (i) s += ' ';
    s += buf;
  }
  return s;
}

} // namespace dlc::rt
