//===- Image.h - PGM and PNG images as model input --------------*- C++ -*-===//
//
// Reads an image file into one greyscale float channel in [0, 1], the way
// Fashion-MNIST's pixels are scaled (byte / 255: 0 = black, which is
// Fashion-MNIST's background; a dark object on a white page needs
// `invert`), and resizes it to a model's H x W.
//
// Formats:
//  - PGM (netpbm): P2 (ASCII) and P5 (binary), maxval 1..65535 (two bytes,
//    big-endian, per sample above 255); comments allowed in the header.
//    A P5 file may hold more images after the first; only the first is read.
//  - PNG: every colour type (grey, grey+alpha, RGB, RGBA, palette) and bit
//    depth (1, 2, 4, 8, 16) of the standard, interlaced (Adam7) or not, all
//    five filter types, tRNS transparency; zlib inflates; every chunk's CRC
//    is checked; unknown ancillary chunks are skipped, unknown critical ones
//    are an error.
// Colour becomes grey with ITU-R BT.601 luma (0.299 R + 0.587 G + 0.114 B,
// PIL's convert("L")); alpha is composited over black (transparent =
// background = 0).
//
// Every malformed or truncated file throws DataError naming the file and
// what is wrong (and, for PNG, the chunk and byte offset), never reads past
// the end. Images over kMaxImagePixels are refused before allocating.
//
//===----------------------------------------------------------------------===//
#ifndef DLC_RUNTIME_DATA_IMAGE_H
#define DLC_RUNTIME_DATA_IMAGE_H

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace dlc::rt {

/// Largest image accepted, in pixels (2^26: an 8192 x 8192 photo).
inline constexpr int64_t kMaxImagePixels = int64_t(1) << 26;

/// One channel, row-major, values in [0, 1].
struct GreyImage {
  int64_t height = 0;
  int64_t width = 0;
  std::vector<float> pixels; ///< height * width
};

/// Decodes a PGM (P2/P5) or PNG image from memory, by its first bytes;
/// `name` is used in error messages.
GreyImage decodeImage(std::span<const uint8_t> bytes, const std::string &name);
GreyImage decodePgm(std::span<const uint8_t> bytes, const std::string &name);
GreyImage decodePng(std::span<const uint8_t> bytes, const std::string &name);

/// Reads and decodes `path`.
GreyImage readImage(const std::string &path);

/// Resamples to height x width with a bilinear (triangle) filter whose
/// support widens with the shrink factor when downscaling (antialiasing):
/// PIL's Image.resize(..., BILINEAR), and PyTorch's
/// interpolate(mode="bilinear", align_corners=False, antialias=True).
/// Upscaling is plain bilinear with edge pixels repeated. Same size: a copy.
GreyImage resizeImage(const GreyImage &image, int64_t height, int64_t width);

/// readImage, resized to height x width when it differs, and inverted
/// (1 - v) when `invert` (dark object on a light background).
GreyImage loadModelImage(const std::string &path, int64_t height, int64_t width,
                         bool invert = false);

} // namespace dlc::rt

#endif // DLC_RUNTIME_DATA_IMAGE_H
