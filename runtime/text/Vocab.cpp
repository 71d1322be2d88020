//===- Vocab.cpp - Token <-> index vocabulary (d2l's Vocab) ---------------===//

#include "runtime/text/Vocab.h"

#include "runtime/data/DataError.h"
#include "runtime/text/TextFile.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <stdexcept>

#include <fmt/format.h>

namespace dlc::rt::text {

namespace {

constexpr std::string_view kHeader = "#dlc-vocab v1 unk=";

/// (token, count) in first-appearance order, then stably sorted by count
/// descending: Python's sorted(Counter(tokens).items(), key=count, reverse=True).
template <typename Range>
std::vector<std::pair<std::string, int64_t>> countTokens(const Range &sentences) {
  std::unordered_map<std::string_view, size_t> position;
  std::vector<std::pair<std::string, int64_t>> freqs;
  for (const auto &sentence : sentences) {
    for (const std::string &token : sentence) {
      auto [it, inserted] = position.try_emplace(token, freqs.size());
      if (inserted) freqs.emplace_back(token, 0);
      ++freqs[it->second].second;
    }
  }
  // Break ties by first appearance explicitly, which is what a stable sort
  // would keep (libstdc++'s stable_sort warns under clang 22).
  std::vector<size_t> order(freqs.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return freqs[a].second != freqs[b].second ? freqs[a].second > freqs[b].second : a < b;
  });
  std::vector<std::pair<std::string, int64_t>> sorted;
  sorted.reserve(freqs.size());
  for (size_t i : order) sorted.push_back(std::move(freqs[i]));
  return sorted;
}

std::string escape(std::string_view token) {
  std::string out;
  for (char c : token) {
    switch (c) {
    case '\\': out += "\\\\"; break;
    case '\t': out += "\\t"; break;
    case '\n': out += "\\n"; break;
    case '\r': out += "\\r"; break;
    default: out += c;
    }
  }
  return out;
}

/// Inverse of escape(); nullopt on a dangling or unknown escape.
std::optional<std::string> unescape(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\') {
      out += text[i];
      continue;
    }
    if (++i == text.size()) return std::nullopt;
    switch (text[i]) {
    case '\\': out += '\\'; break;
    case 't': out += '\t'; break;
    case 'n': out += '\n'; break;
    case 'r': out += '\r'; break;
    default: return std::nullopt;
    }
  }
  return out;
}

Vocab buildFromCounts(const std::vector<std::pair<std::string, int64_t>> &freqs,
                      const VocabOptions &options) {
  std::vector<std::string> tokens;
  if (!options.unk_.empty()) tokens.push_back(options.unk_);
  tokens.insert(tokens.end(), options.reserved_.begin(), options.reserved_.end());
  for (const auto &[token, count] : freqs) {
    if (count < options.minFreq_) break; // sorted by count: the rest are rarer
    tokens.push_back(token);
  }
  size_t numFixed = options.reserved_.size() + (options.unk_.empty() ? 0 : 1);
  if (options.order_ == VocabOrder::Lexicographic) {
    // d2l 1.0: sorted(set([unk] + reserved + frequent tokens)).
    for (size_t i = 0; i < numFixed; ++i)
      for (size_t j = i + 1; j < numFixed; ++j)
        if (tokens[i] == tokens[j])
          throw std::invalid_argument(fmt::format(
              "[dlc::rt::text::Vocab] reserved token '{}' is listed twice", tokens[i]));
    std::sort(tokens.begin(), tokens.end());
    tokens.erase(std::unique(tokens.begin(), tokens.end()), tokens.end());
  } else {
    // d2l 0.17: counted tokens equal to <unk> or a reserved token keep the
    // reserved slot; fromTokens rejects duplicates among the fixed ones.
    std::vector<std::string> fixed(tokens.begin(), tokens.begin() + numFixed);
    std::sort(fixed.begin(), fixed.end());
    if (std::adjacent_find(fixed.begin(), fixed.end()) != fixed.end())
      throw std::invalid_argument(fmt::format(
          "[dlc::rt::text::Vocab] reserved token '{}' is listed twice",
          *std::adjacent_find(fixed.begin(), fixed.end())));
    auto isFixed = [&](const std::string &t) {
      return std::binary_search(fixed.begin(), fixed.end(), t);
    };
    tokens.erase(std::remove_if(tokens.begin() + numFixed, tokens.end(), isFixed),
                 tokens.end());
  }
  return Vocab::fromTokens(std::move(tokens), options.unk_);
}

} // namespace

Vocab Vocab::build(std::span<const std::string> tokens, const VocabOptions &options) {
  std::span<const std::string> one[] = {tokens};
  auto freqs = countTokens(one);
  Vocab vocab = buildFromCounts(freqs, options);
  vocab.tokenFreqs_ = std::move(freqs);
  return vocab;
}

