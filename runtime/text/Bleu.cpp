//===- Bleu.cpp - BLEU scores: d2l's sentence BLEU, corpus BLEU-4 ---------===//

#include "runtime/text/Bleu.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdlib>
#include <map>
#include <stdexcept>

#include <fmt/format.h>

namespace dlc::rt::text {

namespace {

using NGram = std::vector<std::string_view>;

/// Counts of the n-grams of `tokens` (none when it is shorter than n).
std::map<NGram, int64_t> countNGrams(std::span<const std::string> tokens, size_t n) {
  std::map<NGram, int64_t> counts;
  for (size_t i = 0; i + n <= tokens.size(); ++i)
    ++counts[NGram(tokens.begin() + i, tokens.begin() + i + n)];
  return counts;
}

std::vector<std::string> splitOnSingleSpace(std::string_view s) {
  // Python's s.split(' '): n spaces give n + 1 fields, empty ones included.
  std::vector<std::string> out;
  size_t start = 0;
  for (;;) {
    size_t end = s.find(' ', start);
    out.emplace_back(s.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) return out;
    start = end + 1;
  }
}

} // namespace

double sentenceBleu(std::span<const std::string> pred, std::span<const std::string> label,
                    int k) {
  if (k < 1)
    throw std::invalid_argument(
        fmt::format("[dlc::rt::text::sentenceBleu] k must be at least 1, got {}", k));
  auto lenPred = static_cast<int64_t>(pred.size());
  auto lenLabel = static_cast<int64_t>(label.size());
  if (lenPred < k) return 0.0; // d2l divides by len_pred - n + 1 <= 0 here
  double score = std::exp(std::min(0.0, 1.0 - static_cast<double>(lenLabel) / lenPred));
  for (int n = 1; n <= k; ++n) {
    std::map<NGram, int64_t> labelSubs = countNGrams(label, n);
    int64_t numMatches = 0;
    for (int64_t i = 0; i + n <= lenPred; ++i) {
      auto it = labelSubs.find(NGram(pred.begin() + i, pred.begin() + i + n));
      if (it != labelSubs.end() && it->second > 0) {
        ++numMatches;
        --it->second;
      }
    }
    score *= std::pow(static_cast<double>(numMatches) / (lenPred - n + 1), std::pow(0.5, n));
  }
  return score;
}

double sentenceBleu(std::string_view pred, std::string_view label, int k) {
  return sentenceBleu(splitOnSingleSpace(pred), splitOnSingleSpace(label), k);
}

void CorpusBleu::add(std::span<const std::string> hypothesis,
                     std::span<const std::vector<std::string>> references) {
  if (references.empty())
    throw std::invalid_argument("[dlc::rt::text::CorpusBleu] a hypothesis needs a reference");
  for (int n = 1; n <= kMaxOrder; ++n) {
    // NLTK's modified_precision: each n-gram's count is clipped by its
    // largest count in any one reference.
    std::map<NGram, int64_t> counts = countNGrams(hypothesis, n);
    std::map<NGram, int64_t> maxRef;
    for (const auto &ref : references)
      for (const auto &[gram, c] : countNGrams(ref, n))
        if (counts.count(gram)) maxRef[gram] = std::max(maxRef[gram], c);
    int64_t total = 0;
    for (const auto &[gram, c] : counts) {
      auto it = maxRef.find(gram);
      matches_[n - 1] += std::min(c, it == maxRef.end() ? 0 : it->second);
      total += c;
    }
    totals_[n - 1] += std::max<int64_t>(1, total);
  }
  // Closest reference length; ties go to the shorter one.
  auto hypLen = static_cast<int64_t>(hypothesis.size());
  int64_t best = static_cast<int64_t>(references[0].size());
  for (const auto &ref : references) {
    auto len = static_cast<int64_t>(ref.size());
    if (std::llabs(len - hypLen) < std::llabs(best - hypLen) ||
        (std::llabs(len - hypLen) == std::llabs(best - hypLen) && len < best))
      best = len;
  }
  hypLen_ += hypLen;
  refLen_ += best;
}

void CorpusBleu::add(std::span<const std::string> hypothesis,
                     std::span<const std::string> reference) {
  std::vector<std::string> one[] = {std::vector<std::string>(reference.begin(), reference.end())};
  add(hypothesis, one);
}

double CorpusBleu::score() const {
  if (matches_[0] == 0) return 0.0; // also covers an empty corpus
  double bp;
  if (hypLen_ > refLen_) bp = 1.0;
  else if (hypLen_ == 0) bp = 0.0;
  else bp = std::exp(1.0 - static_cast<double>(refLen_) / hypLen_);
  double logSum = 0;
  for (int n = 0; n < kMaxOrder; ++n) {
    double p = matches_[n] == 0 ? DBL_MIN // NLTK's method0 "no smoothing"
                                : static_cast<double>(matches_[n]) / totals_[n];
    logSum += 0.25 * std::log(p);
  }
  return bp * std::exp(logSum);
}

double corpusBleu(const std::vector<std::vector<std::string>> &hypotheses,
                  const std::vector<std::vector<std::string>> &references) {
  if (hypotheses.size() != references.size())
    throw std::invalid_argument(fmt::format(
        "[dlc::rt::text::corpusBleu] {} hypotheses but {} references", hypotheses.size(),
        references.size()));
  CorpusBleu bleu;
  for (size_t i = 0; i < hypotheses.size(); ++i) bleu.add(hypotheses[i], references[i]);
  return bleu.score();
}

} // namespace dlc::rt::text
