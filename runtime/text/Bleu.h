//===- Bleu.h - BLEU scores: d2l's sentence BLEU, corpus BLEU-4 -*- C++ -*-===//
//
// Two different BLEUs, both on a 0-1 scale:
//
// sentenceBleu is d2l's bleu(pred_seq, label_seq, k) (section 10.7):
//   exp(min(0, 1 - len_label / len_pred))
//     * prod_{n=1..k} p_n ^ (0.5 ^ n)
// with p_n the clipped n-gram precision of one prediction against one label.
// It is what the book prints after "bleu", e.g. "il est riche ." against
// "il est calme ." gives 0.658.
//
// CorpusBleu is standard BLEU-4 (Papineni et al.), computed exactly as NLTK's
// corpus_bleu with default weights and no smoothing: clipped n-gram counts
// and hypothesis n-gram counts summed over the corpus (each sentence adds at
// least 1 to every denominator), brevity penalty from the summed lengths of
// the closest references (ties: the shorter), geometric mean with weights
// 1/4. No unigram match gives exactly 0; a zero higher-order precision is
// replaced by DBL_MIN, as NLTK does, which gives a score of about 1e-77.
//
// Example:
//   CorpusBleu bleu;
//   bleu.add(tokenizeWords(hyp), {tokenizeWords(ref)});
//   double score = bleu.score(); // x 100 for the sacrebleu scale
//
//===----------------------------------------------------------------------===//
#ifndef DLC_RUNTIME_TEXT_BLEU_H
#define DLC_RUNTIME_TEXT_BLEU_H

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace dlc::rt::text {

/// d2l's sentence BLEU of `pred` against `label` with n-grams up to `k`.
/// Where d2l would divide by zero (an empty prediction, or one shorter than
/// k tokens) the score is 0. Throws std::invalid_argument unless k >= 1.
double sentenceBleu(std::span<const std::string> pred, std::span<const std::string> label,
                    int k);

/// d2l's bleu on strings, which it splits on single spaces.
double sentenceBleu(std::string_view pred, std::string_view label, int k);

/// Accumulates the counts of corpus BLEU-4 one sentence at a time.
class CorpusBleu {
public:
  static constexpr int kMaxOrder = 4;

  /// Adds one hypothesis and its references (at least one).
  void add(std::span<const std::string> hypothesis,
           std::span<const std::vector<std::string>> references);
  /// Convenience for the single-reference case.
  void add(std::span<const std::string> hypothesis, std::span<const std::string> reference);

  /// NLTK's corpus_bleu of everything added so far; 0 before any add().
  double score() const;

  /// Clipped matches of order n+1 summed over the corpus.
  const std::array<int64_t, kMaxOrder> &matches() const { return matches_; }
  /// NLTK's denominators: hypothesis n-grams of order n+1, at least 1 per sentence.
  const std::array<int64_t, kMaxOrder> &totals() const { return totals_; }
  int64_t hypothesisLength() const { return hypLen_; }
  int64_t referenceLength() const { return refLen_; }

private:
  std::array<int64_t, kMaxOrder> matches_{};
  std::array<int64_t, kMaxOrder> totals_{};
  int64_t hypLen_ = 0;
  int64_t refLen_ = 0;
};

/// One-shot corpus BLEU-4 with one reference per hypothesis. Throws
/// std::invalid_argument when the two lists differ in length.
double corpusBleu(const std::vector<std::vector<std::string>> &hypotheses,
                  const std::vector<std::vector<std::string>> &references);

} // namespace dlc::rt::text

#endif // DLC_RUNTIME_TEXT_BLEU_H
