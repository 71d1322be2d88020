//===- Translation.cpp - English-French pairs for seq2seq (d2l 10.5) ------===//

#include "runtime/text/Translation.h"

#include "runtime/data/DataError.h"
#include "runtime/text/Random.h"
#include "runtime/text/TextFile.h"
#include "runtime/text/Utf8.h"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

namespace dlc::rt::text {

namespace {

constexpr std::string_view kNarrowNbsp = "\xE2\x80\xAF"; // U+202F
constexpr std::string_view kNbsp = "\xC2\xA0";           // U+00A0

/// Splits on ' ', dropping the empty strings runs of spaces leave (d2l 1.0's
/// `[t for t in s.split(' ') if t]`).
std::vector<std::string> splitOnSpace(std::string_view s) {
  std::vector<std::string> tokens;
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find(' ', start);
    if (end == std::string_view::npos) end = s.size();
    if (end > start) tokens.emplace_back(s.substr(start, end - start));
    start = end + 1;
  }
  return tokens;
}

/// Copies `rows` rows of `width` entries of `from`, picked by `order`, to `to`.
template <typename T>
void gatherRows(const std::vector<T> &from, std::span<const int64_t> order, int64_t width,
                std::vector<T> &to) {
  to.resize(order.size() * width);
  for (size_t r = 0; r < order.size(); ++r)
    std::copy_n(from.begin() + order[r] * width, width, to.begin() + r * width);
}

} // namespace

std::string preprocessFra(std::string_view line) {
  std::string spaced;
  spaced.reserve(line.size());
  for (size_t i = 0; i < line.size();) {
    std::string_view rest = line.substr(i);
    if (rest.starts_with(kNarrowNbsp) || rest.starts_with(kNbsp)) {
      spaced.push_back(' ');
      i += rest.starts_with(kNbsp) ? kNbsp.size() : kNarrowNbsp.size();
    } else {
      spaced.push_back(line[i++]);
    }
  }
  std::string lowered = lowerUtf8(spaced);
  std::string out;
  out.reserve(lowered.size() + lowered.size() / 4);
  for (size_t i = 0; i < lowered.size(); ++i) {
    char c = lowered[i];
    bool punct = c == ',' || c == '.' || c == '!' || c == '?';
    // Bytes of multi-byte code points are never ' ', so comparing the
    // previous byte is the same as comparing the previous character.
    if (punct && i > 0 && lowered[i - 1] != ' ') out.push_back(' ');
    out.push_back(c);
  }
  return out;
}

ParallelCorpus parseParallelCorpus(std::string_view text, std::string_view fileName,
                                   int64_t numExamples) {
  ParallelCorpus corpus;
  std::vector<std::string_view> lines = splitLines(text);
  for (size_t i = 0; i < lines.size(); ++i) {
    if (numExamples > 0 && static_cast<int64_t>(corpus.source.size()) >= numExamples) break;
    if (lines[i].empty()) continue;
    std::string line = preprocessFra(lines[i]);
    size_t tab = line.find('\t');
    if (tab == std::string::npos)
      throw DataError(fmt::format("{}:{}: line has no tab separating source and target",
                                  fileName, i + 1));
    // Fields after the second (Tatoeba's attribution column) are ignored.
    size_t tab2 = line.find('\t', tab + 1);
    std::string_view view(line);
    auto source = splitOnSpace(view.substr(0, tab));
    auto target = splitOnSpace(view.substr(tab + 1, tab2 == std::string::npos
                                                        ? std::string::npos
                                                        : tab2 - tab - 1));
    if (source.empty() || target.empty())
      throw DataError(fmt::format("{}:{}: empty {} sentence", fileName, i + 1,
                                  source.empty() ? "source" : "target"));
    corpus.source.push_back(std::move(source));
    corpus.target.push_back(std::move(target));
  }
  if (corpus.source.empty())
    throw DataError(fmt::format("{}: no sentence pairs (only blank lines)", fileName));
  return corpus;
}

ParallelCorpus readParallelCorpus(const std::string &path, int64_t numExamples) {
  std::string text = readTextFile(path);
  return parseParallelCorpus(text, path, numExamples);
}

std::vector<int64_t> truncatePad(std::span<const int64_t> line, int64_t numSteps, int64_t pad) {
  std::vector<int64_t> out(numSteps, pad);
  std::copy_n(line.begin(), std::min<int64_t>(numSteps, line.size()), out.begin());
  return out;
}

