//===- Corpus.h - Plain-text books for language models ----------*- C++ -*-===//
//
// d2l's "The Time Machine" pipeline: clean the text (every run of characters
// other than ASCII letters becomes one space, then lower-case), tokenize into
// characters or words, build a Vocab and map the tokens to indices.
//
// Two d2l editions differ in how lines are treated, and both are offered:
//   CleanMode::WholeText (d2l 1.0): re.sub('[^A-Za-z]+', ' ', text).lower()
//     on the whole file; line breaks become spaces. The book's copy gives
//     173,428 characters.
//   CleanMode::PerLine (d2l 0.17): each line is cleaned and stripped, and the
//     character corpus concatenates the lines with no separator. The book's
//     copy gives 170,580 characters.
// Word tokens are the same in both modes (32,775 words, 4,579 distinct).
//
// Example:
//   LMCorpus tm = loadTimeMachine("timemachine.txt");
//   // tm.vocab.size() == 28, tm.corpus.size() == 173428
//
//===----------------------------------------------------------------------===//
#ifndef DLC_RUNTIME_TEXT_CORPUS_H
#define DLC_RUNTIME_TEXT_CORPUS_H

#include "runtime/text/Vocab.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dlc::rt::text {

/// The unit a text is cut into.
enum class TokenKind { Char, Word };

/// Whether the text is cleaned as one string or line by line (see above).
enum class CleanMode { WholeText, PerLine };

/// d2l's cleaning: re.sub('[^A-Za-z]+', ' ', text).lower(), then, when
/// `strip` is set, leading and trailing spaces removed. Non-ASCII letters
/// count as non-letters, as in d2l's regular expression.
std::string cleanText(std::string_view text, bool strip = false);

/// One token per Unicode code point, spaces included (Python's list(text)).
std::vector<std::string> tokenizeChars(std::string_view text);

/// Tokens separated by runs of ASCII whitespace; no empty tokens (Python's
/// text.split()).
std::vector<std::string> tokenizeWords(std::string_view text);

/// How to read a book.
struct CorpusOptions {
  TokenKind tokens_ = TokenKind::Char;
  CleanMode mode_ = CleanMode::WholeText;
  VocabOptions vocab_;

  CorpusOptions &tokens(TokenKind k) { tokens_ = k; return *this; }
  CorpusOptions &mode(CleanMode m) { mode_ = m; return *this; }
  CorpusOptions &vocab(VocabOptions v) { vocab_ = std::move(v); return *this; }
};

/// Cleans and tokenizes the text of the file at `path`. Throws DataError
/// naming the file when it cannot be read, is empty or is not UTF-8.
std::vector<std::string> loadBookTokens(const std::string &path,
                                        const CorpusOptions &options = {});

/// A tokenized book: its vocabulary and every token as an index.
struct LMCorpus {
  Vocab vocab;
  std::vector<int64_t> corpus; ///< (num_tokens,) indices into vocab
};

/// d2l's load_corpus_time_machine(max_tokens=-1): loadBookTokens, a Vocab
/// over all tokens, and the indices. Works for any plain-text book.
LMCorpus loadTimeMachine(const std::string &path, const CorpusOptions &options = {});

} // namespace dlc::rt::text

#endif // DLC_RUNTIME_TEXT_CORPUS_H
