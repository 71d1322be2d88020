//===- FashionMNIST.cpp - Fashion-MNIST loader ----------------------------===//

#include "runtime/data/FashionMNIST.h"

#include "runtime/data/DataError.h"
#include "runtime/data/Idx.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

#include <unistd.h>

namespace dlc::rt {
namespace {

namespace fs = std::filesystem;

/// "a FIFO", "a directory", ... for messages about the wrong kind of file.
const char *describeType(fs::file_type type) {
  switch (type) {
  case fs::file_type::regular: return "a regular file";
  case fs::file_type::directory: return "a directory";
  case fs::file_type::fifo: return "a FIFO";
  case fs::file_type::socket: return "a socket";
  case fs::file_type::block: return "a block device";
  case fs::file_type::character: return "a character device";
  default: return "not a regular file";
  }
}

const char *kHowToGetData =
    "install Debian's dataset-fashion-mnist (apt-get install "
    "dataset-fashion-mnist) or pass --data DIR containing "
    "train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, "
    "t10k-images-idx3-ubyte.gz and t10k-labels-idx1-ubyte.gz (or the same "
    "names without .gz)";

/// Finds `dir/base.gz` or `dir/base`; throws a DataError that gives the real
/// cause (no such directory, not a directory, permission denied, not a
/// regular file) and says how to get the data.
std::string resolve(const std::string &dir, const std::string &base) {
  std::error_code ec;
  fs::file_status dirStatus = fs::status(dir, ec);
  if (!fs::exists(dirStatus))
    throw DataError(fmt::format("Fashion-MNIST directory {} does not exist: {}", dir,
                                kHowToGetData));
  if (!fs::is_directory(dirStatus))
    throw DataError(fmt::format("Fashion-MNIST directory {} is not a directory ({}): {}", dir,
                                describeType(dirStatus.type()), kHowToGetData));
  // Searching needs execute permission, listing read permission; a file
  // that is there but cannot be found would otherwise look missing.
  if (::access(dir.c_str(), R_OK | X_OK) != 0)
    throw DataError(fmt::format("Fashion-MNIST directory {} cannot be read: {}", dir,
                                std::strerror(errno)));
  for (const std::string &name : {base + ".gz", base}) {
    fs::path p = fs::path(dir) / name;
    fs::file_status st = fs::status(p, ec);
    if (fs::is_regular_file(st)) return p.string();
    if (fs::exists(st))
      throw DataError(fmt::format("{}: not a regular file ({})", p.string(),
                                  describeType(st.type())));
  }
  throw DataError(fmt::format("{}: Fashion-MNIST file missing (also looked for "
                              "{} without .gz): {}",
                              (fs::path(dir) / (base + ".gz")).string(), base,
                              kHowToGetData));
}

/// pixel / 255 for every byte value, so conversion is a table lookup.
const std::array<float, 256> &pixelTable() {
  static const std::array<float, 256> table = [] {
    std::array<float, 256> t{};
    for (int i = 0; i < 256; ++i)
      t[i] = float(i) / 255.0f;
    return t;
  }();
  return table;
}

} // namespace

std::pair<std::string, std::string> fashionMNISTFileNames(Split split) {
  const char *prefix = split == Split::Train ? "train" : "t10k";
  return {fmt::format("{}-images-idx3-ubyte", prefix),
          fmt::format("{}-labels-idx1-ubyte", prefix)};
}

Dataset loadFashionMNIST(const std::string &dir, Split split) {
  auto [imagesBase, labelsBase] = fashionMNISTFileNames(split);
  std::string imagesPath = resolve(dir, imagesBase);
  std::string labelsPath = resolve(dir, labelsBase);

  IdxArray images = readIdx(imagesPath, kIdxImagesMagic);
  // images.dims = {N, H, W}
  if (images.dims[0] == 0 || images.dims[1] == 0 || images.dims[2] == 0)
    throw DataError(fmt::format("{}: empty image set: header dims {} x {} x {}",
                                imagesPath, images.dims[0], images.dims[1],
                                images.dims[2]));
  IdxArray labels = readIdx(labelsPath, kIdxLabelsMagic);
  if (labels.dims[0] != images.dims[0])
    throw DataError(fmt::format("{}: {} labels, but {} has {} images",
                                labelsPath, labels.dims[0], imagesPath,
                                images.dims[0]));

  Dataset ds;
  ds.size = images.dims[0];
  ds.channels = 1;
  ds.height = images.dims[1];
  ds.width = images.dims[2];
  ds.source = imagesPath;

  ds.labels.resize(size_t(ds.size));
  for (int64_t i = 0; i < ds.size; ++i) {
    uint8_t label = labels.data[size_t(i)];
    if (label >= kFashionMNISTClasses)
      throw DataError(fmt::format("{}: label {} of example {} is out of range: "
                                  "expected a class in [0, {})",
                                  labelsPath, int(label), i,
                                  kFashionMNISTClasses));
    ds.labels[size_t(i)] = label;
  }

  const std::array<float, 256> &table = pixelTable();
  ds.images.resize(images.data.size());
  for (size_t i = 0; i < images.data.size(); ++i)
    ds.images[i] = table[images.data[i]];
  return ds;
}

void checkExampleShape(const Dataset &dataset, const std::vector<int64_t> &shape) {
  std::vector<int64_t> have{dataset.channels, dataset.height, dataset.width};
  if (have == shape) return;
  throw DataError(fmt::format("{}: examples are {}, but the model expects {}",
                              dataset.source.empty() ? "data set" : dataset.source,
                              fmt::join(have, " x "), fmt::join(shape, " x ")));
}

Dataset loadIdxRange(const std::string &imagesPath, const std::string &labelsPath,
                     int64_t first, int64_t count) {
  IdxArray images = readIdxRange(imagesPath, kIdxImagesMagic, first, count);
  Dataset ds;
  ds.size = count;
  ds.channels = 1;
  ds.height = images.dims[1];
  ds.width = images.dims[2];
  ds.source = imagesPath;
  const std::array<float, 256> &table = pixelTable();
  ds.images.resize(images.data.size());
  for (size_t i = 0; i < images.data.size(); ++i) ds.images[i] = table[images.data[i]];
  if (labelsPath.empty()) return ds;
  IdxArray labels = readIdxRange(labelsPath, kIdxLabelsMagic, first, count);
  ds.labels.resize(size_t(count));
  for (int64_t i = 0; i < count; ++i) {
    uint8_t label = labels.data[size_t(i)];
    if (label >= kFashionMNISTClasses)
      throw DataError(fmt::format("{}: label {} of example {} is out of range: expected a class "
                                  "in [0, {})",
                                  labelsPath, int(label), first + i, kFashionMNISTClasses));
    ds.labels[size_t(i)] = label;
  }
  return ds;
}

const std::vector<std::string> &fashionMnistClassNames() {
  static const std::vector<std::string> names{"t-shirt", "trouser", "pullover", "dress",
                                              "coat",    "sandal",  "shirt",    "sneaker",
                                              "bag",     "ankle boot"};
  return names;
}

} // namespace dlc::rt
