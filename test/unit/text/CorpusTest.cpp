//===- CorpusTest.cpp - Cleaning and tokenizing books ---------------------===//

#include "runtime/text/Corpus.h"

#include "runtime/data/DataError.h"
#include "test/unit/text/TextTestUtil.h"

#include <gtest/gtest.h>

#include <set>

namespace dlc::rt::text {
namespace {

using testing::errorOf;
using testing::fixture;
using testing::sharedData;
using testing::writeTemp;

using Tokens = std::vector<std::string>;

TEST(Corpus, CleanReplacesRunsOfNonLettersAndLowers) {
  // re.sub('[^A-Za-z]+', ' ', s).lower()
  EXPECT_EQ(cleanText("The Time Machine, by H. G. Wells [1898]\n"),
            "the time machine by h g wells ");
  EXPECT_EQ(cleanText("  --Hello,\tWORLD!! 42"), " hello world ");
  EXPECT_EQ(cleanText("  --Hello,\tWORLD!! 42", /*strip=*/true), "hello world");
  // Accented letters are not in [A-Za-z]: a two-byte é is one non-letter run.
  EXPECT_EQ(cleanText("Caf\xC3\xA9 au lait"), "caf au lait");
  EXPECT_EQ(cleanText("1234", true), "");
}

TEST(Corpus, CharTokensAreCodePointsIncludingSpaces) {
  EXPECT_EQ(tokenizeChars("ab c"), (Tokens{"a", "b", " ", "c"}));
  EXPECT_EQ(tokenizeChars("\xC3\xA9t\xC3\xA9"), (Tokens{"\xC3\xA9", "t", "\xC3\xA9"}));
  EXPECT_TRUE(tokenizeChars("").empty());
}

TEST(Corpus, WordTokensSplitOnWhitespaceRuns) {
  EXPECT_EQ(tokenizeWords("  the time\t\tmachine \n"), (Tokens{"the", "time", "machine"}));
  EXPECT_TRUE(tokenizeWords(" \n ").empty());
}

TEST(Corpus, WholeTextModeKeepsLineBreaksAsSpaces) {
  // Hand-cleaned text of the fixture; the trailing newline leaves a final space.
  const std::string expected = "the time machine by h g wells i the time traveller for so it "
                               "will be convenient to speak of him was expounding ";
  Tokens chars = loadBookTokens(fixture("tiny_book.txt"));
  EXPECT_EQ(chars, tokenizeChars(expected));
  Tokens words = loadBookTokens(fixture("tiny_book.txt"), CorpusOptions().tokens(TokenKind::Word));
  EXPECT_EQ(words, tokenizeWords(expected));
  EXPECT_EQ(words.size(), 23u);
}

TEST(Corpus, PerLineModeStripsAndJoinsLinesWithoutSeparator) {
  // d2l 0.17: lines are stripped and then concatenated ("wellsithe").
  const std::string expected = "the time machine by h g wellsithe time traveller for so it "
                               "will beconvenient to speak of him was expounding";
  Tokens chars =
      loadBookTokens(fixture("tiny_book.txt"), CorpusOptions().mode(CleanMode::PerLine));
  EXPECT_EQ(chars, tokenizeChars(expected));
  // Universal newlines: CR, LF and CRLF all end a line.
  std::string path = writeTemp("crlf.txt", "ab\r\ncd\ref\n");
  EXPECT_EQ(loadBookTokens(path, CorpusOptions().mode(CleanMode::PerLine)),
            (Tokens{"a", "b", "c", "d", "e", "f"}));
}

TEST(Corpus, LoadTimeMachineBuildsFrequencyVocab) {
  LMCorpus tm = loadTimeMachine(fixture("tiny_book.txt"), CorpusOptions().tokens(TokenKind::Word));
  // "the" and "time" appear twice, everything else once in first-appearance order.
  ASSERT_GE(tm.vocab.size(), 5u);
  EXPECT_EQ(tm.vocab.size(), 22u); // <unk> + 21 distinct words
  EXPECT_EQ(tm.vocab.token(0), "<unk>");
  EXPECT_EQ(tm.vocab.token(1), "the");
  EXPECT_EQ(tm.vocab.token(2), "time");
  EXPECT_EQ(tm.vocab.token(3), "machine");
  EXPECT_EQ(tm.vocab.token(4), "by");
  ASSERT_EQ(tm.corpus.size(), 23u);
  EXPECT_EQ((std::vector<int64_t>(tm.corpus.begin(), tm.corpus.begin() + 5)),
            (std::vector<int64_t>{1, 2, 3, 4, 5}));
}

TEST(Corpus, MalformedFilesNameFileAndLine) {
  std::string empty = writeTemp("empty.txt", "");
  EXPECT_EQ(errorOf<DataError>([&] { loadTimeMachine(empty); }), empty + ": file is empty");
  std::string bad = writeTemp("bad.txt", "line one\nline \xFF two\n");
  EXPECT_EQ(errorOf<DataError>([&] { loadTimeMachine(bad); }),
            bad + ":2: invalid UTF-8 byte 0xFF at column 6");
}

// The book's own numbers (d2l 1.0 section 9.2 and d2l 0.17 section 8.2), on
// the copy in ../shared/data when it is there.
TEST(Corpus, SharedTimeMachineMatchesTheBook) {
  std::string path = sharedData("timemachine/timemachine.txt");
  if (path.empty()) GTEST_SKIP() << "../shared/data/timemachine/timemachine.txt not present";
  LMCorpus whole = loadTimeMachine(path);
  EXPECT_EQ(whole.corpus.size(), 173428u);
  EXPECT_EQ(whole.vocab.size(), 28u);
  EXPECT_EQ(whole.vocab.token(1), " ");
  EXPECT_EQ(whole.vocab.token(2), "e");
  LMCorpus perLine = loadTimeMachine(path, CorpusOptions().mode(CleanMode::PerLine));
  EXPECT_EQ(perLine.corpus.size(), 170580u);
  EXPECT_EQ(perLine.vocab.size(), 28u);
  LMCorpus words = loadTimeMachine(path, CorpusOptions().tokens(TokenKind::Word));
  EXPECT_EQ(words.corpus.size(), 32775u);
  EXPECT_EQ(words.vocab.size(), 4580u);
  // d2l 0.17 prints vocab.token_freqs[:3] for words: the, i, and.
  EXPECT_EQ(words.vocab.token(1), "the");
  EXPECT_EQ(words.vocab.token(2), "i");
  EXPECT_EQ(words.vocab.token(3), "and");
  // d2l 1.0's lexicographic order: ' ' sorts before '<unk>'; 't' is index 21.
  LMCorpus lex = loadTimeMachine(
      path, CorpusOptions().vocab(VocabOptions().order(VocabOrder::Lexicographic)));
  EXPECT_EQ(lex.vocab.token(0), " ");
  EXPECT_EQ(lex.vocab.unk(), 1);
  EXPECT_EQ((std::vector<int64_t>(lex.corpus.begin(), lex.corpus.begin() + 10)),
            (std::vector<int64_t>{21, 9, 6, 0, 21, 10, 14, 6, 0, 14}));
}

} // namespace
} // namespace dlc::rt::text
