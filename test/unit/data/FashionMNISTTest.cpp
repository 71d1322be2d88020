//===- FashionMNISTTest.cpp - loadFashionMNIST on fixtures and real data --===//

#include "runtime/data/FashionMNIST.h"

#include "runtime/data/DataError.h"
#include "runtime/data/Idx.h"
#include "test/unit/data/Fixtures.h"

#include <gmock/gmock.h>

#include <array>

#include <sys/stat.h>
#include <unistd.h>

using namespace dlc::rt;
using namespace dlc::test;
using ::testing::HasSubstr;

namespace {

constexpr uint32_t kN = 5, kH = 3, kW = 4;

/// Pixel (n, y, x) of the fixture images: distinct, covering 0 and 255.
uint8_t pixel(uint32_t n, uint32_t y, uint32_t x) {
  uint32_t i = (n * kH + y) * kW + x;
  return i == 0 ? 255 : uint8_t(i * 13 % 256);
}

std::vector<uint8_t> fixtureImages(uint32_t n) {
  std::vector<uint8_t> bytes = idxHeader(kIdxImagesMagic, {n, kH, kW});
  for (uint32_t i = 0; i < n; ++i)
    for (uint32_t y = 0; y < kH; ++y)
      for (uint32_t x = 0; x < kW; ++x)
        bytes.push_back(pixel(i, y, x));
  return bytes;
}

std::vector<uint8_t> fixtureLabels(const std::vector<uint8_t> &labels) {
  return concat(idxHeader(kIdxLabelsMagic, {uint32_t(labels.size())}), labels);
}

const std::vector<uint8_t> kLabels = {9, 0, 3, 7, 1};

class FashionMNISTTest : public TempDirTest {
protected:
  /// Writes both splits; train and test get different labels so a mix-up
  /// shows.
  void writeSplits(bool gzip) {
    std::string ext = gzip ? ".gz" : "";
    writeFile(dir / ("train-images-idx3-ubyte" + ext), fixtureImages(kN), gzip);
    writeFile(dir / ("train-labels-idx1-ubyte" + ext), fixtureLabels(kLabels),
              gzip);
    writeFile(dir / ("t10k-images-idx3-ubyte" + ext), fixtureImages(2), gzip);
    writeFile(dir / ("t10k-labels-idx1-ubyte" + ext), fixtureLabels({4, 2}),
              gzip);
  }

  void checkTrain(const Dataset &ds) {
    EXPECT_EQ(ds.size, kN);
    EXPECT_EQ(ds.channels, 1);
    EXPECT_EQ(ds.height, kH);
    EXPECT_EQ(ds.width, kW);
    ASSERT_EQ(ds.images.size(), size_t(kN * kH * kW));
    for (uint32_t n = 0; n < kN; ++n)
      for (uint32_t y = 0; y < kH; ++y)
        for (uint32_t x = 0; x < kW; ++x)
          EXPECT_EQ(ds.images[(n * kH + y) * kW + x], pixel(n, y, x) / 255.0f)
              << n << "," << y << "," << x;
    EXPECT_EQ(ds.images[0], 1.0f);
    EXPECT_EQ(ds.labels, std::vector<int32_t>(kLabels.begin(), kLabels.end()));
  }

  /// Expects loading the train split from `from` to throw a DataError
  /// containing each fragment.
  void expectError(const std::string &from, const std::vector<std::string> &fragments) {
    try {
      loadFashionMNIST(from, Split::Train);
      FAIL() << "expected DataError";
    } catch (const DataError &e) {
      for (const std::string &f : fragments)
        EXPECT_THAT(e.what(), HasSubstr(f));
    }
  }