SideArrays buildArray(const std::vector<std::vector<std::string>> &sentences,
                      const Vocab &vocab, int64_t numSteps) {
  int64_t pad = vocab["<pad>"], eos = vocab["<eos>"];
  SideArrays out;
  out.tokens.reserve(sentences.size() * numSteps);
  out.validLen.reserve(sentences.size());
  for (const auto &sentence : sentences) {
    std::vector<int64_t> ids = vocab.encode(sentence);
    ids.push_back(eos);
    std::vector<int64_t> row = truncatePad(ids, numSteps, pad);
    // d2l: valid_len = (array != vocab['<pad>']).sum(1)
    out.validLen.push_back(static_cast<int32_t>(std::count_if(
        row.begin(), row.end(), [pad](int64_t id) { return id != pad; })));
    out.tokens.insert(out.tokens.end(), row.begin(), row.end());
  }
  return out;
}

TranslationData buildTranslationData(const ParallelCorpus &corpus,
                                     const TranslationOptions &options) {
  if (options.numSteps_ <= 0)
    throw std::invalid_argument(fmt::format(
        "[dlc::rt::text::buildTranslationData] numSteps must be positive, got {}",
        options.numSteps_));
  auto vocabOptions =
      VocabOptions().minFreq(options.minFreq_).reserved({"<pad>", "<bos>", "<eos>"});
  TranslationData data{Vocab::build(corpus.source, vocabOptions),
                       Vocab::build(corpus.target, vocabOptions), {}};
  TranslationArrays &a = data.arrays;
  a.numExamples = static_cast<int64_t>(corpus.source.size());
  a.numSteps = options.numSteps_;
  SideArrays src = buildArray(corpus.source, data.sourceVocab, a.numSteps);
  SideArrays tgt = buildArray(corpus.target, data.targetVocab, a.numSteps);
  a.source = std::move(src.tokens);
  a.sourceValidLen = std::move(src.validLen);
  a.target = std::move(tgt.tokens);
  a.targetValidLen = std::move(tgt.validLen);
  // Teacher forcing: row = [<bos>, target[0], ..., target[numSteps - 2]].
  int64_t bos = data.targetVocab["<bos>"];
  a.decoderInput.resize(a.target.size());
  for (int64_t r = 0; r < a.numExamples; ++r) {
    int64_t *row = a.decoderInput.data() + r * a.numSteps;
    row[0] = bos;
    std::copy_n(a.target.begin() + r * a.numSteps, a.numSteps - 1, row + 1);
  }
  return data;
}

TranslationData loadTranslation(const std::string &path, const TranslationOptions &options) {
  return buildTranslationData(readParallelCorpus(path, options.numExamples_), options);
}

TranslationBatcher::TranslationBatcher(const TranslationArrays &arrays, int64_t batchSize,
                                       uint64_t seed)
    : arrays_(arrays), batchSize_(batchSize), rng_(seed) {
  if (batchSize <= 0)
    throw std::invalid_argument(fmt::format(
        "[dlc::rt::text::TranslationBatcher] batch size must be positive, got {}", batchSize));
}

std::vector<TranslationBatch> TranslationBatcher::nextEpoch() {
  std::vector<int64_t> order(arrays_.numExamples);
  for (int64_t i = 0; i < arrays_.numExamples; ++i) order[i] = i;
  shuffleInPlace(std::span<int64_t>(order), rng_);
  std::vector<TranslationBatch> batches;
  int64_t steps = arrays_.numSteps;
  for (int64_t start = 0; start < arrays_.numExamples; start += batchSize_) {
    int64_t rows = std::min(batchSize_, arrays_.numExamples - start);
    std::span<const int64_t> pick(order.data() + start, rows);
    TranslationBatch b;
    b.batchSize = rows;
    b.numSteps = steps;
    gatherRows(arrays_.source, pick, steps, b.source);
    gatherRows(arrays_.sourceValidLen, pick, 1, b.sourceValidLen);
    gatherRows(arrays_.target, pick, steps, b.target);
    gatherRows(arrays_.targetValidLen, pick, 1, b.targetValidLen);
    gatherRows(arrays_.decoderInput, pick, steps, b.decoderInput);
    batches.push_back(std::move(b));
  }
  return batches;
}

} // namespace dlc::rt::text
