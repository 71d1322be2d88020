//===- Vocab.h - Token <-> index vocabulary (d2l's Vocab) -------*- C++ -*-===//
//
// d2l 0.17's Vocab: index 0 is <unk>, then the reserved tokens in the order
// given, then every other token whose count is at least minFreq, most
// frequent first. Ties keep first-appearance order, which is what Python's
// stable sorted() over a Counter (insertion-ordered) yields, so indices
// match the book's. d2l 1.0 instead sorts the whole vocabulary
// lexicographically; VocabOrder::Lexicographic reproduces that.
//
// Example:
//   std::vector<std::string> tokens = {"b", "a", "b", "c"};
//   Vocab v = Vocab::build(tokens, VocabOptions().minFreq(1).reserved({"<pad>"}));
//   // v.tokens() == {"<unk>", "<pad>", "b", "a", "c"}; v["zzz"] == 0
//
//===----------------------------------------------------------------------===//
#ifndef DLC_RUNTIME_TEXT_VOCAB_H
#define DLC_RUNTIME_TEXT_VOCAB_H

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace dlc::rt::text {

/// How the non-reserved tokens are ordered.
enum class VocabOrder {
  Frequency,     ///< d2l 0.17: <unk>, reserved, then by count, ties by first appearance
  Lexicographic, ///< d2l 1.0: everything (including <unk>, reserved) sorted by code point
};

/// Options for Vocab::build, with chained setters.
struct VocabOptions {
  int64_t minFreq_ = 0;
  std::vector<std::string> reserved_;
  std::string unk_ = "<unk>";
  VocabOrder order_ = VocabOrder::Frequency;

  /// Tokens seen fewer than `n` times map to <unk> (d2l's min_freq).
  VocabOptions &minFreq(int64_t n) { minFreq_ = n; return *this; }
  /// Tokens placed right after <unk>, in this order (d2l's reserved_tokens).
  VocabOptions &reserved(std::vector<std::string> tokens) { reserved_ = std::move(tokens); return *this; }
  /// Name of the unknown token; "" builds a vocabulary without one, whose
  /// lookups of unknown tokens throw.
  VocabOptions &unk(std::string token) { unk_ = std::move(token); return *this; }
  VocabOptions &order(VocabOrder o) { order_ = o; return *this; }
};

/// A bidirectional token <-> index map.
class Vocab {
public:
  /// Counts `tokens` and builds the vocabulary. Throws std::invalid_argument
  /// when a reserved token repeats or equals the unknown token.
  static Vocab build(std::span<const std::string> tokens, const VocabOptions &options = {});
  /// Same, over sentences (d2l flattens a list of lists before counting).
  static Vocab build(const std::vector<std::vector<std::string>> &sentences,
                     const VocabOptions &options = {});
  /// Builds from tokens already in index order (no counting); `unk` must be
  /// one of them or "". Throws std::invalid_argument on duplicates.
  static Vocab fromTokens(std::vector<std::string> tokens, std::string unk = "<unk>");

  size_t size() const { return idxToToken_.size(); }
  /// Index of the unknown token, or -1 when the vocabulary has none.
  int64_t unk() const { return unk_; }
  /// Index of `token`; the unknown token's index when absent. Throws
  /// std::out_of_range when absent and there is no unknown token.
  int64_t operator[](std::string_view token) const;
  /// Index of `token`, or nullopt when absent.
  std::optional<int64_t> find(std::string_view token) const;
  /// Token at `index`; throws std::out_of_range outside [0, size()).
  const std::string &token(int64_t index) const;
  /// All tokens in index order.
  const std::vector<std::string> &tokens() const { return idxToToken_; }
  /// (token, count) over the counted input, most frequent first, ties in
  /// first-appearance order (d2l's token_freqs). Empty after load().
  const std::vector<std::pair<std::string, int64_t>> &tokenFreqs() const { return tokenFreqs_; }

  /// Maps tokens to indices with operator[].
  std::vector<int64_t> encode(std::span<const std::string> tokens) const;
  /// Maps indices back to tokens with token().
  std::vector<std::string> decode(std::span<const int64_t> indices) const;

  /// Writes the vocabulary to `path`: a header line "#dlc-vocab v1 unk=<t>",
  /// then one token per line in index order, with '\\', tab, CR and newline
  /// escaped as \\ \t \r \n. Throws DataError when the file cannot be written.
  void save(const std::string &path) const;
  /// Reads a file written by save(). Throws DataError naming the file and
  /// line on a bad header, a bad escape, an empty or duplicate token, or an
  /// unknown token that is not in the list.
  static Vocab load(const std::string &path);

private:
  /// Hash accepting std::string_view so lookups need not allocate.
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };

  void index(); // fills tokenToIdx_ and unk_ from idxToToken_ and unkToken_

  std::vector<std::string> idxToToken_;
  std::unordered_map<std::string, int64_t, Hash, std::equal_to<>> tokenToIdx_;
  std::vector<std::pair<std::string, int64_t>> tokenFreqs_;
  std::string unkToken_;
  int64_t unk_ = -1;
};

} // namespace dlc::rt::text

#endif // DLC_RUNTIME_TEXT_VOCAB_H
