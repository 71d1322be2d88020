//===- BleuTest.cpp - d2l sentence BLEU, corpus BLEU-4, perplexity --------===//

#include "runtime/text/Bleu.h"

#include "runtime/text/Corpus.h"
#include "runtime/text/Perplexity.h"

#include <gtest/gtest.h>

#include <cfloat>
#include <cmath>

namespace dlc::rt::text {
namespace {

using Tokens = std::vector<std::string>;

Tokens words(std::string_view s) { return tokenizeWords(s); }

// Scores the book prints (d2l 10.7 / 9.7 and 11.4): prediction => label.
TEST(SentenceBleu, ReproducesTheBooksScores) {
  EXPECT_NEAR(sentenceBleu("il est riche .", "il est calme .", 2), 0.658, 5e-4);
  EXPECT_NEAR(sentenceBleu("je suis <unk> .", "je suis chez moi .", 2), 0.512, 5e-4);
  EXPECT_DOUBLE_EQ(sentenceBleu("va !", "va !", 2), 1.0);
  EXPECT_DOUBLE_EQ(sentenceBleu("j'ai perdu .", "j'ai perdu .", 2), 1.0);
  EXPECT_DOUBLE_EQ(sentenceBleu("il court .", "il est calme .", 2), 0.0); // no bigram match
}

TEST(SentenceBleu, HandComputed) {
  // "il est riche ." vs "il est calme .": p1 = 3/4, p2 = 1/3, no length penalty.
  EXPECT_DOUBLE_EQ(sentenceBleu("il est riche .", "il est calme .", 2),
                   std::pow(0.75, 0.5) * std::pow(1.0 / 3, 0.25));
  // "je suis <unk> ." vs "je suis chez moi .": penalty exp(1 - 5/4),
  // p1 = 3/4, p2 = 1/3.
  EXPECT_DOUBLE_EQ(sentenceBleu("je suis <unk> .", "je suis chez moi .", 2),
                   std::exp(1 - 5.0 / 4) * std::pow(0.75, 0.5) * std::pow(1.0 / 3, 0.25));
  // Clipping: "a a a" against "a b": one 'a' matches -> p1 = 1/3; k = 1.
  EXPECT_DOUBLE_EQ(sentenceBleu("a a a", "a b", 1), std::pow(1.0 / 3, 0.5));
  // A longer prediction has no penalty; k = 3 adds p3 ^ (1/8).
  EXPECT_DOUBLE_EQ(sentenceBleu("a b c d", "a b c", 3),
                   std::pow(0.75, 0.5) * std::pow(2.0 / 3, 0.25) * std::pow(0.5, 0.125));
}

TEST(SentenceBleu, ShortPredictionsScoreZero) {
  EXPECT_DOUBLE_EQ(sentenceBleu(Tokens{"va"}, Tokens{"va", "!"}, 2), 0.0);
  EXPECT_DOUBLE_EQ(sentenceBleu(Tokens{}, Tokens{"va"}, 1), 0.0);
  EXPECT_THROW(sentenceBleu(Tokens{"a"}, Tokens{"a"}, 0), std::invalid_argument);
}

TEST(CorpusBleu, HandComputedCounts) {
  // hyp1 "the cat is on the mat today" vs "the cat is on the mat":
  //   1-grams 6/7, 2-grams 5/6, 3-grams 4/5, 4-grams 3/4
  // hyp2 "a dog" vs "a dog barks": 2/2, 1/1, then 0/1 and 0/1 (NLTK counts
  //   a denominator of at least 1 per sentence)
  // lengths 9 vs 9: no brevity penalty.
  CorpusBleu bleu;
  bleu.add(words("the cat is on the mat today"), words("the cat is on the mat"));
  bleu.add(words("a dog"), words("a dog barks"));
  EXPECT_EQ(bleu.matches(), (std::array<int64_t, 4>{8, 6, 4, 3}));
  EXPECT_EQ(bleu.totals(), (std::array<int64_t, 4>{9, 7, 6, 5}));
  EXPECT_EQ(bleu.hypothesisLength(), 9);
  EXPECT_EQ(bleu.referenceLength(), 9);
  double expected = std::pow(8.0 / 9 * 6.0 / 7 * 4.0 / 6 * 3.0 / 5, 0.25);
  EXPECT_NEAR(bleu.score(), expected, 1e-15);
  EXPECT_NEAR(bleu.score(), 0.7430023199653439, 1e-15); // nltk corpus_bleu
}

TEST(CorpusBleu, ZeroPrecisionsFollowNltk) {
  // No unigram match at all: exactly 0.
  EXPECT_EQ(corpusBleu({words("the cat")}, {words("a dog barks")}), 0.0);
  // Zero 3- and 4-gram precision: NLTK substitutes DBL_MIN, giving
  // exp(1 - 3/2) * DBL_MIN^(1/2) ~ 9.05e-155 rather than 0.
  double score = corpusBleu({words("a dog")}, {words("a dog barks")});
  EXPECT_GT(score, 0.0);
  EXPECT_NEAR(score / 9.047424648113057e-155, 1.0, 1e-12);
  EXPECT_EQ(CorpusBleu().score(), 0.0);
  EXPECT_THROW(corpusBleu({words("a")}, {}), std::invalid_argument);
}

TEST(CorpusBleu, MultipleReferencesLikeNltkDocs) {
  // The example of nltk.translate.bleu_score.corpus_bleu's docstring.
  CorpusBleu bleu;
  std::vector<Tokens> refs1 = {
      words("It is a guide to action that ensures that the military will forever heed "
            "Party commands"),
      words("It is the guiding principle which guarantees the military forces always being "
            "under the command of the Party"),
      words("It is the practical guide for the army always to heed the directions of the "
            "party")};
  bleu.add(words("It is a guide to action which ensures that the military always obeys the "
                 "commands of the party"),
           refs1);
  std::vector<Tokens> refs2 = {
      words("he was interested in world history because he read the book")};
  bleu.add(words("he read the book because he was interested in world history"), refs2);
  EXPECT_NEAR(bleu.score(), 0.5920778868801042, 1e-15);
}

TEST(Perplexity, ExpOfMeanCrossEntropy) {
  EXPECT_DOUBLE_EQ(perplexity(0.0, 10), 1.0);
  // A uniform model over 28 characters has perplexity 28.
  EXPECT_NEAR(perplexity(100 * std::log(28.0), 100), 28.0, 1e-12);
  EXPECT_NEAR(perplexity(6.0, 3), std::exp(2.0), 1e-12);
  EXPECT_THROW(perplexity(1.0, 0), std::invalid_argument);
}

} // namespace
} // namespace dlc::rt::text
