//===- TranslationTest.cpp - fra.txt preprocessing, arrays, batches -------===//

#include "runtime/text/Translation.h"

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

using Ids = std::vector<int64_t>;
using Lens = std::vector<int32_t>;
using Tokens = std::vector<std::string>;

TEST(Translation, PreprocessLikeD2l) {
  EXPECT_EQ(preprocessFra("Go.\tVa !"), "go .\tva !");
  EXPECT_EQ(preprocessFra("Hi.\tSalut\xE2\x80\xAF!"), "hi .\tsalut !"); // U+202F
  EXPECT_EQ(preprocessFra("Run!\tCours\xC2\xA0!"), "run !\tcours !");   // U+00A0
  EXPECT_EQ(preprocessFra("Help!\t\xC3\x80 l'aide !"), "help !\t\xC3\xA0 l'aide !");
  // Only the previous character matters: "2.0" gets a space, "..." gets two.
  EXPECT_EQ(preprocessFra("v2.0, ok...?"), "v2 .0 , ok . . . ?");
  // Nothing is inserted at the very start.
  EXPECT_EQ(preprocessFra("!Wow"), "!wow");
}

TEST(Translation, ParsesFixtureIntoTokens) {
  ParallelCorpus c = readParallelCorpus(fixture("fra_small.txt"), 0);
  ASSERT_EQ(c.source.size(), 8u);
  EXPECT_EQ(c.source[0], (Tokens{"go", "."}));
  EXPECT_EQ(c.target[0], (Tokens{"va", "!"}));
  EXPECT_EQ(c.target[1], (Tokens{"salut", "!"}));
  EXPECT_EQ(c.target[4], (Tokens{"\xC3\xA0", "l'aide", "!"}));
  EXPECT_EQ(c.target[5], (Tokens{"j'ai", "gagn\xC3\xA9", "!"}));
  // Line 7 has Tatoeba's attribution column, which is ignored.
  EXPECT_EQ(c.target[6], (Tokens{"va", "!"}));
  EXPECT_EQ(c.source[7], (Tokens{"i", "see", "."}));
  EXPECT_EQ(c.target[7], (Tokens{"je", "comprends", "."}));
}

TEST(Translation, NumExamplesLimitsPairsAndSkipsBlankLines) {
  std::string path = writeTemp("fra.txt", "A.\tB.\n\nC.\tD.\r\nno tab here\n");
  ParallelCorpus c = readParallelCorpus(path, 2);
  ASSERT_EQ(c.source.size(), 2u);
  EXPECT_EQ(c.target[1], (Tokens{"d", "."})); // CR dropped
  // Without the limit the fourth line is reached and rejected.
  EXPECT_EQ(errorOf<DataError>([&] { readParallelCorpus(path, 0); }),
            path + ":4: line has no tab separating source and target");
}

TEST(Translation, MalformedInputNamesFileAndLine) {
  std::string empty = writeTemp("empty.txt", "");
  EXPECT_EQ(errorOf<DataError>([&] { loadTranslation(empty); }), empty + ": file is empty");
  std::string blank = writeTemp("blank.txt", "\n\n");
  EXPECT_EQ(errorOf<DataError>([&] { loadTranslation(blank); }),
            blank + ": no sentence pairs (only blank lines)");
  std::string latin1 = writeTemp("latin1.txt", "Go.\tVa !\nI won!\tJ'ai gagn\xE9 !\n");
  EXPECT_EQ(errorOf<DataError>([&] { loadTranslation(latin1); }),
            latin1 + ":2: invalid UTF-8 byte 0xE9 at column 17");
  std::string emptySide = writeTemp("side.txt", "Go.\tVa !\nHi.\t  \n");
  EXPECT_EQ(errorOf<DataError>([&] { loadTranslation(emptySide); }),
            emptySide + ":2: empty target sentence");
  EXPECT_THROW(loadTranslation(fixture("fra_small.txt"), TranslationOptions().numSteps(0)),
               std::invalid_argument);
}

TEST(Translation, TruncatePad) {
  EXPECT_EQ(truncatePad(Ids{5, 6}, 4, 1), (Ids{5, 6, 1, 1}));
  EXPECT_EQ(truncatePad(Ids{5, 6, 7, 8, 9}, 4, 1), (Ids{5, 6, 7, 8}));
  EXPECT_EQ(truncatePad(Ids{}, 2, 1), (Ids{1, 1}));
}

