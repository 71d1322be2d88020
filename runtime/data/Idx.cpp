//===- Idx.cpp - Reader for IDX files (MNIST format) ----------------------===//

#include "runtime/data/Idx.h"

#include "runtime/data/DataError.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <zlib.h>

#include <algorithm>
#include <tuple>
#include <cerrno>
#include <cstring>

namespace dlc::rt {
namespace {

/// Anything larger is a corrupt header, not a data set: refuse before
/// allocating.
constexpr int64_t kMaxPayloadBytes = int64_t(1) << 40;

/// Owns a zlib file handle.
class GzFile {
public:
  explicit GzFile(const std::string &path) : file(gzopen(path.c_str(), "rb")) {}
  ~GzFile() {
    if (file)
      gzclose(file);
  }
  GzFile(const GzFile &) = delete;
  GzFile &operator=(const GzFile &) = delete;
  gzFile get() const { return file; }

private:
  gzFile file;
};

/// Reads up to `n` bytes; returns how many were read (< n only at end of
/// input). A truncated gzip stream counts as end of input, so the caller can
/// report expected vs found bytes; corrupt data throws.
int64_t readUpTo(gzFile f, uint8_t *dst, int64_t n, const std::string &path) {
  int64_t total = 0;
  while (total < n) {
    unsigned chunk = unsigned(std::min<int64_t>(n - total, int64_t(1) << 30));
    int got = gzread(f, dst + total, chunk);
    if (got < 0) {
      int errnum = 0;
      const char *msg = gzerror(f, &errnum);
      throw DataError(fmt::format("{}: read error: {}", path,
                                  errnum == Z_ERRNO ? std::strerror(errno)
                                                    : msg));
    }
    if (got == 0)
      break;
    total += got;
  }
  return total;
}

uint32_t bigEndian32(const uint8_t *p) {
  return uint32_t(p[0]) << 24 | uint32_t(p[1]) << 16 | uint32_t(p[2]) << 8 |
         uint32_t(p[3]);
}

std::string describeMagic(uint32_t magic) {
  if (magic == kIdxLabelsMagic)
    return "u8 labels, rank 1";
  if (magic == kIdxImagesMagic)
    return "u8 images, rank 3";
  return fmt::format("type code 0x{:02x}, rank {}", (magic >> 8) & 0xff,
                     magic & 0xff);
}

/// Reads the magic and dims; returns the dims and the payload size in bytes.
std::pair<std::vector<int64_t>, int64_t> readHeader(GzFile &file, const std::string &path,
                                                    uint32_t expectedMagic) {
  // Header: magic, then one big-endian uint32 per dimension.
  uint8_t word[4];
  int64_t got = readUpTo(file.get(), word, 4, path);
  if (got < 4)
    throw DataError(fmt::format(
        "{}: truncated header: expected a 4-byte magic number, found {} bytes",
        path, got));
  uint32_t magic = bigEndian32(word);
  if (magic != expectedMagic)
    throw DataError(fmt::format(
        "{}: bad magic number: expected 0x{:08x} ({}), found 0x{:08x} ({})",
        path, expectedMagic, describeMagic(expectedMagic), magic,
        describeMagic(magic)));

  int64_t rank = magic & 0xff;
  std::vector<uint8_t> dimBytes(4 * rank);
  got = readUpTo(file.get(), dimBytes.data(), 4 * rank, path);
  if (got < 4 * rank)
    throw DataError(fmt::format("{}: truncated header: expected {} dimensions "
                                "({} bytes) after the magic, found {} bytes",
                                path, rank, 4 * rank, got));

  std::vector<int64_t> dims;
  int64_t payload = 1;
  for (int64_t i = 0; i < rank; ++i) {
    int64_t dim = bigEndian32(&dimBytes[4 * i]);
    dims.push_back(dim);
    // Each dim < 2^32 and payload <= 2^40 before the multiply: no overflow.
    payload *= dim;
    if (payload > kMaxPayloadBytes)
      throw DataError(fmt::format("{}: header promises an implausibly large "
                                  "payload (dims {}), more than {} bytes",
                                  path, fmt::join(dims, " x "),
                                  kMaxPayloadBytes));
  }
  return {dims, payload};
}

/// Opens `path` for reading, buffered; throws DataError if it cannot.
void openOrThrow(GzFile &file, const std::string &path) {
  if (!file.get())
    throw DataError(fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
  gzbuffer(file.get(), 1 << 17);
}

} // namespace

IdxArray readIdx(const std::string &path, uint32_t expectedMagic) {
  GzFile file(path);
  openOrThrow(file, path);
  IdxArray result;
  int64_t payload;
  std::tie(result.dims, payload) = readHeader(file, path, expectedMagic);

  // Read in chunks so a corrupt header cannot make us allocate memory the
  // file does not back.
  constexpr int64_t kChunk = int64_t(16) << 20;
  result.data.reserve(size_t(std::min(payload, int64_t(256) << 20)));
  int64_t have = 0;
  while (have < payload) {
    int64_t want = std::min(payload - have, kChunk);
    result.data.resize(size_t(have + want));
    int64_t n = readUpTo(file.get(), result.data.data() + have, want, path);
    have += n;
    if (n < want)
      break;
  }
  if (have < payload)
    throw DataError(fmt::format(
        "{}: truncated payload: expected {} bytes (header dims {}), found {} "
        "bytes",
        path, payload, fmt::join(result.dims, " x "), have));
  result.data.resize(size_t(payload));

  // Anything after the payload means the header and the data disagree.
  int64_t trailing = 0;
  uint8_t scratch[4096];
  while (int64_t n = readUpTo(file.get(), scratch, sizeof(scratch), path)) {
    trailing += n;
    if (n < int64_t(sizeof(scratch)))
      break;
  }
  if (trailing > 0)
    throw DataError(fmt::format(
        "{}: {} trailing bytes after the {} payload bytes the header ({}) "
        "promises",
        path, trailing, payload, fmt::join(result.dims, " x ")));
  return result;
}

IdxArray readIdxRange(const std::string &path, uint32_t expectedMagic, int64_t first,
                      int64_t count) {
  GzFile file(path);
  openOrThrow(file, path);
  IdxArray result;
  int64_t payload;
  std::tie(result.dims, payload) = readHeader(file, path, expectedMagic);
  int64_t total = result.dims.empty() ? 0 : result.dims[0];
  if (first < 0 || count < 0 || first > total || count > total - first)
    throw DataError(fmt::format("{}: examples {} to {} requested, but the file holds {} "
                                "(indices 0 to {})",
                                path, first, first + count - 1, total, total - 1));
  int64_t exampleBytes = total ? payload / total : 0;
  // Skip the examples before `first` (gzip streams are read through anyway).
  uint8_t scratch[1 << 16];
  int64_t skip = first * exampleBytes, skipped = 0;
  while (skipped < skip) {
    int64_t n = readUpTo(file.get(), scratch, std::min<int64_t>(skip - skipped, sizeof scratch),
                         path);
    skipped += n;
    if (n == 0) break;
  }
  int64_t want = count * exampleBytes;
  result.data.resize(size_t(want));
  int64_t got = skipped == skip ? readUpTo(file.get(), result.data.data(), want, path) : 0;
  if (skipped < skip || got < want)
    throw DataError(fmt::format("{}: truncated payload: examples {} to {} need bytes {} to {} "
                                "after the header, the file ends at byte {} of the payload",
                                path, first, first + count - 1, skip, skip + want, skipped + got));
  result.dims[0] = count;
  return result;
}

} // namespace dlc::rt
