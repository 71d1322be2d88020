//===- FashionMNIST.h - Fashion-MNIST loader -------------------*- C++ -*-===//
//
// Loads Fashion-MNIST (or any MNIST-layout data set) from the four IDX files
// into NCHW float images scaled to [0, 1] and int32 labels in [0, 10).
//
//===----------------------------------------------------------------------===//
#ifndef DLC_RUNTIME_DATA_FASHIONMNIST_H
#define DLC_RUNTIME_DATA_FASHIONMNIST_H

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace dlc::rt {

/// Where Debian's dataset-fashion-mnist package installs the files.
inline constexpr const char *kDefaultFashionMNISTDir =
    "/usr/share/datasets/fashion-mnist";

/// Number of classes; every label must be below it.
inline constexpr int32_t kFashionMNISTClasses = 10;

enum class Split { Train, Test };

/// An in-memory image classification data set.
struct Dataset {
  int64_t size = 0;     // N
  int64_t channels = 0; // C (1 for Fashion-MNIST)
  int64_t height = 0;   // H (28)
  int64_t width = 0;    // W (28)
  std::vector<float> images;  // N x C x H x W, pixel / 255
  std::vector<int32_t> labels; // N, each in [0, kFashionMNISTClasses)
  std::string source;          // the images file, for error messages ("" if built in memory)

  /// Floats per example: C * H * W.
  int64_t exampleSize() const { return channels * height * width; }
};

/// Base names of a split's files, without ".gz": {images, labels}, e.g.
/// {"train-images-idx3-ubyte", "train-labels-idx1-ubyte"}.
std::pair<std::string, std::string> fashionMNISTFileNames(Split split);

/// Loads one split from `dir`, which holds train-images-idx3-ubyte.gz,
/// train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz and
/// t10k-labels-idx1-ubyte.gz (gzipped, or the same names without ".gz").
/// Throws DataError naming the file if one is missing or malformed, if a
/// label is >= 10, or if the image and label counts differ; naming the
/// directory if it does not exist, is not a directory or cannot be read.
/// Images may have any height and width: see checkExampleShape.
Dataset loadFashionMNIST(const std::string &dir = kDefaultFashionMNISTDir,
                         Split split = Split::Train);

/// Throws DataError naming the data set's file unless its examples have
/// exactly `shape` (C, H, W), e.g. 1 x 28 x 28 for a model built for
/// Fashion-MNIST: a 32 x 32 image does not fit a 28 x 28 input.
void checkExampleShape(const Dataset &dataset, const std::vector<int64_t> &shape);

/// Examples [first, first + count) of an MNIST-layout images file (gzipped
/// or plain), scaled like loadFashionMNIST, with their labels from
/// `labelsPath`, or no labels (an empty `labels`) when it is "". Throws
/// DataError naming the file if the range is outside it, it is malformed,
/// or a label is >= 10.
Dataset loadIdxRange(const std::string &imagesPath, const std::string &labelsPath,
                     int64_t first, int64_t count);

/// d2l's text labels of the ten Fashion-MNIST classes, by label:
/// t-shirt, trouser, pullover, dress, coat, sandal, shirt, sneaker, bag,
/// ankle boot.
const std::vector<std::string> &fashionMnistClassNames();

} // namespace dlc::rt

#endif // DLC_RUNTIME_DATA_FASHIONMNIST_H
