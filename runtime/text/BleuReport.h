//===- BleuReport.h - BLEU of two aligned texts, as `dlc bleu` prints it -*- C++ -*-===//
//
// The library half of `dlc bleu` (the command line is tools/dlc/BleuCommand.cpp):
// both texts hold one sentence per line, tokenized on whitespace, line i of
// one aligned with line i of the other. The report is the corpus BLEU-4
// (NLTK's corpus_bleu, see Bleu.h) on a 0-100 scale like sacrebleu, as one
// number on its own line; or d2l's sentence BLEU (0-1 scale, as the book
// prints it) of every line, with n-grams up to k.
//
//===----------------------------------------------------------------------===//
#ifndef DLC_RUNTIME_TEXT_BLEUREPORT_H
#define DLC_RUNTIME_TEXT_BLEUREPORT_H

#include <string>

namespace dlc::rt::text {

struct BleuReportOptions {
  /// d2l's sentence BLEU per line instead of one corpus BLEU-4.
  bool sentence = false;
  /// Largest n-gram order of the sentence BLEU.
  int k = 2;
};

/// A text and the name errors give it (a path, or "<stdin>").
struct NamedText {
  const std::string &text;
  const std::string &name;
};

/// The lines `dlc bleu` prints for `hypotheses` scored against `references`
/// (texts as readTextFile returns them). Throws DataError naming both when
/// their line counts differ, std::invalid_argument when k < 1.
std::string bleuReport(NamedText references, NamedText hypotheses,
                       const BleuReportOptions &options);

} // namespace dlc::rt::text

#endif // DLC_RUNTIME_TEXT_BLEUREPORT_H
