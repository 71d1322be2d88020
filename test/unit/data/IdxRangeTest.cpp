//===- IdxRangeTest.cpp - readIdxRange, loadIdxRange, class names ---------===//

#include "runtime/data/DataError.h"
#include "runtime/data/FashionMNIST.h"
#include "runtime/data/Idx.h"
#include "test/unit/data/Fixtures.h"

#include <gmock/gmock.h>

using namespace dlc::rt;
using namespace dlc::test;
using ::testing::HasSubstr;

namespace {

/// Five 2 x 3 images whose pixel j of image i is 10 i + j, and labels 4 3 2 1 0.
class IdxRangeTest : public TempDirTest, public ::testing::WithParamInterface<bool> {
protected:
  void SetUp() override {
    TempDirTest::SetUp();
    std::vector<uint8_t> pixels;
    for (int i = 0; i < 5; ++i)
      for (int j = 0; j < 6; ++j) pixels.push_back(uint8_t(10 * i + j));
    const char *gz = GetParam() ? ".gz" : "";
    images = (dir / (std::string("images") + gz)).string();
    labels = (dir / (std::string("labels") + gz)).string();
    writeFile(images, concat(idxHeader(kIdxImagesMagic, {5, 2, 3}), pixels), GetParam());
    writeFile(labels, concat(idxHeader(kIdxLabelsMagic, {5}), {4, 3, 2, 1, 0}), GetParam());
  }

  std::string error(const std::string &path, uint32_t magic, int64_t first, int64_t count) {
    try {
      readIdxRange(path, magic, first, count);
    } catch (const DataError &e) {
      return e.what();
    }
    return "";
  }

  std::string images, labels;
};

TEST_P(IdxRangeTest, ReadsTheRange) {
  IdxArray a = readIdxRange(images, kIdxImagesMagic, 1, 3);
  EXPECT_EQ(a.dims, (std::vector<int64_t>{3, 2, 3}));
  ASSERT_EQ(a.data.size(), 18u);
  EXPECT_EQ(a.data[0], 10);
  EXPECT_EQ(a.data[17], 35);
  EXPECT_EQ(readIdxRange(images, kIdxImagesMagic, 5, 0).data.size(), 0u);
  EXPECT_EQ(readIdxRange(labels, kIdxLabelsMagic, 4, 1).data, (std::vector<uint8_t>{0}));
}

TEST_P(IdxRangeTest, LoadsScaledImagesWithOrWithoutLabels) {
  Dataset ds = loadIdxRange(images, labels, 3, 2);
  EXPECT_EQ(ds.size, 2);
  EXPECT_EQ(ds.height, 2);
  EXPECT_EQ(ds.width, 3);
  EXPECT_FLOAT_EQ(ds.images[0], 30 / 255.0f);
  EXPECT_FLOAT_EQ(ds.images[11], 45 / 255.0f);
  EXPECT_EQ(ds.labels, (std::vector<int32_t>{1, 0}));
  Dataset unlabelled = loadIdxRange(images, "", 0, 1);
  EXPECT_TRUE(unlabelled.labels.empty());
  EXPECT_EQ(unlabelled.images.size(), 6u);
}

TEST_P(IdxRangeTest, OutOfRangeAndTruncation) {
  EXPECT_THAT(error(images, kIdxImagesMagic, 4, 2),
              HasSubstr("examples 4 to 5 requested, but the file holds 5 (indices 0 to 4)"));
  EXPECT_THAT(error(images, kIdxImagesMagic, -1, 1), HasSubstr("requested"));
  EXPECT_THAT(error(images, kIdxLabelsMagic, 0, 1), HasSubstr("bad magic number"));
  // Header promises 5 images; the payload stops inside the fourth.
  std::vector<uint8_t> shortPayload(20, 1);
  writeFile(images, concat(idxHeader(kIdxImagesMagic, {5, 2, 3}), shortPayload), GetParam());
  EXPECT_EQ(error(images, kIdxImagesMagic, 0, 3), ""); // bytes 0..17 are there
  EXPECT_THAT(error(images, kIdxImagesMagic, 3, 1),
              HasSubstr("truncated payload: examples 3 to 3 need bytes 18 to 24"));
  EXPECT_THAT(error(images, kIdxImagesMagic, 4, 1), HasSubstr(images));
  // A label out of range names the file and the example.
  writeFile(labels, concat(idxHeader(kIdxLabelsMagic, {5}), {0, 0, 12, 0, 0}), GetParam());
  try {
    loadIdxRange(images, labels, 2, 1);
    FAIL();
  } catch (const DataError &e) {
    EXPECT_THAT(e.what(), HasSubstr("label 12 of example 2 is out of range"));
  }
}

INSTANTIATE_TEST_SUITE_P(GzipAndPlain, IdxRangeTest, ::testing::Bool());

TEST(FashionMnistClassNames, AreD2lsTextLabels) {
  const std::vector<std::string> &names = fashionMnistClassNames();
  ASSERT_EQ(names.size(), size_t(kFashionMNISTClasses));
  EXPECT_EQ(names[0], "t-shirt");
  EXPECT_EQ(names[5], "sandal");
  EXPECT_EQ(names[9], "ankle boot");
}

} // namespace
