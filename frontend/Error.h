//===- Error.h - errors the C++ DSL reports to users -------------*- C++ -*-===//
#pragma once

#include <source_location>
#include <stdexcept>
#include <string>

namespace dlc {

/// A mistake in a user's model or call, with the user's source line.
class Error : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

/// Where an op was written: the user's line, and the layer it belongs to
/// when a library layer builds it (e.g. "Linear(400, 120)").
struct Site {
  Site(std::source_location where = std::source_location::current()) : where(where) {}
  Site(std::source_location where, std::string layer) : where(where), layer(std::move(layer)) {}
  std::source_location where;
  std::string layer;

  /// "file.cpp:12"
  std::string str() const;
  /// Throws dlc::Error "file.cpp:12: error: [in Linear(400, 120)] <op>: <message>".
  [[noreturn]] void fail(const std::string &op, const std::string &message) const;
};

} // namespace dlc