Vocab Vocab::build(const std::vector<std::vector<std::string>> &sentences,
                   const VocabOptions &options) {
  auto freqs = countTokens(sentences);
  Vocab vocab = buildFromCounts(freqs, options);
  vocab.tokenFreqs_ = std::move(freqs);
  return vocab;
}

Vocab Vocab::fromTokens(std::vector<std::string> tokens, std::string unk) {
  Vocab vocab;
  vocab.idxToToken_ = std::move(tokens);
  vocab.unkToken_ = std::move(unk);
  vocab.index();
  return vocab;
}

void Vocab::index() {
  tokenToIdx_.clear();
  tokenToIdx_.reserve(idxToToken_.size());
  for (size_t i = 0; i < idxToToken_.size(); ++i) {
    if (!tokenToIdx_.emplace(idxToToken_[i], static_cast<int64_t>(i)).second)
      throw std::invalid_argument(
          fmt::format("[dlc::rt::text::Vocab] token '{}' appears twice", idxToToken_[i]));
  }
  unk_ = -1;
  if (!unkToken_.empty()) {
    auto it = tokenToIdx_.find(unkToken_);
    if (it == tokenToIdx_.end())
      throw std::invalid_argument(fmt::format(
          "[dlc::rt::text::Vocab] unknown token '{}' is not in the vocabulary", unkToken_));
    unk_ = it->second;
  }
}

std::optional<int64_t> Vocab::find(std::string_view token) const {
  auto it = tokenToIdx_.find(token);
  if (it == tokenToIdx_.end()) return std::nullopt;
  return it->second;
}

int64_t Vocab::operator[](std::string_view token) const {
  auto it = tokenToIdx_.find(token);
  if (it != tokenToIdx_.end()) return it->second;
  if (unk_ < 0)
    throw std::out_of_range(fmt::format(
        "[dlc::rt::text::Vocab] token '{}' is not in a vocabulary without <unk>", token));
  return unk_;
}

const std::string &Vocab::token(int64_t index) const {
  if (index < 0 || static_cast<size_t>(index) >= idxToToken_.size())
    throw std::out_of_range(fmt::format("[dlc::rt::text::Vocab] index {} outside [0, {})",
                                        index, idxToToken_.size()));
  return idxToToken_[index];
}

std::vector<int64_t> Vocab::encode(std::span<const std::string> tokens) const {
  std::vector<int64_t> out;
  out.reserve(tokens.size());
  for (const std::string &t : tokens) out.push_back((*this)[t]);
  return out;
}

std::vector<std::string> Vocab::decode(std::span<const int64_t> indices) const {
  std::vector<std::string> out;
  out.reserve(indices.size());
  for (int64_t i : indices) out.push_back(token(i));
  return out;
}

void Vocab::save(const std::string &path) const {
  std::string text = fmt::format("{}{}\n", kHeader, escape(unkToken_));
  for (const std::string &t : idxToToken_) {
    text += escape(t);
    text += '\n';
  }
  std::ofstream out(path, std::ios::binary);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  out.close();
  if (!out) throw DataError(fmt::format("{}: cannot write vocabulary file", path));
}

Vocab Vocab::load(const std::string &path) {
  std::string text = readTextFile(path);
  std::vector<std::string_view> lines = splitLines(text);
  if (!lines[0].starts_with(kHeader))
    throw DataError(fmt::format("{}:1: expected a header starting with '{}', found '{}'",
                                path, kHeader, lines[0]));
  auto unk = unescape(lines[0].substr(kHeader.size()));
  if (!unk) throw DataError(fmt::format("{}:1: bad escape in the unknown token", path));
  std::vector<std::string> tokens;
  std::unordered_map<std::string, size_t> seen;
  for (size_t i = 1; i < lines.size(); ++i) {
    auto token = unescape(lines[i]);
    if (!token)
      throw DataError(fmt::format("{}:{}: bad escape in token '{}' (only \\\\ \\t \\r \\n)",
                                  path, i + 1, lines[i]));
    if (token->empty()) throw DataError(fmt::format("{}:{}: empty token", path, i + 1));
    auto [it, inserted] = seen.emplace(*token, i + 1);
    if (!inserted)
      throw DataError(fmt::format("{}:{}: token '{}' already appears on line {}", path,
                                  i + 1, lines[i], it->second));
    tokens.push_back(std::move(*token));
  }
  if (!unk->empty() && !seen.count(*unk))
    throw DataError(fmt::format("{}: the header names unknown token '{}' but no line holds it",
                                path, *unk));
  return fromTokens(std::move(tokens), std::move(*unk));
}

} // namespace dlc::rt::text
