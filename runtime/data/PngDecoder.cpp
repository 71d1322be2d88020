//===- PngDecoder.cpp - PNG (ISO/IEC 15948) to GreyImage ------------------===//
//
// Chunks are walked with every length checked against the bytes left and
// every CRC verified; IHDR must come first, IEND must end the stream. The
// concatenated IDAT data is inflated by zlib into a buffer of exactly the
// size the header implies (more or less data is an error), then each
// (Adam7) pass is unfiltered scanline by scanline (None, Sub, Up, Average,
// Paeth) and its pixels converted to grey (Image.h) and placed.
//
//===----------------------------------------------------------------------===//
#include "runtime/data/DataError.h"
#include "runtime/data/Image.h"

#include <fmt/format.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <optional>

namespace dlc::rt {
namespace {

constexpr uint8_t kSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

uint32_t be32(const uint8_t *p) {
  return uint32_t(p[0]) << 24 | uint32_t(p[1]) << 16 | uint32_t(p[2]) << 8 | uint32_t(p[3]);
}

/// Adam7: starting row/column and steps of the seven passes.
constexpr int kAdamRow0[7] = {0, 0, 4, 0, 2, 0, 1}, kAdamCol0[7] = {0, 4, 0, 2, 0, 1, 0};
constexpr int kAdamRowStep[7] = {8, 8, 8, 4, 4, 2, 2}, kAdamColStep[7] = {8, 8, 4, 4, 2, 2, 1};

struct Header {
  int64_t width = 0, height = 0;
  int depth = 0, colorType = 0;
  bool interlaced = false;
  int channels() const {
    switch (colorType) {
    case 0: case 3: return 1;
    case 4: return 2;
    case 2: return 3;
    default: return 4;
    }
  }
  int64_t bitsPerPixel() const { return int64_t(depth) * channels(); }
  /// Bytes of one scanline of `w` pixels, without the filter byte.
  int64_t rowBytes(int64_t w) const { return (w * bitsPerPixel() + 7) / 8; }
};

class PngReader {
public:
  PngReader(std::span<const uint8_t> bytes, const std::string &name) : b(bytes), name(name) {}

  [[noreturn]] void fail(const std::string &why) const {
    throw DataError(fmt::format("{}: malformed PNG: {}", name, why));
  }

  GreyImage decode() {
    if (b.size() < 8 || std::memcmp(b.data(), kSignature, 8) != 0)
      fail(b.size() < 8 ? fmt::format("file is {} bytes, shorter than the 8-byte signature",
                                      b.size())
                        : "bad signature (not a PNG file)");
    readChunks();
    return pixels(inflateImageData());
  }

private:
  void readChunks() {
    size_t pos = 8;
    bool sawHeader = false, sawEnd = false, sawData = false, dataEnded = false;
    while (!sawEnd) {
      if (pos == b.size())
        fail(fmt::format("file ends at byte offset {} without an IEND chunk (truncated?)", pos));
      if (b.size() - pos < 12)
        fail(fmt::format("truncated chunk at byte offset {}: a chunk needs at least 12 bytes, "
                         "{} left",
                         pos, b.size() - pos));
      uint32_t length = be32(&b[pos]);
      std::string type(reinterpret_cast<const char *>(&b[pos + 4]), 4);
      for (char c : type)
        if (!std::isalpha(static_cast<unsigned char>(c)))
          fail(fmt::format("bad chunk type at byte offset {} (not four letters)", pos + 4));
      if (length > 0x7fffffffu || b.size() - pos - 12 < length)
        fail(fmt::format("truncated chunk '{}' at byte offset {}: its length is {} bytes, {} "
                         "left",
                         type, pos, length, b.size() - pos - 12));
      const uint8_t *data = &b[pos + 8];
      uint32_t stored = be32(data + length);
      uint32_t computed = uint32_t(crc32(crc32(0L, Z_NULL, 0), &b[pos + 4], uInt(length + 4)));
      if (stored != computed)
        fail(fmt::format("CRC mismatch in chunk '{}' at byte offset {}: stored 0x{:08x}, "
                         "computed 0x{:08x} (corrupt file)",
                         type, pos, stored, computed));
      if (!sawHeader && type != "IHDR")
        fail(fmt::format("first chunk is '{}', expected IHDR", type));
      if (type == "IHDR") {
        if (sawHeader) fail("a second IHDR chunk");
        readHeader(data, length);
        sawHeader = true;
      } else if (type == "PLTE") {
        if (sawData) fail("PLTE after IDAT");
        if (length % 3 != 0 || length == 0 || length > 768)
          fail(fmt::format("PLTE has {} bytes: expected 1 to 256 RGB entries (3 bytes each)",
                           length));
        palette.assign(data, data + length);
      } else if (type == "tRNS") {
        readTransparency(data, length);
      } else if (type == "IDAT") {
        if (dataEnded) fail("IDAT chunks are not consecutive");
        compressed.insert(compressed.end(), data, data + length);
        sawData = true;
      } else if (type == "IEND") {
        sawEnd = true;
      } else if (std::isupper(static_cast<unsigned char>(type[0]))) {
        fail(fmt::format("unknown critical chunk '{}' at byte offset {}", type, pos));
      }
      if (sawData && type != "IDAT") dataEnded = true;
      pos += 12 + size_t(length);
    }
    if (!sawData) fail("no IDAT chunk (no image data)");
    if (header.colorType == 3 && palette.empty()) fail("palette image without a PLTE chunk");
  }

