//===- VocabTest.cpp - Vocabulary order, indices, save/load ---------------===//

#include "runtime/text/Vocab.h"

#include "runtime/data/DataError.h"
#include "test/unit/text/TextTestUtil.h"

#include <gtest/gtest.h>

namespace dlc::rt::text {
namespace {

using testing::errorOf;
using testing::writeTemp;

using Tokens = std::vector<std::string>;

TEST(Vocab, FrequencyOrderBreaksTiesByFirstAppearance) {
  // counts: c 1, b 3, a 3, d 2 -> b (first of the 3s), a, d, c
  Tokens tokens = {"c", "b", "a", "b", "d", "a", "d", "b", "a"};
  Vocab v = Vocab::build(tokens);
  EXPECT_EQ(v.tokens(), (Tokens{"<unk>", "b", "a", "d", "c"}));
  EXPECT_EQ(v.unk(), 0);
  EXPECT_EQ(v["b"], 1);
  EXPECT_EQ(v["c"], 4);
  EXPECT_EQ(v["never seen"], 0);
  EXPECT_EQ(v.token(3), "d");
  ASSERT_EQ(v.tokenFreqs().size(), 4u);
  EXPECT_EQ(v.tokenFreqs()[0], (std::pair<std::string, int64_t>{"b", 3}));
  EXPECT_EQ(v.tokenFreqs()[3], (std::pair<std::string, int64_t>{"c", 1}));
}

TEST(Vocab, ReservedTokensFollowUnkAndMinFreqDropsRareTokens) {
  std::vector<Tokens> sentences = {{"go", "."}, {"hi", "."}, {"go", "!"}, {"<eos>"}};
  Vocab v = Vocab::build(sentences,
                         VocabOptions().minFreq(2).reserved({"<pad>", "<bos>", "<eos>"}));
  // "<eos>" was counted once but keeps its reserved slot; hi and ! are rare.
  EXPECT_EQ(v.tokens(), (Tokens{"<unk>", "<pad>", "<bos>", "<eos>", "go", "."}));
  EXPECT_EQ(v["hi"], 0);
  EXPECT_EQ(v.encode(Tokens{"go", "!", "."}), (std::vector<int64_t>{4, 0, 5}));
  EXPECT_EQ(v.decode(std::vector<int64_t>{5, 1}), (Tokens{".", "<pad>"}));
}

TEST(Vocab, LexicographicOrderLikeD2l1) {
  Tokens tokens = {"b", "a", "b", " ", "c"};
  Vocab v = Vocab::build(tokens, VocabOptions().order(VocabOrder::Lexicographic));
  EXPECT_EQ(v.tokens(), (Tokens{" ", "<unk>", "a", "b", "c"}));
  EXPECT_EQ(v.unk(), 1);
  EXPECT_EQ(v["zzz"], 1);
}

TEST(Vocab, WithoutUnkUnknownTokensThrow) {
  Vocab v = Vocab::build(Tokens{"x", "y"}, VocabOptions().unk(""));
  EXPECT_EQ(v.tokens(), (Tokens{"x", "y"}));
  EXPECT_EQ(v.unk(), -1);
  EXPECT_EQ(v.find("q"), std::nullopt);
  EXPECT_THROW((void)v["q"], std::out_of_range);
  EXPECT_THROW((void)v.token(2), std::out_of_range);
  EXPECT_THROW((void)v.token(-1), std::out_of_range);
}

TEST(Vocab, RejectsDuplicateReservedTokens) {
  EXPECT_THROW(Vocab::build(Tokens{"a"}, VocabOptions().reserved({"<pad>", "<pad>"})),
               std::invalid_argument);
  EXPECT_THROW(Vocab::build(Tokens{"a"}, VocabOptions().reserved({"<unk>"})),
               std::invalid_argument);
  EXPECT_THROW(Vocab::fromTokens({"a", "b", "a"}, ""), std::invalid_argument);
  EXPECT_THROW(Vocab::fromTokens({"a"}, "<unk>"), std::invalid_argument);
}

TEST(Vocab, SaveLoadRoundTripsAwkwardTokens) {
  Tokens tokens = {" ", "tab\there", "back\\slash", "new\nline", "caf\xC3\xA9", "#hash"};
  Vocab v = Vocab::build(tokens, VocabOptions().reserved({"<pad>"}));
  std::string path = writeTemp("vocab.txt", "");
  v.save(path);
  Vocab loaded = Vocab::load(path);
  EXPECT_EQ(loaded.tokens(), v.tokens());
  EXPECT_EQ(loaded.unk(), 0);
  EXPECT_EQ(loaded["new\nline"], v["new\nline"]);

  Vocab noUnk = Vocab::fromTokens({"x", "y"}, "");
  noUnk.save(path);
  EXPECT_EQ(Vocab::load(path).unk(), -1);
}

TEST(Vocab, LoadErrorsNameFileAndLine) {
  std::string noHeader = writeTemp("a.txt", "<unk>\nthe\n");
  EXPECT_NE(errorOf<DataError>([&] { Vocab::load(noHeader); })
                .find(noHeader + ":1: expected a header"),
            std::string::npos);
  std::string dup = writeTemp("b.txt", "#dlc-vocab v1 unk=<unk>\n<unk>\nthe\nthe\n");
  EXPECT_EQ(errorOf<DataError>([&] { Vocab::load(dup); }),
            dup + ":4: token 'the' already appears on line 3");
  std::string escape = writeTemp("c.txt", "#dlc-vocab v1 unk=<unk>\n<unk>\nbad\\q\n");
  EXPECT_NE(errorOf<DataError>([&] { Vocab::load(escape); }).find(escape + ":3: bad escape"),
            std::string::npos);
  std::string missingUnk = writeTemp("d.txt", "#dlc-vocab v1 unk=<unk>\nthe\n");
  EXPECT_NE(errorOf<DataError>([&] { Vocab::load(missingUnk); }).find("unknown token '<unk>'"),
            std::string::npos);
  std::string empty = writeTemp("e.txt", "#dlc-vocab v1 unk=\na\n\n");
  EXPECT_EQ(errorOf<DataError>([&] { Vocab::load(empty); }), empty + ":3: empty token");
}

} // namespace
} // namespace dlc::rt::text