TEST(Translation, VocabulariesAndArraysByHand) {
  TranslationData d = loadTranslation(fixture("fra_small.txt"),
                                      TranslationOptions().numSteps(4).numExamples(0));
  // Source counts: . 4, ! 3, go 2, i 2, the rest once (below minFreq 2).
  EXPECT_EQ(d.sourceVocab.tokens(),
            (Tokens{"<unk>", "<pad>", "<bos>", "<eos>", ".", "!", "go", "i"}));
  // Target counts: ! 6, va 2, the rest once.
  EXPECT_EQ(d.targetVocab.tokens(), (Tokens{"<unk>", "<pad>", "<bos>", "<eos>", "!", "va"}));

  const TranslationArrays &a = d.arrays;
  ASSERT_EQ(a.numExamples, 8);
  ASSERT_EQ(a.numSteps, 4);
  auto rowOf = [](const Ids &v, int64_t r) { return Ids(v.begin() + r * 4, v.begin() + r * 4 + 4); };
  // "go ." + <eos> + <pad>
  EXPECT_EQ(rowOf(a.source, 0), (Ids{6, 4, 3, 1}));
  // "i won !" + <eos>: won is <unk>; fits exactly
  EXPECT_EQ(rowOf(a.source, 5), (Ids{7, 0, 5, 3}));
  // "va !" + <eos> + <pad>
  EXPECT_EQ(rowOf(a.target, 0), (Ids{5, 4, 3, 1}));
  // "à l'aide !" + <eos>
  EXPECT_EQ(rowOf(a.target, 4), (Ids{0, 0, 4, 3}));
  EXPECT_EQ(a.sourceValidLen, (Lens{3, 3, 3, 3, 3, 4, 3, 4}));
  EXPECT_EQ(a.targetValidLen, (Lens{3, 3, 3, 3, 4, 4, 3, 4}));
  // Decoder input: <bos> then the target shifted right.
  EXPECT_EQ(rowOf(a.decoderInput, 0), (Ids{2, 5, 4, 3}));
  EXPECT_EQ(rowOf(a.decoderInput, 4), (Ids{2, 0, 0, 4}));
}

TEST(Translation, TruncationCutsEosAndValidLength) {
  TranslationData d = loadTranslation(fixture("fra_small.txt"),
                                      TranslationOptions().numSteps(3).numExamples(0));
  const TranslationArrays &a = d.arrays;
  // "i won !" + <eos> cut to 3: no <eos>, valid length 3.
  EXPECT_EQ(Ids(a.source.begin() + 15, a.source.begin() + 18), (Ids{7, 0, 5}));
  EXPECT_EQ(a.sourceValidLen[5], 3);
}

TEST(Translation, BatcherShufflesEveryRowOncePerEpoch) {
  TranslationData d = loadTranslation(fixture("fra_small.txt"),
                                      TranslationOptions().numSteps(4).numExamples(0));
  TranslationBatcher batcher(d.arrays, 3, /*seed=*/11);
  std::vector<TranslationBatch> epoch = batcher.nextEpoch();
  ASSERT_EQ(epoch.size(), 3u); // 8 rows in batches of 3, 3, 2
  EXPECT_EQ(epoch[2].batchSize, 2);
  std::multiset<Ids> seen, expected;
  for (int64_t r = 0; r < 8; ++r) {
    Ids row(d.arrays.source.begin() + r * 4, d.arrays.source.begin() + r * 4 + 4);
    row.push_back(d.arrays.sourceValidLen[r]);
    row.insert(row.end(), d.arrays.target.begin() + r * 4, d.arrays.target.begin() + r * 4 + 4);
    row.push_back(d.arrays.targetValidLen[r]);
    expected.insert(row);
  }
  for (const TranslationBatch &b : epoch) {
    ASSERT_EQ(b.source.size(), static_cast<size_t>(b.batchSize * 4));
    ASSERT_EQ(b.decoderInput.size(), b.target.size());
    for (int64_t r = 0; r < b.batchSize; ++r) {
      Ids row(b.source.begin() + r * 4, b.source.begin() + r * 4 + 4);
      row.push_back(b.sourceValidLen[r]);
      row.insert(row.end(), b.target.begin() + r * 4, b.target.begin() + r * 4 + 4);
      row.push_back(b.targetValidLen[r]);
      seen.insert(row);
      EXPECT_EQ(b.decoderInput[r * 4], 2);
      EXPECT_EQ(b.decoderInput[r * 4 + 1], b.target[r * 4]);
    }
  }
  EXPECT_EQ(seen, expected);
  EXPECT_THROW(TranslationBatcher(d.arrays, 0, 0), std::invalid_argument);
}

TEST(Translation, SharedFraLoads) {
  std::string path = sharedData("fra-eng/fra.txt");
  if (path.empty()) GTEST_SKIP() << "../shared/data/fra-eng/fra.txt not present";
  TranslationData all = loadTranslation(path, TranslationOptions().numExamples(0));
  EXPECT_EQ(all.arrays.numExamples, 4000);
  TranslationData book = loadTranslation(path, TranslationOptions().numExamples(600));
  EXPECT_EQ(book.arrays.numExamples, 600);
  EXPECT_EQ(book.sourceVocab.token(4), ".");
}

} // namespace
} // namespace dlc::rt::text
