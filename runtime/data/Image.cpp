//===- Image.cpp - reading an image file and fitting it to a model --------===//
//
// The format is chosen by the file's first bytes (PNG signature, "P2",
// "P5"); decoding is PgmDecoder.cpp and PngDecoder.cpp. Resizing is PIL's
// separable resampling with the triangle (bilinear) filter: output pixel i
// of n covers input [i, i+1) * in/n around centre (i + 0.5) * in/n; the
// filter's support is max(1, in/n) input pixels either side, weights are
// 1 - |distance| / max(1, in/n), normalised to sum to 1.
//
//===----------------------------------------------------------------------===//
#include "runtime/data/Image.h"

#include "runtime/data/DataError.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace dlc::rt {
namespace {

/// Files larger than this are not images we could accept (kMaxImagePixels
/// at 16-bit RGBA, uncompressed, with room to spare).
constexpr int64_t kMaxImageFileBytes = int64_t(1) << 30;

std::vector<uint8_t> readWholeFile(const std::string &path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    throw DataError(fmt::format("{}: cannot read an image: it is a directory", path));
  std::FILE *f = std::fopen(path.c_str(), "rb");
  if (!f) throw DataError(fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
  std::vector<uint8_t> bytes;
  uint8_t chunk[1 << 16];
  while (size_t n = std::fread(chunk, 1, sizeof chunk, f)) {
    bytes.insert(bytes.end(), chunk, chunk + n);
    if (int64_t(bytes.size()) > kMaxImageFileBytes) {
      std::fclose(f);
      throw DataError(fmt::format("{}: larger than {} bytes: not an image this reader accepts",
                                  path, kMaxImageFileBytes));
    }
  }
  bool failed = std::ferror(f);
  int savedErrno = errno;
  std::fclose(f);
  if (failed) throw DataError(fmt::format("{}: read error: {}", path, std::strerror(savedErrno)));
  return bytes;
}

struct Taps {
  int64_t first = 0;
  std::vector<float> weights;
};

/// Per output index, the input range and normalised weights (see the header).
std::vector<Taps> resampleTaps(int64_t in, int64_t out) {
  double scale = double(in) / double(out);
  double filterScale = std::max(scale, 1.0);
  double support = filterScale; // the triangle filter's support is 1
  std::vector<Taps> taps(static_cast<size_t>(out));
  for (int64_t i = 0; i < out; ++i) {
    double center = (double(i) + 0.5) * scale;
    int64_t lo = std::max<int64_t>(0, int64_t(std::floor(center - support + 0.5)));
    int64_t hi = std::min<int64_t>(in, int64_t(std::floor(center + support + 0.5)));
    Taps &t = taps[size_t(i)];
    t.first = lo;
    double sum = 0;
    std::vector<double> w;
    for (int64_t x = lo; x < hi; ++x) {
      double d = std::fabs((double(x) - center + 0.5) / filterScale);
      w.push_back(d < 1 ? 1 - d : 0);
      sum += w.back();
    }
    for (double v : w) t.weights.push_back(sum > 0 ? float(v / sum) : 0.0f);
  }
  return taps;
}

} // namespace

GreyImage decodeImage(std::span<const uint8_t> bytes, const std::string &name) {
  if (bytes.size() >= 4 && bytes[0] == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' &&
      bytes[3] == 'G')
    return decodePng(bytes, name);
  if (bytes.size() >= 2 && bytes[0] == 'P' && (bytes[1] == '2' || bytes[1] == '5'))
    return decodePgm(bytes, name);
  if (bytes.empty()) throw DataError(fmt::format("{}: empty file, not an image", name));
  throw DataError(fmt::format("{}: not a PNG or PGM (P2/P5) image (unrecognised first bytes)",
                              name));
}

GreyImage readImage(const std::string &path) { return decodeImage(readWholeFile(path), path); }

GreyImage resizeImage(const GreyImage &image, int64_t height, int64_t width) {
  if (height <= 0 || width <= 0)
    throw DataError(fmt::format("cannot resize an image to {} x {}", height, width));
  if (image.height == height && image.width == width) return image;
  // Rows first (width), then columns (height).
  std::vector<Taps> across = resampleTaps(image.width, width);
  std::vector<float> wide(size_t(image.height * width));
  for (int64_t y = 0; y < image.height; ++y)
    for (int64_t x = 0; x < width; ++x) {
      const Taps &t = across[size_t(x)];
      const float *row = image.pixels.data() + y * image.width + t.first;
      float v = 0;
      for (size_t k = 0; k < t.weights.size(); ++k) v += t.weights[k] * row[k];
      wide[size_t(y * width + x)] = v;
    }
  std::vector<Taps> down = resampleTaps(image.height, height);
  GreyImage out;
  out.height = height;
  out.width = width;
  out.pixels.resize(size_t(height * width));
  for (int64_t y = 0; y < height; ++y) {
    const Taps &t = down[size_t(y)];
    for (int64_t x = 0; x < width; ++x) {
      float v = 0;
      for (size_t k = 0; k < t.weights.size(); ++k)
        v += t.weights[k] * wide[size_t((t.first + int64_t(k)) * width + x)];
      out.pixels[size_t(y * width + x)] = std::clamp(v, 0.0f, 1.0f);
    }
  }
  return out;
}

GreyImage loadModelImage(const std::string &path, int64_t height, int64_t width, bool invert) {
  GreyImage image = resizeImage(readImage(path), height, width);
  if (invert)
    for (float &v : image.pixels) v = 1.0f - v;
  return image;
}

} // namespace dlc::rt
