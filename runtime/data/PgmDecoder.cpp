//===- PgmDecoder.cpp - netpbm greymaps (P2, P5) to GreyImage -------------===//
//
// Header: magic "P2" or "P5", then width, height and maxval as ASCII
// decimals separated by whitespace, with `#` comments to the end of a line
// allowed between them; then one whitespace byte and the raster. P5 samples
// are one byte (maxval < 256) or two big-endian bytes; P2 samples are ASCII
// decimals. A sample above maxval is an error. Value = sample / maxval.
//
//===----------------------------------------------------------------------===//
#include "runtime/data/DataError.h"
#include "runtime/data/Image.h"

#include <fmt/format.h>

#include <cctype>

namespace dlc::rt {
namespace {

class PgmReader {
public:
  PgmReader(std::span<const uint8_t> bytes, const std::string &name) : b(bytes), name(name) {}

  [[noreturn]] void fail(const std::string &why) const {
    throw DataError(fmt::format("{}: malformed PGM at byte offset {}: {}", name, pos, why));
  }

  /// Skips whitespace and comments (a comment may follow any token).
  void skipSpace() {
    while (pos < b.size()) {
      if (b[pos] == '#') {
        while (pos < b.size() && b[pos] != '\n' && b[pos] != '\r') ++pos;
      } else if (std::isspace(b[pos])) {
        ++pos;
      } else {
        return;
      }
    }
  }

  /// An unsigned decimal of at most `limit`; `what` names it in errors.
  int64_t number(const char *what, int64_t limit) {
    skipSpace();
    if (pos >= b.size()) fail(fmt::format("file ends before the {}", what));
    if (!std::isdigit(b[pos]))
      fail(fmt::format("expected the {} (a decimal number), found byte 0x{:02x}", what, b[pos]));
    int64_t v = 0;
    while (pos < b.size() && std::isdigit(b[pos])) {
      v = v * 10 + (b[pos] - '0');
      if (v > limit) fail(fmt::format("the {} is larger than {}", what, limit));
      ++pos;
    }
    if (pos < b.size() && !std::isspace(b[pos]) && b[pos] != '#')
      fail(fmt::format("unexpected byte 0x{:02x} after the {}", b[pos], what));
    return v;
  }

  GreyImage decode() {
    if (b.size() < 2 || b[0] != 'P' || (b[1] != '2' && b[1] != '5'))
      fail("expected the magic number P2 or P5");
    bool binary = b[1] == '5';
    pos = 2;
    if (pos < b.size() && !std::isspace(b[pos]) && b[pos] != '#')
      fail("expected whitespace after the magic number");
    GreyImage img;
    img.width = number("width", kMaxImagePixels);
    img.height = number("height", kMaxImagePixels);
    if (img.width == 0 || img.height == 0) fail("the image is empty (width or height 0)");
    if (img.width * img.height > kMaxImagePixels)
      fail(fmt::format("{} x {} pixels is more than the {} accepted", img.width, img.height,
                       kMaxImagePixels));
    int64_t maxval = number("maxval", 65535);
    if (maxval == 0) fail("maxval is 0 (it must be 1..65535)");
    int64_t count = img.width * img.height;
    img.pixels.resize(size_t(count));
    float scale = 1.0f / float(maxval);
    if (binary) {
      if (pos >= b.size()) fail("file ends before the raster");
      if (!std::isspace(b[pos])) fail("expected one whitespace byte between maxval and the raster");
      ++pos; // the single whitespace byte that ends the header
      size_t sampleBytes = maxval < 256 ? 1 : 2;
      size_t need = size_t(count) * sampleBytes;
      if (b.size() - pos < need)
        fail(fmt::format("truncated raster: {} x {} samples of {} byte(s) need {} bytes, the "
                         "file has {}",
                         img.width, img.height, sampleBytes, need, b.size() - pos));
      for (int64_t i = 0; i < count; ++i) {
        int64_t v = sampleBytes == 1 ? b[pos] : (int64_t(b[pos]) << 8 | b[pos + 1]);
        if (v > maxval) fail(fmt::format("sample {} is {}, above maxval {}", i, v, maxval));
        img.pixels[size_t(i)] = float(v) * scale;
        pos += sampleBytes;
      }
    } else {
      for (int64_t i = 0; i < count; ++i) {
        int64_t v = number("next sample", 65535);
        if (v > maxval) fail(fmt::format("sample {} is {}, above maxval {}", i, v, maxval));
        img.pixels[size_t(i)] = float(v) * scale;
      }
      skipSpace();
      if (pos < b.size())
        fail(fmt::format("data after the {} samples the header promises", count));
    }
    return img;
  }

private:
  std::span<const uint8_t> b;
  const std::string &name;
  size_t pos = 0;
};

} // namespace

GreyImage decodePgm(std::span<const uint8_t> bytes, const std::string &name) {
  return PgmReader(bytes, name).decode();
}

} // namespace dlc::rt
