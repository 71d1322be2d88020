//===- BleuReport.cpp - BLEU of two aligned texts, as `dlc bleu` prints it ===//

#include "runtime/text/BleuReport.h"

#include "runtime/data/DataError.h"
#include "runtime/text/Bleu.h"
#include "runtime/text/Corpus.h"
#include "runtime/text/TextFile.h"

#include <fmt/format.h>

#include <string_view>
#include <vector>

namespace dlc::rt::text {

namespace {

/// Whitespace tokens of every line of `text`.
std::vector<std::vector<std::string>> sentencesOf(const std::string &text) {
  std::vector<std::vector<std::string>> sentences;
  for (std::string_view line : splitLines(text)) sentences.push_back(tokenizeWords(line));
  return sentences;
}

} // namespace

std::string bleuReport(NamedText references, NamedText hypotheses,
                       const BleuReportOptions &options) {
  auto refs = sentencesOf(references.text);
  auto hyps = sentencesOf(hypotheses.text);
  if (refs.size() != hyps.size())
    throw DataError(fmt::format("{} has {} lines but {} has {}", references.name, refs.size(),
                                hypotheses.name, hyps.size()));
  std::string out;
  if (options.sentence) {
    for (size_t i = 0; i < refs.size(); ++i)
      out += fmt::format("{:.6f}\n", sentenceBleu(hyps[i], refs[i], options.k));
  } else {
    CorpusBleu bleu;
    for (size_t i = 0; i < refs.size(); ++i) bleu.add(hyps[i], refs[i]);
    out = fmt::format("{:.6f}\n", 100.0 * bleu.score());
  }
  return out;
}

} // namespace dlc::rt::text
