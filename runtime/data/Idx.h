//===- Idx.h - Reader for IDX files (MNIST format) -------------*- C++ -*-===//
//
// The IDX format (http://yann.lecun.com/exdb/mnist/): a big-endian header
//   magic  = 0x00 0x00 <type code> <rank>
//   dims   = rank x uint32
// followed by exactly prod(dims) elements. Only unsigned bytes (type code
// 0x08) are supported: that is all MNIST-style data sets use.
//
// Files may be gzipped or plain; zlib's gzread reads both transparently.
//
//===----------------------------------------------------------------------===//
#ifndef DLC_RUNTIME_DATA_IDX_H
#define DLC_RUNTIME_DATA_IDX_H

#include <cstdint>
#include <string>
#include <vector>

namespace dlc::rt {

/// Magic numbers of the two IDX layouts MNIST-style data sets use.
inline constexpr uint32_t kIdxLabelsMagic = 0x00000801; // u8, rank 1
inline constexpr uint32_t kIdxImagesMagic = 0x00000803; // u8, rank 3

/// A fully read IDX file of unsigned bytes.
struct IdxArray {
  std::vector<int64_t> dims; // outermost first, as in the header
  std::vector<uint8_t> data; // row-major, prod(dims) bytes
};

/// Reads a u8 IDX file (gzipped or plain) and checks that its magic number is
/// `expectedMagic` (which fixes the rank) and that the payload holds exactly
/// the bytes the header promises: a short payload and trailing bytes are both
/// errors. Throws DataError naming `path` on any failure.
IdxArray readIdx(const std::string &path, uint32_t expectedMagic);

/// Reads examples [first, first + count) of a u8 IDX file: `dims[0]` of the
/// result is `count`, the other dims are the file's. Only the bytes up to
/// the range's end are read (bytes after it are not checked). Throws
/// DataError naming `path` if the range is not inside the file's dims[0], or
/// the payload ends before the range does.
IdxArray readIdxRange(const std::string &path, uint32_t expectedMagic, int64_t first,
                      int64_t count);

} // namespace dlc::rt

#endif // DLC_RUNTIME_DATA_IDX_H