  /// Expects loading the train split to throw a DataError containing each
  /// fragment.
  void expectTrainError(const std::vector<std::string> &fragments) {
    try {
      loadFashionMNIST(dir.string(), Split::Train);
      FAIL() << "expected DataError";
    } catch (const DataError &e) {
      for (const std::string &f : fragments)
        EXPECT_THAT(e.what(), HasSubstr(f));
    }
  }
};

TEST_F(FashionMNISTTest, LoadsGzipped) {
  writeSplits(/*gzip=*/true);
  checkTrain(loadFashionMNIST(dir.string(), Split::Train));
  Dataset test = loadFashionMNIST(dir.string(), Split::Test);
  EXPECT_EQ(test.size, 2);
  EXPECT_EQ(test.labels, (std::vector<int32_t>{4, 2}));
}

TEST_F(FashionMNISTTest, LoadsPlain) {
  writeSplits(/*gzip=*/false);
  checkTrain(loadFashionMNIST(dir.string(), Split::Train));
}

TEST_F(FashionMNISTTest, LabelCountMismatch) {
  writeSplits(true);
  writeFile(dir / "train-labels-idx1-ubyte.gz", fixtureLabels({1, 2, 3}), true);
  expectTrainError({"train-labels-idx1-ubyte.gz", "3 labels",
                    "train-images-idx3-ubyte.gz has 5 images"});
}

TEST_F(FashionMNISTTest, LabelOutOfRange) {
  writeSplits(true);
  writeFile(dir / "train-labels-idx1-ubyte.gz", fixtureLabels({1, 2, 10, 3, 4}),
            true);
  expectTrainError({"train-labels-idx1-ubyte.gz", "label 10 of example 2",
                    "[0, 10)"});
}

TEST_F(FashionMNISTTest, TruncatedImages) {
  writeSplits(true);
  std::vector<uint8_t> images = fixtureImages(kN);
  images.resize(images.size() - 7);
  writeFile(dir / "train-images-idx3-ubyte.gz", images, true);
  expectTrainError({"train-images-idx3-ubyte.gz", "truncated payload",
                    "expected 60 bytes", "found 53 bytes"});
}

TEST_F(FashionMNISTTest, TrailingBytesInLabels) {
  writeSplits(true);
  std::vector<uint8_t> labels = fixtureLabels(kLabels);
  labels.push_back(0);
  writeFile(dir / "train-labels-idx1-ubyte.gz", labels, true);
  expectTrainError({"train-labels-idx1-ubyte.gz", "1 trailing bytes"});
}

TEST_F(FashionMNISTTest, ImagesAndLabelsSwapped) {
  writeSplits(true);
  writeFile(dir / "train-images-idx3-ubyte.gz", fixtureLabels(kLabels), true);
  expectTrainError({"train-images-idx3-ubyte.gz", "bad magic"});
}

TEST_F(FashionMNISTTest, MissingDirectory) {
  std::string missing = (dir / "no-such-dir").string();
  try {
    loadFashionMNIST(missing, Split::Train);
    FAIL() << "expected DataError";
  } catch (const DataError &e) {
    EXPECT_THAT(e.what(), HasSubstr(missing));
    EXPECT_THAT(e.what(), HasSubstr("apt-get install dataset-fashion-mnist"));
    EXPECT_THAT(e.what(), HasSubstr("--data DIR"));
    EXPECT_THAT(e.what(), HasSubstr("train-images-idx3-ubyte.gz"));
  }
}

TEST_F(FashionMNISTTest, MissingFile) {
  writeSplits(true);
  std::filesystem::remove(dir / "t10k-labels-idx1-ubyte.gz");
  EXPECT_NO_THROW(loadFashionMNIST(dir.string(), Split::Train));
  try {
    loadFashionMNIST(dir.string(), Split::Test);
    FAIL() << "expected DataError";
  } catch (const DataError &e) {
    EXPECT_THAT(e.what(), HasSubstr("t10k-labels-idx1-ubyte.gz"));
    EXPECT_THAT(e.what(), HasSubstr("dataset-fashion-mnist"));
  }
}

/// The real files from Debian's dataset-fashion-mnist, when installed.
// Regression: --data naming a file, a FIFO or an unreadable directory said
// "does not exist". Each now gets its real cause.
TEST_F(FashionMNISTTest, DataPathIsAFile) {
  writeSplits(true);
  std::string file = (dir / "train-images-idx3-ubyte.gz").string();
  try {
    loadFashionMNIST(file, Split::Train);
    FAIL() << "expected DataError";
  } catch (const DataError &e) {
    EXPECT_THAT(e.what(), HasSubstr(file + " is not a directory (a regular file)"));
    EXPECT_THAT(e.what(), ::testing::Not(HasSubstr("does not exist")));
  }
}

TEST_F(FashionMNISTTest, DataPathIsAFifo) {
  std::string fifo = (dir / "fifo").string();
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  expectError(fifo, {fifo + " is not a directory (a FIFO)"});
}

TEST_F(FashionMNISTTest, UnreadableDirectory) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads every directory";
  writeSplits(true);
  std::filesystem::permissions(dir, std::filesystem::perms::owner_write);
  expectError(dir.string(), {dir.string() + " cannot be read: Permission denied"});
  std::filesystem::permissions(dir, std::filesystem::perms::owner_all);
}

