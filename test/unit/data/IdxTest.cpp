//===- IdxTest.cpp - readIdx on fixtures written here ---------------------===//

#include "runtime/data/Idx.h"

#include "runtime/data/DataError.h"
#include "test/unit/data/Fixtures.h"

#include <gmock/gmock.h>

using namespace dlc::rt;
using namespace dlc::test;
using ::testing::AllOf;
using ::testing::HasSubstr;

namespace {

/// Runs every case on a gzipped file and on a plain one.
class IdxTest : public TempDirTest, public ::testing::WithParamInterface<bool> {
protected:
  std::string write(const std::vector<uint8_t> &bytes) {
    std::filesystem::path p =
        dir / (GetParam() ? "file-idx3-ubyte.gz" : "file-idx3-ubyte");
    writeFile(p, bytes, GetParam());
    return p.string();
  }

  /// Expects readIdx to throw a DataError whose message names the file and
  /// contains every fragment.
  template <typename... M>
  void expectError(const std::string &path, uint32_t magic, M... matchers) {
    try {
      readIdx(path, magic);
      FAIL() << "expected DataError for " << path;
    } catch (const DataError &e) {
      EXPECT_THAT(e.what(), AllOf(HasSubstr(path), matchers...));
    }
  }
};

std::vector<uint8_t> ramp(size_t n) {
  std::vector<uint8_t> v(n);
  for (size_t i = 0; i < n; ++i)
    v[i] = uint8_t(i * 7 + 3);
  return v;
}

TEST_P(IdxTest, ReadsImages) {
  std::vector<uint8_t> pixels = ramp(2 * 3 * 4);
  std::string path =
      write(concat(idxHeader(kIdxImagesMagic, {2, 3, 4}), pixels));
  IdxArray a = readIdx(path, kIdxImagesMagic);
  EXPECT_EQ(a.dims, (std::vector<int64_t>{2, 3, 4}));
  EXPECT_EQ(a.data, pixels);
}

TEST_P(IdxTest, ReadsLabels) {
  std::vector<uint8_t> labels = {0, 9, 3, 3, 255};
  std::string path = write(concat(idxHeader(kIdxLabelsMagic, {5}), labels));
  IdxArray a = readIdx(path, kIdxLabelsMagic);
  EXPECT_EQ(a.dims, (std::vector<int64_t>{5}));
  EXPECT_EQ(a.data, labels);
}

TEST_P(IdxTest, LargeDimsFitInt64) {
  // 0x80000000 would be negative as int32.
  std::string path = write(idxHeader(kIdxLabelsMagic, {0x80000000u}));
  expectError(path, kIdxLabelsMagic, HasSubstr("expected 2147483648 bytes"),
              HasSubstr("found 0 bytes"));
}

TEST_P(IdxTest, BadMagic) {
  std::string path =
      write(concat(idxHeader(kIdxLabelsMagic, {4}), {1, 2, 3, 4}));
  expectError(path, kIdxImagesMagic, HasSubstr("bad magic"),
              HasSubstr("expected 0x00000803"), HasSubstr("found 0x00000801"));
}

TEST_P(IdxTest, BadTypeCode) {
  // 0x0d is float32 in IDX: not something we read.
  std::string path = write(concat(idxHeader(0x00000d01, {1}), {0, 0, 0, 0}));
  expectError(path, kIdxLabelsMagic, HasSubstr("bad magic"),
              HasSubstr("0x00000d01"));
}

TEST_P(IdxTest, TruncatedMagic) {
  std::string path = write({0, 0});
  expectError(path, kIdxImagesMagic, HasSubstr("truncated header"),
              HasSubstr("found 2 bytes"));
}

TEST_P(IdxTest, EmptyFile) {
  std::string path = write({});
  expectError(path, kIdxImagesMagic, HasSubstr("truncated header"),
              HasSubstr("found 0 bytes"));
}

TEST_P(IdxTest, TruncatedDims) {
  // Magic promises rank 3 but only two dims follow.
  std::vector<uint8_t> header = idxHeader(kIdxImagesMagic, {2, 3});
  std::string path = write(header);
  expectError(path, kIdxImagesMagic, HasSubstr("truncated header"),
              HasSubstr("expected 3 dimensions (12 bytes)"),
              HasSubstr("found 8 bytes"));
}

TEST_P(IdxTest, TruncatedPayload) {
  std::vector<uint8_t> pixels = ramp(2 * 3 * 4 - 5);
  std::string path =
      write(concat(idxHeader(kIdxImagesMagic, {2, 3, 4}), pixels));
  expectError(path, kIdxImagesMagic, HasSubstr("truncated payload"),
              HasSubstr("expected 24 bytes (header dims 2 x 3 x 4)"),
              HasSubstr("found 19 bytes"));
}

TEST_P(IdxTest, TrailingBytes) {
  std::vector<uint8_t> pixels = ramp(2 * 3 * 4 + 3);
  std::string path =
      write(concat(idxHeader(kIdxImagesMagic, {2, 3, 4}), pixels));
  expectError(path, kIdxImagesMagic, HasSubstr("3 trailing bytes"),
              HasSubstr("24 payload bytes"));
}

TEST_P(IdxTest, MissingFile) {
  std::string path = (dir / "nope.gz").string();
  expectError(path, kIdxImagesMagic, HasSubstr("cannot open"));
}

INSTANTIATE_TEST_SUITE_P(GzipAndPlain, IdxTest, ::testing::Bool(),
                         [](const ::testing::TestParamInfo<bool> &info) {
                           return info.param ? "gzip" : "plain";
                         });

/// A gzip stream cut short mid-payload: zlib reports it as an early end of
/// input, so the error is the usual expected-vs-found one.
class IdxGzipTest : public TempDirTest {};

TEST_F(IdxGzipTest, CutStream) {
  std::vector<uint8_t> payload(100000);
  for (size_t i = 0; i < payload.size(); ++i)
    payload[i] = uint8_t((i * 2654435761u) >> 13); // poorly compressible
  std::filesystem::path p = dir / "cut.gz";
  writeFile(p, concat(idxHeader(kIdxLabelsMagic, {100000}), payload), true);
  std::filesystem::resize_file(p, std::filesystem::file_size(p) / 2);
  try {
    readIdx(p.string(), kIdxLabelsMagic);
    FAIL() << "expected DataError";
  } catch (const DataError &e) {
    EXPECT_THAT(e.what(), HasSubstr(p.string()));
    EXPECT_THAT(e.what(), HasSubstr("expected 100000 bytes"));
  }
}

} // namespace
