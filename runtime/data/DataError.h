//===- DataError.h - Errors raised while loading data sets -----*- C++ -*-===//
//
// One exception type for everything that can go wrong reading a data set from
// disk: missing files, malformed headers, truncated payloads, bad labels.
// Messages always name the offending file so a user can act on them.
//
// runtime/text uses the same type: include this header rather than defining
// a second dlc::rt::DataError.
//
//===----------------------------------------------------------------------===//
#ifndef DLC_RUNTIME_DATA_DATAERROR_H
#define DLC_RUNTIME_DATA_DATAERROR_H

#include <stdexcept>
#include <string>

namespace dlc::rt {

/// A data file is missing, unreadable or malformed. what() names the file and
/// says what was expected and what was found.
class DataError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

} // namespace dlc::rt

#endif // DLC_RUNTIME_DATA_DATAERROR_H
