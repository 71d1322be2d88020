//===- Fixtures.h - IDX files written by the tests themselves --*- C++ -*-===//
#ifndef DLC_TEST_UNIT_DATA_FIXTURES_H
#define DLC_TEST_UNIT_DATA_FIXTURES_H

#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

namespace dlc::test {

/// Big-endian IDX header: 0x00 0x00 0x08 <rank>, then the dims.
inline std::vector<uint8_t> idxHeader(uint32_t magic,
                                      const std::vector<uint32_t> &dims) {
  std::vector<uint8_t> out;
  auto put = [&](uint32_t v) {
    for (int s = 24; s >= 0; s -= 8)
      out.push_back(uint8_t(v >> s));
  };
  put(magic);
  for (uint32_t d : dims)
    put(d);
  return out;
}

inline std::vector<uint8_t> concat(std::vector<uint8_t> a,
                                   const std::vector<uint8_t> &b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

/// Writes `bytes` to `path`, gzipped with zlib if `gzip`.
inline void writeFile(const std::filesystem::path &path,
                      const std::vector<uint8_t> &bytes, bool gzip) {
  if (gzip) {
    gzFile f = gzopen(path.c_str(), "wb");
    ASSERT_NE(f, nullptr) << path;
    if (!bytes.empty())
      ASSERT_EQ(gzwrite(f, bytes.data(), unsigned(bytes.size())),
                int(bytes.size()));
    ASSERT_EQ(gzclose(f), Z_OK);
  } else {
    std::FILE *f = std::fopen(path.c_str(), "wb");
    ASSERT_NE(f, nullptr) << path;
    ASSERT_EQ(std::fwrite(bytes.data(), 1, bytes.size(), f), bytes.size());
    ASSERT_EQ(std::fclose(f), 0);
  }
}

/// A fresh directory per test, removed afterwards.
class TempDirTest : public ::testing::Test {
protected:
  void SetUp() override {
    const ::testing::TestInfo *info =
        ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = std::string("dlc-data-") + info->test_suite_name() +
                       "-" + info->name() + "-" + std::to_string(::getpid());
    std::replace(name.begin(), name.end(), '/', '_');
    dir = std::filesystem::temp_directory_path() / name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
  }
  void TearDown() override { std::filesystem::remove_all(dir); }

  std::filesystem::path dir;
};

} // namespace dlc::test

#endif // DLC_TEST_UNIT_DATA_FIXTURES_H
