//===- PngWriter.h - a minimal PNG encoder for the image tests --*- C++ -*-===//
//
// Written independently of runtime/data/PngDecoder.cpp, from the PNG
// specification: packs samples at any bit depth, applies a chosen filter
// per scanline (the forward filters), splits Adam7 passes, deflates with
// zlib and frames chunks with their CRCs. Tests then corrupt or truncate
// the bytes it returns.
//
//===----------------------------------------------------------------------===//
#ifndef DLC_TEST_UNIT_DATA_PNGWRITER_H
#define DLC_TEST_UNIT_DATA_PNGWRITER_H

#include <zlib.h>

#include <cstdint>
#include <cstdlib>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace dlc::test {

struct PngSpec {
  uint32_t width = 1, height = 1;
  uint8_t depth = 8, colorType = 0;
  bool interlaced = false;
  std::vector<uint8_t> palette; ///< PLTE payload (RGB triples), written when non-empty
  std::vector<uint8_t> trns;    ///< tRNS payload, written when non-empty
  /// Filter type (0-4) of scanline `row` of pass `pass`.
  std::function<int(int pass, uint32_t row)> filter = [](int, uint32_t row) { return row % 5; };
  size_t idatSplit = 0; ///< > 0: split the zlib stream into IDAT chunks of this many bytes
};

inline int pngChannels(uint8_t colorType) {
  switch (colorType) {
  case 0: case 3: return 1;
  case 4: return 2;
  case 2: return 3;
  default: return 4;
  }
}

inline void putBE32(std::vector<uint8_t> &out, uint32_t v) {
  for (int s = 24; s >= 0; s -= 8) out.push_back(uint8_t(v >> s));
}

/// length, type, data, CRC(type + data).
inline void pngChunk(std::vector<uint8_t> &out, const std::string &type,
                     const std::vector<uint8_t> &data) {
  putBE32(out, uint32_t(data.size()));
  std::vector<uint8_t> body(type.begin(), type.end());
  body.insert(body.end(), data.begin(), data.end());
  out.insert(out.end(), body.begin(), body.end());
  putBE32(out, uint32_t(crc32(0, body.data(), uInt(body.size()))));
}

/// `samples` holds width * height * channels values, row-major, each below 2^depth.
inline std::vector<uint8_t> encodePng(const PngSpec &spec, const std::vector<uint16_t> &samples) {
  const int ch = pngChannels(spec.colorType), depth = spec.depth;
  const int bpp = std::max(1, ch * depth / 8);
  static const int row0[7] = {0, 0, 4, 0, 2, 0, 1}, col0[7] = {0, 4, 0, 2, 0, 1, 0};
  static const int rowStep[7] = {8, 8, 8, 4, 4, 2, 2}, colStep[7] = {8, 8, 4, 4, 2, 2, 1};
  std::vector<uint8_t> raw; // filtered scanlines of every pass
  for (int pass = 0; pass < (spec.interlaced ? 7 : 1); ++pass) {
    uint32_t r0 = spec.interlaced ? row0[pass] : 0, c0 = spec.interlaced ? col0[pass] : 0;
    uint32_t rs = spec.interlaced ? rowStep[pass] : 1, cs = spec.interlaced ? colStep[pass] : 1;
    std::vector<uint8_t> prev;
    uint32_t passRow = 0;
    for (uint32_t y = r0; y < spec.height; y += rs, ++passRow) {
      // Pack the row's samples MSB first.
      std::vector<uint8_t> row;
      uint32_t acc = 0;
      int bits = 0;
      for (uint32_t x = c0; x < spec.width; x += cs)
        for (int c = 0; c < ch; ++c) {
          uint32_t v = samples[(size_t(y) * spec.width + x) * ch + c];
          if (depth == 16) {
            row.push_back(uint8_t(v >> 8));
            row.push_back(uint8_t(v));
          } else {
            acc = acc << depth | v;
            bits += depth;
            if (bits == 8) {
              row.push_back(uint8_t(acc));
              acc = 0;
              bits = 0;
            }
          }
        }
      if (bits) row.push_back(uint8_t(acc << (8 - bits)));
      if (row.empty()) break; // an empty pass has no scanlines
      int f = spec.filter(pass, passRow);
      raw.push_back(uint8_t(f));
      for (size_t i = 0; i < row.size(); ++i) {
        int a = i >= size_t(bpp) ? row[i - bpp] : 0;
        int b = prev.empty() ? 0 : prev[i];
        int c = !prev.empty() && i >= size_t(bpp) ? prev[i - bpp] : 0;
        int pred = 0;
        if (f == 1) pred = a;
        if (f == 2) pred = b;
        if (f == 3) pred = (a + b) >> 1;
        if (f == 4) {
          int p = a + b - c, pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
          pred = (pa <= pb && pa <= pc) ? a : (pb <= pc ? b : c);
        }
        raw.push_back(uint8_t(row[i] - pred));
      }
      prev = row;
    }
  }
  uLongf zsize = compressBound(uLong(raw.size()));
  std::vector<uint8_t> z(zsize);
  if (compress2(z.data(), &zsize, raw.data(), uLong(raw.size()), 9) != Z_OK)
    throw std::runtime_error("compress2 failed");
  z.resize(zsize);

  std::vector<uint8_t> png = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  std::vector<uint8_t> ihdr;
  putBE32(ihdr, spec.width);
  putBE32(ihdr, spec.height);
  ihdr.insert(ihdr.end(), {spec.depth, spec.colorType, 0, 0, uint8_t(spec.interlaced)});
  pngChunk(png, "IHDR", ihdr);
  pngChunk(png, "tEXt", {'C', 'o', 'm', 'm', 'e', 'n', 't', 0, 'h', 'i'}); // ancillary: skipped
  if (!spec.palette.empty()) pngChunk(png, "PLTE", spec.palette);
  if (!spec.trns.empty()) pngChunk(png, "tRNS", spec.trns);
  size_t step = spec.idatSplit ? spec.idatSplit : z.size();
  for (size_t i = 0; i < z.size(); i += step)
    pngChunk(png, "IDAT", std::vector<uint8_t>(z.begin() + i, z.begin() + std::min(z.size(), i + step)));
  pngChunk(png, "IEND", {});
  return png;
}

} // namespace dlc::test

#endif // DLC_TEST_UNIT_DATA_PNGWRITER_H
