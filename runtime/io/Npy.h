//===- Npy.h - NumPy .npy files as HostTensors ------------------*- C++ -*-===//
//
// The .npy format (numpy.lib.format): the magic "\x93NUMPY", a major and
// minor version byte, a little-endian header length (u16 for 1.0, u32 for
// 2.0 and 3.0), then a Python dict literal padded with spaces to a multiple
// of 64 bytes and ended by '\n':
//   {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }
// followed by the elements in C order.
//
// Supported dtypes, the ones dlc's element types store identically:
//   <f4 f32, <f8 f64, |b1 i1, |i1 i8, <i4 i32, <i8 i64   ('=' is read as '<')
// Big-endian data, Fortran order, structured and object dtypes are errors,
// as is a short or over-long payload. bf16 has no NumPy dtype: writing one
// is an error.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "runtime/core/HostTensor.h"
#include "runtime/data/DataError.h"

#include <string>
#include <string_view>

namespace dlc::rt {

/// Reads a .npy file. Throws DataError naming `path` and the problem.
HostTensor readNpy(const std::string &path);

/// Parses the bytes of a .npy file; `what` names it in errors.
HostTensor parseNpy(std::string_view bytes, const std::string &what);

/// The bytes of a version 1.0 .npy file holding `t`.
std::string formatNpy(const HostTensor &t);

/// Writes `t` as a version 1.0 .npy file. Throws DataError naming `path`.
void writeNpy(const std::string &path, const HostTensor &t);

/// NumPy's dtype string for `t` ("<f4"), or nullptr if NumPy has none.
const char *npyDescr(DType t);

} // namespace dlc::rt
