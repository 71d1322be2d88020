//===- TextTestUtil.h - Helpers shared by the runtime/text tests -*- C++ -*-===//
#ifndef DLC_TEST_UNIT_TEXT_TEXTTESTUTIL_H
#define DLC_TEST_UNIT_TEXT_TEXTTESTUTIL_H

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace dlc::rt::text::testing {

/// Path of a checked-in fixture under test/unit/text/fixtures.
inline std::string fixture(std::string_view name) {
  return std::string(DLC_TEXT_FIXTURES) + "/" + std::string(name);
}

/// Path of a file in ../shared/data (beside the repository), or "" when the
/// copy is absent so the caller can GTEST_SKIP.
inline std::string sharedData(std::string_view name) {
  std::string path = std::string(DLC_SHARED_DATA) + "/" + std::string(name);
  return std::filesystem::exists(path) ? path : std::string();
}

/// Writes `content` byte for byte to a fresh file named `name` in a
/// directory private to the running test, and returns its path.
inline std::string writeTemp(std::string_view name, std::string_view content) {
  const auto *info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::filesystem::path dir = std::filesystem::path(::testing::TempDir()) / "dlc-text-tests" /
                              info->test_suite_name() / info->name();
  std::filesystem::create_directories(dir);
  std::filesystem::path path = dir / std::string(name);
  std::ofstream(path, std::ios::binary).write(content.data(),
                                              static_cast<std::streamsize>(content.size()));
  return path.string();
}

/// Runs `fn` and returns the message of the exception of type E it throws;
/// fails the test when it throws nothing.
template <typename E, typename Fn>
std::string errorOf(Fn &&fn) {
  try {
    fn();
  } catch (const E &e) {
    return e.what();
  }
  ADD_FAILURE() << "expected an exception";
  return {};
}

} // namespace dlc::rt::text::testing

#endif // DLC_TEST_UNIT_TEXT_TEXTTESTUTIL_H
