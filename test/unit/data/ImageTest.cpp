//===- ImageTest.cpp - PGM/PNG decoding and resizing (runtime/data/Image.h) -===//
//
// Images are written by the tests (PngWriter.h encodes PNGs with zlib from
// the specification); expected pixels come from the definitions: sample /
// (2^depth - 1), BT.601 luma, alpha over black, and hand-computed resize
// weights.
//
//===----------------------------------------------------------------------===//
#include "runtime/data/DataError.h"
#include "runtime/data/Image.h"

#include "test/unit/data/Fixtures.h"
#include "test/unit/data/PngWriter.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <tuple>

namespace dlc::rt {
namespace {

using ::testing::HasSubstr;
using test::encodePng;
using test::PngSpec;

std::vector<uint8_t> bytesOf(const std::string &s) { return {s.begin(), s.end()}; }

/// The DataError message decoding `bytes` raises ("" if none).
std::string decodeError(const std::vector<uint8_t> &bytes) {
  try {
    decodeImage(bytes, "img");
  } catch (const DataError &e) {
    return e.what();
  }
  return "";
}

/// Deterministic samples below 2^depth.
std::vector<uint16_t> samplesFor(size_t n, int depth, uint32_t seed) {
  std::vector<uint16_t> v(n);
  uint32_t s = seed;
  for (uint16_t &x : v) {
    s = s * 1664525u + 1013904223u;
    x = uint16_t((s >> 8) & ((1u << depth) - 1));
  }
  return v;
}

// ---- PGM -------------------------------------------------------------------

TEST(Pgm, BinaryEightBit) {
  std::vector<uint8_t> f = bytesOf("P5\n3 2\n255\n");
  f.insert(f.end(), {0, 51, 102, 153, 204, 255});
  GreyImage img = decodeImage(f, "a.pgm");
  ASSERT_EQ(img.height, 2);
  ASSERT_EQ(img.width, 3);
  std::vector<float> want{0, 0.2f, 0.4f, 0.6f, 0.8f, 1};
  for (size_t i = 0; i < 6; ++i) EXPECT_NEAR(img.pixels[i], want[i], 1e-6) << i;
}

TEST(Pgm, AsciiWithCommentsAndSmallMaxval) {
  GreyImage img = decodeImage(bytesOf("P2 # a comment\n# another\n2 # w\n2\n15\n0 15\n5  3\n"),
                              "a.pgm");
  ASSERT_EQ(img.width, 2);
  std::vector<float> want{0, 1, 5 / 15.0f, 3 / 15.0f};
  for (size_t i = 0; i < 4; ++i) EXPECT_NEAR(img.pixels[i], want[i], 1e-6) << i;
}

TEST(Pgm, SixteenBitBigEndian) {
  std::vector<uint8_t> f = bytesOf("P5 2 1 1000\n");
  f.insert(f.end(), {0x01, 0xf4, 0x03, 0xe8}); // 500, 1000
  GreyImage img = decodeImage(f, "a.pgm");
  EXPECT_NEAR(img.pixels[0], 0.5f, 1e-6);
  EXPECT_NEAR(img.pixels[1], 1.0f, 1e-6);
}

TEST(Pgm, Errors) {
  EXPECT_EQ(decodeError(bytesOf("P5 2 1 255\n\x01\x02\x03")), ""); // trailing bytes: a 2nd image
  EXPECT_THAT(decodeError(bytesOf("P5 2 1 100\n\x01\x65")),
              HasSubstr("sample 1 is 101, above maxval 100"));
  EXPECT_THAT(decodeError(bytesOf("P5 2 1 0\n\x01\x01")), HasSubstr("maxval is 0"));
  EXPECT_THAT(decodeError(bytesOf("P5 2 1 70000\n")), HasSubstr("maxval is larger than 65535"));
  EXPECT_THAT(decodeError(bytesOf("P5 0 1 255\n")), HasSubstr("width or height 0"));
  EXPECT_THAT(decodeError(bytesOf("P5 2 x 255\n")), HasSubstr("expected the height"));
  EXPECT_THAT(decodeError(bytesOf("P2 2 1 9\n1 2 3\n")),
              HasSubstr("data after the 2 samples"));
  EXPECT_THAT(decodeError(bytesOf("P5 99999 99999 255\n")), HasSubstr("more than"));
  EXPECT_THAT(decodeError(bytesOf("P6 1 1 255\n\0\0\0")),
              HasSubstr("not a PNG or PGM (P2/P5) image"));
  EXPECT_THAT(decodeError({}), HasSubstr("img: empty file"));
  // Every truncation of a P5 and a P2 file is an error naming the file (a P2
  // file cut just before its final newline is still complete).
  std::string p5("P5\n# c\n3 2\n255\n\x01\x02\x03\x04\x05\x06", 21);
  std::string p2("P2\n3 2\n255\n1 2 3 4 5 6\n");
  ASSERT_EQ(decodeError(bytesOf(p5)), "");
  ASSERT_EQ(decodeError(bytesOf(p2)), "");
  for (size_t n = 0; n < p5.size(); ++n)
    EXPECT_THAT(decodeError(bytesOf(p5.substr(0, n))), HasSubstr("img: ")) << n;
  for (size_t n = 0; n + 1 < p2.size(); ++n)
    EXPECT_THAT(decodeError(bytesOf(p2.substr(0, n))), HasSubstr("img: ")) << n;
  EXPECT_THAT(decodeError(bytesOf(std::string("P5 3 2 255\n\x01\x02", 13))),
              HasSubstr("truncated raster: 3 x 2 samples of 1 byte(s) need 6 bytes, the file has 2"));
}

// ---- PNG: every colour type and bit depth, plain and interlaced ------------

/// What the decoder must produce for `samples` (Image.h's definitions).
std::vector<float> expectedGrey(const PngSpec &spec, const std::vector<uint16_t> &s) {
  const int ch = test::pngChannels(spec.colorType);
  const float maxval = float((1u << spec.depth) - 1);
  auto luma = [](float r, float g, float b) { return 0.299f * r + 0.587f * g + 0.114f * b; };
  std::vector<float> out;
  for (size_t p = 0; p < size_t(spec.width) * spec.height; ++p) {
    const uint16_t *v = &s[p * ch];
    switch (spec.colorType) {
    case 0: out.push_back(v[0] / maxval); break;
    case 2: out.push_back(luma(v[0], v[1], v[2]) / maxval); break;
    case 3: {
      const uint8_t *rgb = &spec.palette[3 * v[0]];
      float a = v[0] < spec.trns.size() ? spec.trns[v[0]] / 255.0f : 1.0f;
      out.push_back(luma(rgb[0], rgb[1], rgb[2]) / 255.0f * a);
      break;
    }
    case 4: out.push_back(v[0] / maxval * (v[1] / maxval)); break;
    default: out.push_back(luma(v[0], v[1], v[2]) / maxval * (v[3] / maxval)); break;
    }
  }
  return out;
}

class PngFormats : public ::testing::TestWithParam<std::tuple<int, int, bool>> {};

TEST_P(PngFormats, DecodesEveryPixel) {
  auto [colorType, depth, interlaced] = GetParam();
  for (auto [w, h] : {std::pair<uint32_t, uint32_t>{11, 9}, {1, 1}, {3, 2}, {9, 1}}) {
    PngSpec spec;
    spec.width = w;
    spec.height = h;
    spec.depth = uint8_t(depth);
    spec.colorType = uint8_t(colorType);
    spec.interlaced = interlaced;
    spec.idatSplit = 7; // several IDAT chunks
    size_t n = size_t(w) * h * test::pngChannels(spec.colorType);
    std::vector<uint16_t> samples = samplesFor(n, depth, w * 31 + h + colorType * 7 + depth);
    if (colorType == 3) {
      int entries = 1 << depth;
      for (int i = 0; i < entries; ++i)
        spec.palette.insert(spec.palette.end(),
                            {uint8_t(i * 37), uint8_t(255 - i * 11), uint8_t(i * 5)});
      spec.trns = {0, 128, 255}; // entries past the third are opaque
      spec.trns.resize(std::min<size_t>(3, size_t(entries)));
    }
    GreyImage img = decodeImage(encodePng(spec, samples), "t.png");
    ASSERT_EQ(img.width, w);
    ASSERT_EQ(img.height, h);
    std::vector<float> want = expectedGrey(spec, samples);
    for (size_t i = 0; i < want.size(); ++i)
      ASSERT_NEAR(img.pixels[i], want[i], 1e-5) << w << "x" << h << " pixel " << i;
  }
}

INSTANTIATE_TEST_SUITE_P(
    AllTypes, PngFormats,
    ::testing::Values(std::tuple{0, 1, false}, std::tuple{0, 2, false}, std::tuple{0, 4, false},
                      std::tuple{0, 8, false}, std::tuple{0, 16, false}, std::tuple{2, 8, false},
                      std::tuple{2, 16, false}, std::tuple{3, 1, false}, std::tuple{3, 2, false},
                      std::tuple{3, 4, false}, std::tuple{3, 8, false}, std::tuple{4, 8, false},
                      std::tuple{4, 16, false}, std::tuple{6, 8, false}, std::tuple{6, 16, false},
                      std::tuple{0, 1, true}, std::tuple{0, 8, true}, std::tuple{0, 16, true},
                      std::tuple{2, 8, true}, std::tuple{3, 2, true}, std::tuple{3, 8, true},
                      std::tuple{4, 16, true}, std::tuple{6, 8, true}));

TEST(Png, HandComputedPixels) {
  // RGBA 8-bit: red opaque, white half transparent, green, transparent blue.
  PngSpec spec;
  spec.width = 4;
  spec.colorType = 6;
  GreyImage img = decodeImage(
      encodePng(spec, {255, 0, 0, 255, 255, 255, 255, 51, 0, 255, 0, 255, 0, 0, 255, 0}), "t");
  EXPECT_NEAR(img.pixels[0], 0.299f, 1e-6);
  EXPECT_NEAR(img.pixels[1], 0.2f, 1e-6); // 51 / 255
  EXPECT_NEAR(img.pixels[2], 0.587f, 1e-6);
  EXPECT_NEAR(img.pixels[3], 0.0f, 1e-6);
}

TEST(Png, TransparentColourKey) {
  PngSpec grey;
  grey.width = 2;
  grey.trns = {0, 200}; // grey 200 is transparent
  GreyImage g = decodeImage(encodePng(grey, {200, 100}), "t");
  EXPECT_EQ(g.pixels[0], 0.0f);
  EXPECT_NEAR(g.pixels[1], 100 / 255.0f, 1e-6);
  PngSpec rgb;
  rgb.width = 2;
  rgb.colorType = 2;
  rgb.trns = {0, 10, 0, 20, 0, 30};
  GreyImage c = decodeImage(encodePng(rgb, {10, 20, 30, 10, 20, 31}), "t");
  EXPECT_EQ(c.pixels[0], 0.0f);
  EXPECT_NEAR(c.pixels[1], (0.299f * 10 + 0.587f * 20 + 0.114f * 31) / 255, 1e-6);
}

// ---- PNG errors --------------------------------------------------------------

std::vector<uint8_t> smallPng() {
  PngSpec spec;
  spec.width = 6;
  spec.height = 5;
  spec.colorType = 2;
  spec.idatSplit = 20;
  return encodePng(spec, samplesFor(90, 8, 3));
}

/// Rewrites the CRC of the chunk that starts at `offset` (its length field).
void fixCrc(std::vector<uint8_t> &png, size_t offset) {
  uint32_t len = uint32_t(png[offset]) << 24 | png[offset + 1] << 16 | png[offset + 2] << 8 |
                 png[offset + 3];
  uint32_t crc = uint32_t(crc32(0, &png[offset + 4], len + 4));
  for (int i = 0; i < 4; ++i) png[offset + 8 + len + i] = uint8_t(crc >> (24 - 8 * i));
}

TEST(PngErrors, EveryTruncationIsAnError) {
  std::vector<uint8_t> png = smallPng();
  for (size_t n = 0; n < png.size(); ++n) {
    std::vector<uint8_t> cut(png.begin(), png.begin() + n);
    std::string err = decodeError(cut);
    EXPECT_THAT(err, n == 0 ? HasSubstr("empty file") : HasSubstr("img: ")) << "prefix " << n;
  }
  EXPECT_THAT(decodeError({png.begin(), png.begin() + 6}),
              HasSubstr("shorter than the 8-byte signature"));
  EXPECT_THAT(decodeError({png.begin(), png.begin() + 40}), HasSubstr("truncated chunk"));
  EXPECT_THAT(decodeError({png.begin(), png.end() - 12}),
              HasSubstr("without an IEND chunk (truncated?)"));
}

TEST(PngErrors, BadCrcNamesTheChunk) {
  std::vector<uint8_t> png = smallPng();
  png[8 + 8 + 5] ^= 1; // a byte of IHDR's data
  EXPECT_THAT(decodeError(png), HasSubstr("CRC mismatch in chunk 'IHDR' at byte offset 8"));
  png = smallPng();
  png[55 + 8 + 5] ^= 0x40; // inside the first IDAT's data (IHDR, tEXt, then IDAT at 55)
  EXPECT_THAT(decodeError(png), HasSubstr("CRC mismatch in chunk 'IDAT'"));
}

TEST(PngErrors, HeaderAndDataDisagree) {
  std::vector<uint8_t> png = smallPng();
  png[8 + 8 + 7] = 4; // height 5 -> 4: more data than the header implies
  fixCrc(png, 8);
  EXPECT_THAT(decodeError(png), HasSubstr("IDAT holds more data than the 76 bytes"));
  png[8 + 8 + 7] = 6; // height 6: less
  fixCrc(png, 8);
  EXPECT_THAT(decodeError(png), HasSubstr("IDAT data ends early: 95 of the 114 bytes"));
}

TEST(PngErrors, Malformed) {
  PngSpec spec;
  spec.width = 3;
  spec.height = 2;
  spec.filter = [](int, uint32_t row) { return row == 1 ? 7 : 0; };
  EXPECT_THAT(decodeError(encodePng(spec, std::vector<uint16_t>(6, 1))),
              HasSubstr("unknown filter type 7 on scanline 1"));

  PngSpec pal;
  pal.width = 2;
  pal.colorType = 3;
  pal.depth = 2;
  pal.palette = {1, 2, 3, 4, 5, 6};
  EXPECT_THAT(decodeError(encodePng(pal, {1, 3})),
              HasSubstr("palette index 3 out of range (the palette has 2 entries)"));
  pal.palette.clear();
  EXPECT_THAT(decodeError(encodePng(pal, {1, 0})), HasSubstr("palette image without a PLTE"));

  PngSpec bad;
  bad.colorType = 2;
  bad.depth = 4;
  EXPECT_THAT(decodeError(encodePng(bad, {1, 1, 1})),
              HasSubstr("bit depth 4 is not allowed for colour type 2"));

  std::vector<uint8_t> png = smallPng();
  png[8 + 8 + 12] = 2; // interlace method 2
  fixCrc(png, 8);
  EXPECT_THAT(decodeError(png), HasSubstr("unknown interlace method 2"));

  png = smallPng();
  for (int i = 0; i < 4; ++i) png[8 + 8 + i] = i == 0 ? 0 : 0xff; // width 0x00ffffff
  png[8 + 8 + 4] = 0;
  png[8 + 8 + 5] = 0;
  png[8 + 8 + 6] = 0xff;
  png[8 + 8 + 7] = 0xff;
  fixCrc(png, 8);
  EXPECT_THAT(decodeError(png), HasSubstr("pixels is more than the"));

  // A critical chunk nobody knows, after IHDR.
  png = smallPng();
  std::vector<uint8_t> withUnknown(png.begin(), png.begin() + 33);
  test::pngChunk(withUnknown, "ZZZZ", {1, 2});
  withUnknown.insert(withUnknown.end(), png.begin() + 33, png.end());
  EXPECT_THAT(decodeError(withUnknown), HasSubstr("unknown critical chunk 'ZZZZ' at byte offset 33"));

  // Corrupt zlib data with a valid CRC.
  png = smallPng();
  size_t idat = 33 + 12 + 10; // IHDR, then the tEXt chunk (10 bytes)
  png[idat + 8] = 0xff;      // the zlib header's first byte
  fixCrc(png, idat);
  EXPECT_THAT(decodeError(png), HasSubstr("corrupt IDAT data: zlib:"));
}

TEST(PngErrors, CorruptionWithValidCrcsNeverCrashes) {
  // Flip bytes inside chunks and recompute the CRCs, so the damage reaches
  // the header checks, the inflater, the filters and the pixel conversion:
  // every result is an image or a DataError (run under the sanitizers by
  // scripts/sanitize.sh).
  PngSpec spec;
  spec.width = 9;
  spec.height = 7;
  spec.colorType = 3;
  spec.depth = 4;
  spec.interlaced = true;
  for (int i = 0; i < 12; ++i) spec.palette.insert(spec.palette.end(), {uint8_t(i), 7, 9});
  spec.trns = {1, 2};
  std::vector<uint16_t> samples = samplesFor(63, 4, 5);
  for (uint16_t &v : samples) v %= 12;
  const std::vector<uint8_t> good = encodePng(spec, samples);
  // Chunk offsets, to recompute the CRC of the chunk a flipped byte is in.
  std::vector<size_t> chunks;
  for (size_t pos = 8; pos < good.size();) {
    chunks.push_back(pos);
    pos += 12 + (size_t(good[pos]) << 24 | size_t(good[pos + 1]) << 16 |
                 size_t(good[pos + 2]) << 8 | good[pos + 3]);
  }
  uint32_t rng = 12345;
  int decoded = 0, rejected = 0;
  for (int trial = 0; trial < 3000; ++trial) {
    std::vector<uint8_t> png = good;
    for (int flips = 0; flips < 1 + trial % 3; ++flips) {
      rng = rng * 1664525u + 1013904223u;
      size_t at = 8 + (rng >> 8) % (good.size() - 8);
      png[at] ^= uint8_t(1u << (rng >> 28) % 8);
      size_t chunk = chunks.front();
      for (size_t c : chunks)
        if (c <= at) chunk = c;
      size_t len = size_t(good[chunk]) << 24 | size_t(good[chunk + 1]) << 16 |
                   size_t(good[chunk + 2]) << 8 | good[chunk + 3];
      if (at >= chunk + 4 && at < chunk + 8 + len) { // type or data: a valid CRC again
        uint32_t crc = uint32_t(crc32(0, &png[chunk + 4], uInt(len + 4)));
        for (int i = 0; i < 4; ++i) png[chunk + 8 + len + i] = uint8_t(crc >> (24 - 8 * i));
      }
    }
    try {
      GreyImage img = decodeImage(png, "fuzz.png");
      ASSERT_EQ(img.pixels.size(), size_t(img.width * img.height));
      ++decoded;
    } catch (const DataError &e) {
      ASSERT_THAT(e.what(), HasSubstr("fuzz.png: malformed PNG: "));
      ++rejected;
    }
  }
  EXPECT_GT(rejected, 0);
  EXPECT_GT(decoded, 0); // some flips only change pixel values
}

// ---- resizing and files ------------------------------------------------------

TEST(Resize, UpscaleIsBilinearWithEdgesRepeated) {
  GreyImage in{1, 2, {0, 1}};
  GreyImage out = resizeImage(in, 1, 4);
  std::vector<float> want{0, 0.25f, 0.75f, 1};
  for (size_t i = 0; i < 4; ++i) EXPECT_NEAR(out.pixels[i], want[i], 1e-6) << i;
}

TEST(Resize, DownscaleAveragesWithTheWidenedTriangle) {
  // Scale 2: support 2, weights 1 - |x - centre + 0.5| / 2 over pixels 0..2
  // for the first output (0.75, 0.75, 0.25) and 1..3 for the second.
  GreyImage in{4, 1, {0.1f, 0.2f, 0.4f, 0.8f}};
  GreyImage out = resizeImage(in, 2, 1);
  ASSERT_EQ(out.height, 2);
  EXPECT_NEAR(out.pixels[0], (0.75 * 0.1 + 0.75 * 0.2 + 0.25 * 0.4) / 1.75, 1e-6);
  EXPECT_NEAR(out.pixels[1], (0.25 * 0.2 + 0.75 * 0.4 + 0.75 * 0.8) / 1.75, 1e-6);
}

TEST(Resize, ConstantStaysConstantAndSameSizeIsACopy) {
  GreyImage in{5, 7, std::vector<float>(35, 0.3f)};
  for (auto [h, w] : {std::pair<int64_t, int64_t>{28, 28}, {2, 3}, {5, 7}, {1, 1}}) {
    GreyImage out = resizeImage(in, h, w);
    ASSERT_EQ(out.pixels.size(), size_t(h * w));
    for (float v : out.pixels) EXPECT_NEAR(v, 0.3f, 1e-6);
  }
  EXPECT_THROW(resizeImage(in, 0, 3), DataError);
}

class ImageFiles : public test::TempDirTest {};

TEST_F(ImageFiles, LoadModelImageResizesAndInverts) {
  std::filesystem::path p = dir / "x.pgm";
  std::vector<uint8_t> f = bytesOf("P5 2 2 255\n");
  f.insert(f.end(), {255, 255, 0, 0});
  test::writeFile(p, f, /*gzip=*/false);
  GreyImage img = loadModelImage(p.string(), 4, 4, /*invert=*/true);
  ASSERT_EQ(img.pixels.size(), 16u);
  // Rows 0..3 of the 2-row image upscaled: 1, 0.75, 0.25, 0 before inverting.
  for (int x = 0; x < 4; ++x) {
    EXPECT_NEAR(img.pixels[size_t(x)], 0.0f, 1e-6);
    EXPECT_NEAR(img.pixels[size_t(4 + x)], 0.25f, 1e-6);
    EXPECT_NEAR(img.pixels[size_t(8 + x)], 0.75f, 1e-6);
    EXPECT_NEAR(img.pixels[size_t(12 + x)], 1.0f, 1e-6);
  }
  PngSpec spec;
  spec.width = 28;
  spec.height = 28;
  test::writeFile(dir / "y.png", encodePng(spec, samplesFor(784, 8, 1)), false);
  EXPECT_EQ(readImage((dir / "y.png").string()).pixels.size(), 784u);

  try {
    readImage((dir / "missing.png").string());
    FAIL();
  } catch (const DataError &e) {
    EXPECT_THAT(e.what(), HasSubstr("missing.png: cannot open: No such file"));
  }
  EXPECT_THROW(readImage(dir.string()), DataError);
}

} // namespace
} // namespace dlc::rt
