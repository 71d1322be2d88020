//===- Bleu.cpp - BLEU scores: d2l's sentence BLEU, corpus BLEU-4 ---------===//

#include "runtime/text/Bleu.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdlib>
#include <unordered_map>
#include <stdexcept>

#include <fmt/format.h>

namespace dlc::rt::text {

namespace {

/// Gives every distinct n-gram of one order a dense id, so counting is
/// vector indexing rather than hashing strings. Ids are built order by order:
/// the n-gram at position i is the pair (id of the (n-1)-gram at i, id of the
/// token at i+n-1), interned exactly (no hash collision can merge two
/// n-grams). Each order costs O(tokens), whatever n is: d2l's sentence BLEU
/// with k = 100 on a 1 MB line would otherwise build and compare strings of
/// 100 tokens at every position (120 s and 410 MB before this).
///
/// Most prefixes of a long n-gram have a single continuation, so the first
/// continuation of each prefix is stored in arrays indexed by the prefix id
/// (ids are dense and mostly grow with the position: cache-friendly); only
/// further continuations go to a hash map.
class NGramIds {
public:
  /// Token ids of `tokens`, shared across every sequence added.
  std::vector<uint32_t> tokenIds(std::span<const std::string> tokens) {
    std::vector<uint32_t> ids;
    ids.reserve(tokens.size());
    for (const std::string &t : tokens)
      ids.push_back(vocab.try_emplace(std::string_view(t), uint32_t(vocab.size())).first->second);
    return ids;
  }

  /// Starts a new order whose prefixes are ids below `prefixes` (the
  /// previous order's size(), or vocabularySize() for bigrams).
  void nextOrder(uint32_t prefixes) {
    firstLast.assign(prefixes, kNone);
    firstId.resize(prefixes);
    others.clear();
    count = 0;
  }

  /// Id of the n-gram (prefix, last).
  uint32_t extend(uint32_t prefix, uint32_t last) {
    uint32_t &first = firstLast[prefix];
    if (first == kNone) {
      first = last;
      return firstId[prefix] = count++;
    }
    if (first == last) return firstId[prefix];
    auto [it, inserted] = others.try_emplace(uint64_t(prefix) << 32 | last, count);
    if (inserted) ++count;
    return it->second;
  }

  /// Distinct n-grams of the current order seen so far.
  uint32_t size() const { return count; }
  uint32_t vocabularySize() const { return uint32_t(vocab.size()); }

private:
  static constexpr uint32_t kNone = ~uint32_t(0);
  std::unordered_map<std::string_view, uint32_t> vocab;
  std::vector<uint32_t> firstLast; ///< per prefix: its first continuation's token
  std::vector<uint32_t> firstId;   ///< per prefix: that n-gram's id
  std::unordered_map<uint64_t, uint32_t> others; ///< (prefix, token) -> id, the rest
  uint32_t count = 0;
};

/// Replaces the (n-1)-gram ids in `ids` (of sequence `tokens`) by n-gram ids;
/// the sequence has one n-gram fewer.
void extendOrder(NGramIds &table, std::vector<uint32_t> &ids, const std::vector<uint32_t> &tokens,
                 size_t n) {
  if (ids.empty()) return;
  ids.pop_back();
  for (size_t i = 0; i < ids.size(); ++i) ids[i] = table.extend(ids[i], tokens[i + n - 1]);
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
  NGramIds table;
  std::vector<uint32_t> predTokens = table.tokenIds(pred), labelTokens = table.tokenIds(label);
  std::vector<uint32_t> predIds = predTokens, labelIds = labelTokens;
  std::vector<int64_t> labelCounts;
  for (int n = 1; n <= k; ++n) {
    if (n > 1) {
      table.nextOrder(n == 2 ? table.vocabularySize() : table.size());
      extendOrder(table, predIds, predTokens, n);
      extendOrder(table, labelIds, labelTokens, n);
    }
    labelCounts.assign(n == 1 ? table.vocabularySize() : table.size(), 0);
    for (uint32_t id : labelIds) ++labelCounts[id];
    // d2l walks the prediction in order and uses up label n-grams: the
    // clipped count min(pred count, label count) per n-gram.
    int64_t numMatches = 0;
    for (uint32_t id : predIds)
      if (labelCounts[id] > 0) {
        ++numMatches;
        --labelCounts[id];
      }
    // No n-gram matches: no longer one can, and the product is 0.
    if (numMatches == 0) return 0.0;
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
  NGramIds table;
  std::vector<uint32_t> hypTokens = table.tokenIds(hypothesis);
  std::vector<std::vector<uint32_t>> refTokens;
  for (const auto &ref : references) refTokens.push_back(table.tokenIds(ref));
  std::vector<uint32_t> hypIds = hypTokens;
  std::vector<std::vector<uint32_t>> refIds = refTokens;
  std::vector<int64_t> counts, refCount, maxRef;
  for (int n = 1; n <= kMaxOrder; ++n) {
    if (n > 1) {
      table.nextOrder(n == 2 ? table.vocabularySize() : table.size());
      extendOrder(table, hypIds, hypTokens, n);
      for (size_t r = 0; r < refIds.size(); ++r) extendOrder(table, refIds[r], refTokens[r], n);
    }
    size_t distinct = n == 1 ? table.vocabularySize() : table.size();
    counts.assign(distinct, 0);
    maxRef.assign(distinct, 0);
    for (uint32_t id : hypIds) ++counts[id];
    // NLTK's modified_precision: each n-gram's count is clipped by its
    // largest count in any one reference.
    for (const auto &ids : refIds) {
      refCount.assign(distinct, 0);
      for (uint32_t id : ids) ++refCount[id];
      for (uint32_t id : ids) maxRef[id] = std::max(maxRef[id], refCount[id]);
    }
    int64_t matched = 0;
    for (size_t id = 0; id < distinct; ++id) matched += std::min(counts[id], maxRef[id]);
    matches_[n - 1] += matched;
    totals_[n - 1] += std::max<int64_t>(1, static_cast<int64_t>(hypIds.size()));
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