  void readHeader(const uint8_t *d, uint32_t length) {
    if (length != 13) fail(fmt::format("IHDR has {} bytes, expected 13", length));
    header.width = be32(d);
    header.height = be32(d + 4);
    header.depth = d[8];
    header.colorType = d[9];
    if (header.width == 0 || header.height == 0 || header.width > 0x7fffffff ||
        header.height > 0x7fffffff)
      fail(fmt::format("bad size {} x {} in IHDR", header.width, header.height));
    if (header.width * header.height > kMaxImagePixels)
      fail(fmt::format("{} x {} pixels is more than the {} accepted", header.width,
                       header.height, kMaxImagePixels));
    bool ok = false;
    int t = header.colorType, dp = header.depth;
    switch (t) {
    case 0: ok = dp == 1 || dp == 2 || dp == 4 || dp == 8 || dp == 16; break;
    case 3: ok = dp == 1 || dp == 2 || dp == 4 || dp == 8; break;
    case 2: case 4: case 6: ok = dp == 8 || dp == 16; break;
    default: fail(fmt::format("unknown colour type {} in IHDR", t));
    }
    if (!ok) fail(fmt::format("bit depth {} is not allowed for colour type {}", dp, t));
    if (d[10] != 0) fail(fmt::format("unknown compression method {} in IHDR", d[10]));
    if (d[11] != 0) fail(fmt::format("unknown filter method {} in IHDR", d[11]));
    if (d[12] > 1) fail(fmt::format("unknown interlace method {} in IHDR", d[12]));
    header.interlaced = d[12] == 1;
  }

  void readTransparency(const uint8_t *d, uint32_t length) {
    switch (header.colorType) {
    case 3:
      if (palette.empty()) fail("tRNS before PLTE");
      if (length > palette.size() / 3)
        fail(fmt::format("tRNS has {} entries, the palette {}", length, palette.size() / 3));
      paletteAlpha.assign(d, d + length);
      break;
    case 0:
      if (length != 2) fail(fmt::format("tRNS of a grey image has {} bytes, expected 2", length));
      transparentKey = {uint32_t(d[0]) << 8 | d[1], 0, 0};
      break;
    case 2:
      if (length != 6) fail(fmt::format("tRNS of an RGB image has {} bytes, expected 6", length));
      transparentKey = {uint32_t(d[0]) << 8 | d[1], uint32_t(d[2]) << 8 | d[3],
                        uint32_t(d[4]) << 8 | d[5]};
      break;
    default: fail("tRNS in an image that has an alpha channel");
    }
  }