TEST_F(FashionMNISTTest, DataFileIsAFifoOrDirectory) {
  writeSplits(true);
  std::filesystem::remove(dir / "train-images-idx3-ubyte.gz");
  std::string fifo = (dir / "train-images-idx3-ubyte.gz").string();
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  expectTrainError({fifo + ": not a regular file (a FIFO)"});
  std::filesystem::remove(fifo);
  std::filesystem::create_directory(fifo);
  expectTrainError({fifo + ": not a regular file (a directory)"});
}

// Regression: images of another size than the model's input overflowed the
// batch buffer (32 x 32), aborted in malloc (28 x 29) or trained on garbage
// (8 x 8). The loader accepts any size; checkExampleShape says it does not fit.
TEST_F(FashionMNISTTest, ExampleShapeMustMatchTheModel) {
  writeSplits(true);
  Dataset ds = loadFashionMNIST(dir.string(), Split::Train);
  EXPECT_EQ(ds.source, (dir / "train-images-idx3-ubyte.gz").string());
  EXPECT_NO_THROW(checkExampleShape(ds, {1, kH, kW}));
  try {
    checkExampleShape(ds, {1, 28, 28});
    FAIL() << "expected DataError";
  } catch (const DataError &e) {
    EXPECT_EQ(std::string(e.what()),
              ds.source + ": examples are 1 x 3 x 4, but the model expects 1 x 28 x 28");
  }
}

TEST(FashionMNISTRealData, DebianPackage) {
  if (!std::filesystem::is_directory(kDefaultFashionMNISTDir))
    GTEST_SKIP() << kDefaultFashionMNISTDir << " not installed";
  Dataset train = loadFashionMNIST(kDefaultFashionMNISTDir, Split::Train);
  Dataset test = loadFashionMNIST(kDefaultFashionMNISTDir, Split::Test);
  EXPECT_EQ(train.size, 60000);
  EXPECT_EQ(test.size, 10000);
  for (const Dataset *ds : {&train, &test}) {
    EXPECT_EQ(ds->channels, 1);
    EXPECT_EQ(ds->height, 28);
    EXPECT_EQ(ds->width, 28);
    EXPECT_EQ(ds->images.size(), size_t(ds->size * 28 * 28));
    EXPECT_EQ(ds->labels.size(), size_t(ds->size));
  }
  std::array<int64_t, 10> trainHist{}, testHist{};
  for (int32_t l : train.labels)
    ++trainHist[size_t(l)];
  for (int32_t l : test.labels)
    ++testHist[size_t(l)];
  for (int c = 0; c < 10; ++c) {
    EXPECT_EQ(trainHist[size_t(c)], 6000) << "class " << c;
    EXPECT_EQ(testHist[size_t(c)], 1000) << "class " << c;
  }
  float lo = 1, hi = 0;
  for (float v : train.images) {
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
  EXPECT_EQ(lo, 0.0f);
  EXPECT_EQ(hi, 1.0f);
}

} // namespace
