//===- Utf8Test.cpp - UTF-8 validation, lower-casing, code points ---------===//

#include "runtime/text/Utf8.h"

#include "runtime/data/DataError.h"
#include "runtime/text/TextFile.h"
#include "test/unit/text/TextTestUtil.h"

#include <gtest/gtest.h>

namespace dlc::rt::text {
namespace {

using testing::errorOf;
using testing::writeTemp;

TEST(Utf8, AcceptsValidText) {
  EXPECT_EQ(findInvalidUtf8("plain ascii"), std::string_view::npos);
  EXPECT_EQ(findInvalidUtf8("J'ai gagn\xC3\xA9 \xE2\x80\xAF!"), std::string_view::npos);
  EXPECT_EQ(findInvalidUtf8("\xF0\x9F\x98\x80"), std::string_view::npos); // U+1F600
}

TEST(Utf8, RejectsMalformedSequences) {
  EXPECT_EQ(findInvalidUtf8("ab\xFF"), 2u);           // never valid
  EXPECT_EQ(findInvalidUtf8("a\x80"), 1u);            // lone continuation
  EXPECT_EQ(findInvalidUtf8("\xC0\xAF"), 0u);         // overlong '/'
  EXPECT_EQ(findInvalidUtf8("\xE0\x80\xAF"), 0u);     // overlong 3-byte
  EXPECT_EQ(findInvalidUtf8("\xED\xA0\x80"), 0u);     // surrogate U+D800
  EXPECT_EQ(findInvalidUtf8("\xF4\x90\x80\x80"), 0u); // above U+10FFFF
  EXPECT_EQ(findInvalidUtf8("gagn\xC3"), 4u);         // truncated at the end
  EXPECT_EQ(findInvalidUtf8("gagn\xC3z"), 4u);        // bad continuation
}

TEST(Utf8, CheckNamesFileLineAndColumn) {
  std::string msg = errorOf<DataError>([] { checkUtf8("ok\nfine\nab\xE9z\n", "fra.txt"); });
  EXPECT_EQ(msg, "fra.txt:3: invalid UTF-8 byte 0xE9 at column 3");
}

TEST(Utf8, LowerMatchesPythonForLatinCapitals) {
  EXPECT_EQ(lowerUtf8("Go. I WON!"), "go. i won!");
  // Values from Python: "ÀÉÎÕÜÇŒŸ ×".lower()
  EXPECT_EQ(lowerUtf8("\xC3\x80\xC3\x89\xC3\x8E\xC3\x95\xC3\x9C\xC3\x87\xC5\x92\xC5\xB8 \xC3\x97"),
            "\xC3\xA0\xC3\xA9\xC3\xAE\xC3\xB5\xC3\xBC\xC3\xA7\xC5\x93\xC3\xBF \xC3\x97");
  EXPECT_EQ(lowerUtf8("\xC3\x9F"), "\xC3\x9F");          // ß has no capital here
  EXPECT_EQ(lowerUtf8("\xC4\xB0"), "i\xCC\x87");         // İ -> i + U+0307
  EXPECT_EQ(lowerUtf8("\xC5\x81\xC5\xBD"), "\xC5\x82\xC5\xBE"); // ŁŽ -> łž
  EXPECT_EQ(lowerUtf8("\xCE\xA9"), "\xCE\xA9"); // Greek is outside the handled range
}

TEST(Utf8, SplitsCodePoints) {
  auto cps = splitCodePoints("a\xC3\xA9 \xE2\x80\xAF\xF0\x9F\x98\x80");
  ASSERT_EQ(cps.size(), 5u);
  EXPECT_EQ(cps[1], "\xC3\xA9");
  EXPECT_EQ(cps[2], " ");
  EXPECT_EQ(cps[3], "\xE2\x80\xAF");
  EXPECT_EQ(cps[4], "\xF0\x9F\x98\x80");
}

TEST(TextFile, SplitLinesDropsFinalNewlineAndCarriageReturns) {
  auto lines = splitLines("a\r\nb\n\nc\n");
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0], "a");
  EXPECT_EQ(lines[2], "");
  EXPECT_EQ(lines[3], "c");
  EXPECT_EQ(splitLines("x").size(), 1u);
}

TEST(TextFile, ErrorsNameTheFile) {
  EXPECT_EQ(errorOf<DataError>([] { readTextFile("/nonexistent/book.txt"); }),
            "/nonexistent/book.txt: cannot open file: No such file or directory");
  std::string empty = writeTemp("empty.txt", "");
  EXPECT_EQ(errorOf<DataError>([&] { readTextFile(empty); }), empty + ": file is empty");
  std::string dir = std::filesystem::path(empty).parent_path().string();
  EXPECT_NE(errorOf<DataError>([&] { readTextFile(dir); }).find(": cannot read file"),
            std::string::npos);
  std::string latin1 = writeTemp("latin1.txt", "ok\ncaf\xE9\n");
  EXPECT_EQ(errorOf<DataError>([&] { readTextFile(latin1); }),
            latin1 + ":2: invalid UTF-8 byte 0xE9 at column 4");
}

} // namespace
} // namespace dlc::rt::text