  /// Bytes of filtered scanlines (filter byte + row) of every pass.
  int64_t expectedDataBytes() const {
    int64_t total = 0;
    for (int p = 0; p < (header.interlaced ? 7 : 1); ++p) {
      auto [w, h] = passSize(p);
      if (w > 0 && h > 0) total += h * (1 + header.rowBytes(w));
    }
    return total;
  }

  std::pair<int64_t, int64_t> passSize(int p) const {
    if (!header.interlaced) return {header.width, header.height};
    int64_t w = (header.width - kAdamCol0[p] + kAdamColStep[p] - 1) / kAdamColStep[p];
    int64_t h = (header.height - kAdamRow0[p] + kAdamRowStep[p] - 1) / kAdamRowStep[p];
    return {std::max<int64_t>(w, 0), std::max<int64_t>(h, 0)};
  }

  std::vector<uint8_t> inflateImageData() {
    if (compressed.size() > 0xffffffffu) fail("more than 4 GiB of IDAT data");
    std::vector<uint8_t> out(static_cast<size_t>(expectedDataBytes()));
    z_stream z{};
    if (inflateInit(&z) != Z_OK) fail("zlib cannot start inflating");
    z.next_in = compressed.data();
    z.avail_in = uInt(compressed.size());
    z.next_out = out.data();
    z.avail_out = uInt(out.size());
    int rc = inflate(&z, Z_FINISH);
    size_t produced = out.size() - z.avail_out;
    bool tooMuch = false;
    if (rc == Z_BUF_ERROR && z.avail_out == 0) {
      // The buffer is full but the stream has not ended: one more byte of
      // output means more data than the header implies; none, and the
      // stream may only have its checksum left.
      uint8_t extra;
      z.next_out = &extra;
      z.avail_out = 1;
      rc = inflate(&z, Z_FINISH);
      tooMuch = z.avail_out == 0;
    }
    std::string msg = z.msg ? z.msg : "no detail";
    inflateEnd(&z);
    if (tooMuch)
      fail(fmt::format("IDAT holds more data than the {} bytes a {} x {} image of colour type "
                       "{}, depth {}{} needs",
                       out.size(), header.width, header.height, header.colorType, header.depth,
                       header.interlaced ? " (interlaced)" : ""));
    if (rc == Z_STREAM_END && produced == out.size()) return out;
    if (rc == Z_STREAM_END)
      fail(fmt::format("IDAT data ends early: {} of the {} bytes the header implies", produced,
                       out.size()));
    if (rc == Z_DATA_ERROR || rc == Z_NEED_DICT) fail("corrupt IDAT data: zlib: " + msg);
    if (rc == Z_MEM_ERROR) fail("out of memory inflating IDAT data");
    fail(fmt::format("IDAT zlib stream is truncated ({} of the {} bytes the header implies "
                     "were decoded)",
                     produced, out.size()));
  }

  /// Undoes the filters of `rows` scanlines of `rowBytes` bytes in place
  /// (each preceded by its filter byte) and returns the unfiltered rows.
  std::vector<uint8_t> unfilter(const uint8_t *src, int64_t rows, int64_t rowBytes, int pass) {
    std::vector<uint8_t> outRows(size_t(rows * rowBytes));
    int64_t bpp = std::max<int64_t>(1, header.bitsPerPixel() / 8);
    for (int64_t r = 0; r < rows; ++r) {
      uint8_t filter = src[r * (rowBytes + 1)];
      const uint8_t *in = src + r * (rowBytes + 1) + 1;
      uint8_t *cur = outRows.data() + r * rowBytes;
      const uint8_t *prev = r ? cur - rowBytes : nullptr;
      for (int64_t i = 0; i < rowBytes; ++i) {
        int a = i >= bpp ? cur[i - bpp] : 0, up = prev ? prev[i] : 0;
        int c = prev && i >= bpp ? prev[i - bpp] : 0;
        int predictor;
        switch (filter) {
        case 0: predictor = 0; break;
        case 1: predictor = a; break;
        case 2: predictor = up; break;
        case 3: predictor = (a + up) / 2; break;
        case 4: {
          int p = a + up - c, pa = std::abs(p - a), pb = std::abs(p - up), pc = std::abs(p - c);
          predictor = pa <= pb && pa <= pc ? a : pb <= pc ? up : c;
          break;
        }
        default:
          fail(fmt::format("unknown filter type {} on scanline {}{}", filter, r,
                           header.interlaced ? fmt::format(" of Adam7 pass {}", pass + 1) : ""));
        }
        cur[i] = uint8_t(in[i] + predictor);
      }
    }
    return outRows;
  }

