//===- Corpus.cpp - Plain-text books for language models ------------------===//

#include "runtime/text/Corpus.h"

#include "runtime/text/TextFile.h"
#include "runtime/text/Utf8.h"

namespace dlc::rt::text {

namespace {

bool isAsciiLetter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

bool isAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/// Appends the cleaned form of `text` to `out` (no stripping).
void appendCleaned(std::string &out, std::string_view text) {
  bool inRun = false; // inside a run of non-letters
  for (char c : text) {
    if (isAsciiLetter(c)) {
      out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
      inRun = false;
    } else if (!inRun) {
      out.push_back(' ');
      inRun = true;
    }
  }
}

std::string_view strip(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

} // namespace

std::string cleanText(std::string_view text, bool stripSpaces) {
  std::string out;
  out.reserve(text.size());
  appendCleaned(out, text);
  if (!stripSpaces) return out;
  return std::string(strip(out));
}

std::vector<std::string> tokenizeChars(std::string_view text) { return splitCodePoints(text); }

std::vector<std::string> tokenizeWords(std::string_view text) {
  std::vector<std::string> words;
  size_t i = 0, n = text.size();
  while (i < n) {
    while (i < n && isAsciiSpace(text[i])) ++i;
    size_t start = i;
    while (i < n && !isAsciiSpace(text[i])) ++i;
    if (i > start) words.emplace_back(text.substr(start, i - start));
  }
  return words;
}

std::vector<std::string> loadBookTokens(const std::string &path, const CorpusOptions &options) {
  std::string raw = readTextFile(path);
  std::string cleaned;
  if (options.mode_ == CleanMode::WholeText) {
    cleaned = cleanText(raw);
  } else {
    // d2l 0.17 reads with Python's universal newlines, so a lone '\r' ends a
    // line too; each line is cleaned, stripped and appended with no separator.
    cleaned.reserve(raw.size());
    std::string line;
    size_t start = 0;
    while (start < raw.size()) {
      size_t end = raw.find_first_of("\r\n", start);
      if (end == std::string::npos) end = raw.size();
      line.clear();
      appendCleaned(line, std::string_view(raw).substr(start, end - start));
      cleaned += strip(line);
      start = end + (raw.compare(end, 2, "\r\n") == 0 ? 2 : 1);
    }
  }
  if (options.tokens_ == TokenKind::Word) return tokenizeWords(cleaned);
  // The cleaned text is ASCII, so characters are bytes.
  std::vector<std::string> chars;
  chars.reserve(cleaned.size());
  for (char c : cleaned) chars.emplace_back(1, c);
  return chars;
}

LMCorpus loadTimeMachine(const std::string &path, const CorpusOptions &options) {
  std::vector<std::string> tokens = loadBookTokens(path, options);
  LMCorpus result{Vocab::build(tokens, options.vocab_), {}};
  result.corpus = result.vocab.encode(tokens);
  return result;
}

} // namespace dlc::rt::text
