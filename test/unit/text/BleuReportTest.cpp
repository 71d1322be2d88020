//===- BleuReportTest.cpp - what `dlc bleu` prints, and BLEU at scale -----===//
//
// The command line of `dlc bleu` (flags, stdin, usage errors) is tested by
// test/dlc/bleu.test; this is the library behind it.
//
//===----------------------------------------------------------------------===//

#include "runtime/text/BleuReport.h"

#include "runtime/data/DataError.h"
#include "runtime/text/Bleu.h"
#include "runtime/text/TextFile.h"
#include "test/unit/text/TextTestUtil.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <random>

namespace dlc::rt::text {
namespace {

using testing::errorOf;
using testing::writeTemp;

std::string report(const std::string &refs, const std::string &hyps, BleuReportOptions o = {}) {
  const std::string refName = "ref.txt", hypName = "hyp.txt";
  return bleuReport({refs, refName}, {hyps, hypName}, o);
}

TEST(BleuReport, CorpusBleuOnTheSacrebleuScale) {
  // 100 * nltk corpus_bleu = 74.30023199653439
  EXPECT_EQ(report("the cat is on the mat\na dog barks\n", "the  cat is on the mat today\r\na dog\n"),
            "74.300232\n");
}

TEST(BleuReport, SentenceModeIsD2lBleuPerLine) {
  std::string ref = "il est calme .\nje suis chez moi .\nva !\n";
  std::string hyp = "il est riche .\nje suis <unk> .\nva !\n";
  EXPECT_EQ(report(ref, hyp, {.sentence = true}), "0.658037\n0.512480\n1.000000\n");
  // k = 1: only unigram precisions, weight 1/2.
  EXPECT_EQ(report(ref, hyp, {.sentence = true, .k = 1}), "0.866025\n0.674461\n1.000000\n");
}

TEST(BleuReport, DifferentLineCountsNameBothTexts) {
  EXPECT_EQ(errorOf<DataError>([] { report("a b\nc d\n", "a b\n"); }),
            "ref.txt has 2 lines but hyp.txt has 1");
}

// Regression: a byte-order mark glued itself to the first token, so a
// perfect hypothesis saved by a Windows editor scored 93.2 instead of 100.
TEST(BleuReport, ByteOrderMarkIsNotPartOfTheFirstWord) {
  std::string plain = "the cat sat on the mat\nit is raining again in paris\n";
  std::string withBom = writeTemp("bom.txt", std::string(kUtf8ByteOrderMark) + plain);
  std::string text = readTextFile(withBom);
  EXPECT_EQ(text, plain);
  EXPECT_EQ(report(plain, text), "100.000000\n");
  // Only a leading mark is dropped; a BOM alone is an empty file.
  std::string onlyBom = writeTemp("only-bom.txt", kUtf8ByteOrderMark);
  EXPECT_EQ(errorOf<DataError>([&] { readTextFile(onlyBom); }), onlyBom + ": file is empty");
}

/// d2l's bleu written the obvious way (n-grams as string vectors in a map):
/// the reference the interned-id counting is checked against.
double naiveSentenceBleu(const std::vector<std::string> &pred,
                         const std::vector<std::string> &label, int k) {
  double lenPred = double(pred.size()), lenLabel = double(label.size());
  if (lenPred < k) return 0.0;
  double score = std::exp(std::min(0.0, 1.0 - lenLabel / lenPred));
  for (int n = 1; n <= k; ++n) {
    std::map<std::vector<std::string>, int> subs;
    for (size_t i = 0; i + n <= label.size(); ++i)
      ++subs[std::vector<std::string>(label.begin() + i, label.begin() + i + n)];
    int matches = 0;
    for (size_t i = 0; i + n <= pred.size(); ++i) {
      auto it = subs.find(std::vector<std::string>(pred.begin() + i, pred.begin() + i + n));
      if (it != subs.end() && it->second > 0) {
        ++matches;
        --it->second;
      }
    }
    score *= std::pow(double(matches) / (lenPred - n + 1), std::pow(0.5, n));
  }
  return score;
}

/// Random sentences over a tiny vocabulary, so long n-grams repeat.
std::vector<std::string> randomSentence(std::mt19937_64 &rng, size_t length, int vocab) {
  std::vector<std::string> s;
  for (size_t i = 0; i < length; ++i) s.push_back("w" + std::to_string(rng() % vocab));
  return s;
}

TEST(BleuReport, InternedCountingMatchesNaiveCounting) {
  std::mt19937_64 rng(7);
  for (int trial = 0; trial < 300; ++trial) {
    int vocab = 2 + int(rng() % 4);
    auto label = randomSentence(rng, 1 + rng() % 30, vocab);
    auto pred = rng() % 3 == 0 ? label : randomSentence(rng, 1 + rng() % 30, vocab);
    int k = 1 + int(rng() % 8);
    EXPECT_DOUBLE_EQ(sentenceBleu(pred, label, k), naiveSentenceBleu(pred, label, k))
        << "trial " << trial << ", k " << k;
  }
}

TEST(BleuReport, CorpusCountsMatchNaiveClippedCounts) {
  std::mt19937_64 rng(11);
  for (int trial = 0; trial < 100; ++trial) {
    auto hyp = randomSentence(rng, rng() % 25, 3);
    std::vector<std::vector<std::string>> refs;
    for (int r = 0, nr = 1 + int(rng() % 3); r < nr; ++r)
      refs.push_back(randomSentence(rng, rng() % 25, 3));
    CorpusBleu bleu;
    bleu.add(hyp, refs);
    for (size_t n = 1; n <= 4; ++n) {
      // NLTK's modified precision: hypothesis counts clipped by the largest
      // count in any one reference.
      std::map<std::vector<std::string>, int64_t> counts, maxRef;
      for (size_t i = 0; i + n <= hyp.size(); ++i)
        ++counts[std::vector<std::string>(hyp.begin() + i, hyp.begin() + i + n)];
      for (const auto &ref : refs) {
        std::map<std::vector<std::string>, int64_t> c;
        for (size_t i = 0; i + n <= ref.size(); ++i)
          ++c[std::vector<std::string>(ref.begin() + i, ref.begin() + i + n)];
        for (const auto &[g, v] : c) maxRef[g] = std::max(maxRef[g], v);
      }
      int64_t matched = 0, total = 0;
      for (const auto &[g, v] : counts) {
        matched += std::min(v, maxRef[g]);
        total += v;
      }
      EXPECT_EQ(bleu.matches()[n - 1], matched) << "trial " << trial << ", n " << n;
      EXPECT_EQ(bleu.totals()[n - 1], std::max<int64_t>(1, total));
    }
  }
}

// Regression: --sentence --k 100 on a 1 MB line took 120 s and 410 MB,
// building a string vector per n-gram. Counting is now linear per order.
TEST(BleuReport, LongLinesWithLargeKStayFast) {
  std::mt19937_64 rng(3);
  auto label = randomSentence(rng, 200000, 50); // about 1 MB of text
  auto pred = label;
  // A perfect prediction matches at every order: the worst case.
  EXPECT_DOUBLE_EQ(sentenceBleu(pred, label, 100), 1.0);
  // Change one token in the middle: every n-gram through it stops matching.
  pred[100000] = "changed";
  double expected = 1.0;
  for (int n = 1; n <= 100; ++n) {
    double grams = double(pred.size()) - n + 1;
    expected *= std::pow((grams - n) / grams, std::pow(0.5, n));
  }
  EXPECT_NEAR(sentenceBleu(pred, label, 100), expected, 1e-12);
}

} // namespace
} // namespace dlc::rt::text