  /// Sample `index` (0-based, across channels) of an unfiltered row.
  uint32_t sample(const uint8_t *row, int64_t index) const {
    switch (header.depth) {
    case 16: return uint32_t(row[2 * index]) << 8 | row[2 * index + 1];
    case 8: return row[index];
    default: {
      int64_t bit = index * header.depth;
      int shift = 8 - header.depth - int(bit % 8);
      return (row[bit / 8] >> shift) & ((1u << header.depth) - 1);
    }
    }
  }

  float grey(const uint8_t *row, int64_t x) const {
    float maxval = float((1u << header.depth) - 1);
    int64_t s0 = x * header.channels();
    switch (header.colorType) {
    case 0: {
      uint32_t g = sample(row, s0);
      if (transparentKey && g == (*transparentKey)[0]) return 0;
      return float(g) / maxval;
    }
    case 4: return float(sample(row, s0)) / maxval * (float(sample(row, s0 + 1)) / maxval);
    case 3: {
      uint32_t i = sample(row, s0);
      if (i >= palette.size() / 3)
        fail(fmt::format("palette index {} out of range (the palette has {} entries)", i,
                         palette.size() / 3));
      float l = luma(palette[3 * i], palette[3 * i + 1], palette[3 * i + 2]) / 255.0f;
      return i < paletteAlpha.size() ? l * (float(paletteAlpha[i]) / 255.0f) : l;
    }
    case 2: {
      uint32_t r = sample(row, s0), g = sample(row, s0 + 1), bl = sample(row, s0 + 2);
      if (transparentKey && std::array<uint32_t, 3>{r, g, bl} == *transparentKey) return 0;
      return luma(float(r), float(g), float(bl)) / maxval;
    }
    default: {
      float l = luma(float(sample(row, s0)), float(sample(row, s0 + 1)),
                     float(sample(row, s0 + 2))) / maxval;
      return l * (float(sample(row, s0 + 3)) / maxval);
    }
    }
  }

  static float luma(float r, float g, float b) { return 0.299f * r + 0.587f * g + 0.114f * b; }

  GreyImage pixels(const std::vector<uint8_t> &data) {
    GreyImage img;
    img.width = header.width;
    img.height = header.height;
    img.pixels.resize(size_t(img.width * img.height));
    const uint8_t *src = data.data();
    for (int p = 0; p < (header.interlaced ? 7 : 1); ++p) {
      auto [w, h] = passSize(p);
      if (w == 0 || h == 0) continue;
      int64_t rowBytes = header.rowBytes(w);
      std::vector<uint8_t> rows = unfilter(src, h, rowBytes, p);
      src += h * (rowBytes + 1);
      int64_t r0 = header.interlaced ? kAdamRow0[p] : 0, c0 = header.interlaced ? kAdamCol0[p] : 0;
      int64_t rs = header.interlaced ? kAdamRowStep[p] : 1;
      int64_t cs = header.interlaced ? kAdamColStep[p] : 1;
      for (int64_t y = 0; y < h; ++y)
        for (int64_t x = 0; x < w; ++x)
          img.pixels[size_t((r0 + y * rs) * img.width + c0 + x * cs)] =
              grey(rows.data() + y * rowBytes, x);
    }
    return img;
  }

  std::span<const uint8_t> b;
  const std::string &name;
  Header header;
  std::vector<uint8_t> palette, paletteAlpha, compressed;
  std::optional<std::array<uint32_t, 3>> transparentKey;
};

} // namespace

GreyImage decodePng(std::span<const uint8_t> bytes, const std::string &name) {
  return PngReader(bytes, name).decode();
}

} // namespace dlc::rt
