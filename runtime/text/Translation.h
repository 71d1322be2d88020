//===- Translation.h - English-French pairs for seq2seq (d2l 10.5) -*- C++ -*-===//
//
// d2l's machine-translation pipeline over the Tatoeba fra.txt export
// ("English<TAB>French" per line):
//   1. preprocessFra: U+202F and U+00A0 become spaces, lower-case, and a space
//      goes before , . ! ? when the previous character is not a space.
//   2. readParallelCorpus: tokens of each side, split on ' ' (empty tokens
//      dropped, as d2l 1.0 does), at most numExamples pairs.
//   3. Vocabularies with minFreq 2 and reserved <pad> <bos> <eos>, so
//      <unk> = 0, <pad> = 1, <bos> = 2, <eos> = 3 (d2l 0.17's load_data_nmt).
//   4. buildArray: indices + <eos>, truncated or padded with <pad> to
//      numSteps; the valid length counts the non-<pad> entries.
// Where this differs from d2l, on purpose:
//   - numExamples keeps exactly that many pairs; d2l's loop
//     (`if i > num_examples: break`) keeps num_examples + 1 lines. Pass 601
//     to reproduce the book's 600-example vocabularies.
//   - Lines with more than two tab-separated fields (the current Tatoeba
//     export adds an attribution column) use the first two; d2l skips them.
//   - A non-empty line without a tab, or with an empty side, is an error
//     naming the file and line; d2l silently skips or keeps it. Blank lines
//     are skipped.
// The decoder input of teacher forcing is also built: <bos> followed by the
// target shifted right by one (what d2l 0.17's train_seq2seq concatenates,
// and d2l 1.0's tgt_array[:, :-1]).
//
// Example:
//   TranslationData d = loadTranslation("fra.txt",
//       TranslationOptions().numSteps(8).numExamples(600));
//   TranslationBatcher batches(d.arrays, /*batchSize=*/64, /*seed=*/0);
//   for (const TranslationBatch &b : batches.nextEpoch()) ...
//
//===----------------------------------------------------------------------===//
#ifndef DLC_RUNTIME_TEXT_TRANSLATION_H
#define DLC_RUNTIME_TEXT_TRANSLATION_H

#include "runtime/text/Vocab.h"

#include <cstdint>
#include <random>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace dlc::rt::text {

/// Token lists of aligned sentence pairs, without <eos>.
struct ParallelCorpus {
  std::vector<std::vector<std::string>> source;
  std::vector<std::vector<std::string>> target;
};

/// Options of loadTranslation, with chained setters.
struct TranslationOptions {
  int64_t numSteps_ = 8;     ///< length every sentence is padded or cut to
  int64_t numExamples_ = 600; ///< pairs to read; 0 reads them all
  int64_t minFreq_ = 2;      ///< rarer tokens map to <unk>

  TranslationOptions &numSteps(int64_t n) { numSteps_ = n; return *this; }
  TranslationOptions &numExamples(int64_t n) { numExamples_ = n; return *this; }
  TranslationOptions &minFreq(int64_t n) { minFreq_ = n; return *this; }
};

/// d2l's _preprocess / preprocess_nmt of one line: U+202F and U+00A0 become
/// spaces, the text is lower-cased (lowerUtf8), and a space is inserted
/// before each , . ! ? not at the start whose previous character is not ' '.
/// `line` must be valid UTF-8.
std::string preprocessFra(std::string_view line);

/// Parses the tab-separated text of `fileName` (used in errors only): each
/// non-blank line is preprocessed and split into source and target tokens.
/// Stops after `numExamples` pairs (0: no limit). Throws DataError
/// "FILE:LINE: ..." for a line without a tab or with an empty side.
ParallelCorpus parseParallelCorpus(std::string_view text, std::string_view fileName,
                                   int64_t numExamples);

/// readTextFile + parseParallelCorpus: also rejects unreadable, empty and
/// non-UTF-8 files, naming the file (and line).
ParallelCorpus readParallelCorpus(const std::string &path, int64_t numExamples);

/// d2l's truncate_pad: the first numSteps entries of `line`, or `line`
/// followed by `pad` up to numSteps.
std::vector<int64_t> truncatePad(std::span<const int64_t> line, int64_t numSteps, int64_t pad);

/// Padded index arrays of one side of a corpus.
struct SideArrays {
  std::vector<int64_t> tokens;   ///< (numSentences, numSteps) row-major
  std::vector<int32_t> validLen; ///< (numSentences,) non-<pad> entries per row
};

/// d2l's build_array_nmt: each sentence as indices, <eos> appended, then
/// truncatePad with <pad>. `vocab` must hold <pad> and <eos>.
SideArrays buildArray(const std::vector<std::vector<std::string>> &sentences,
                      const Vocab &vocab, int64_t numSteps);

/// The whole data set as arrays.
struct TranslationArrays {
  int64_t numExamples = 0;
  int64_t numSteps = 0;
  std::vector<int64_t> source;        ///< (numExamples, numSteps)
  std::vector<int32_t> sourceValidLen; ///< (numExamples,)
  std::vector<int64_t> target;        ///< (numExamples, numSteps), ends in <eos> unless cut
  std::vector<int32_t> targetValidLen; ///< (numExamples,)
  std::vector<int64_t> decoderInput;  ///< (numExamples, numSteps): <bos>, target[:, :-1]
};

/// Vocabularies plus arrays: d2l's load_data_nmt without the iterator.
struct TranslationData {
  Vocab sourceVocab;
  Vocab targetVocab;
  TranslationArrays arrays;
};

/// Builds vocabularies and arrays from an already tokenized corpus.
/// Throws std::invalid_argument unless numSteps is positive.
TranslationData buildTranslationData(const ParallelCorpus &corpus,
                                     const TranslationOptions &options = {});

/// readParallelCorpus + buildTranslationData.
TranslationData loadTranslation(const std::string &path, const TranslationOptions &options = {});

/// One minibatch of rows of TranslationArrays, in the same layouts with
/// batchSize rows.
struct TranslationBatch {
  int64_t batchSize = 0;
  int64_t numSteps = 0;
  std::vector<int64_t> source;
  std::vector<int32_t> sourceValidLen;
  std::vector<int64_t> target;
  std::vector<int32_t> targetValidLen;
  std::vector<int64_t> decoderInput;
};

/// d2l's load_array(..., is_train=True): a fresh shuffle of the rows every
/// epoch, batches of batchSize rows, the last one smaller when batchSize does
/// not divide the number of examples (PyTorch's drop_last=False).
class TranslationBatcher {
public:
  /// Keeps a reference to `arrays`, which must outlive the batcher. Throws
  /// std::invalid_argument unless batchSize is positive.
  TranslationBatcher(const TranslationArrays &arrays, int64_t batchSize, uint64_t seed);
  /// A temporary would dangle: keep the TranslationData alive instead.
  TranslationBatcher(TranslationArrays &&, int64_t, uint64_t) = delete;

  /// All minibatches of the next epoch.
  std::vector<TranslationBatch> nextEpoch();

private:
  const TranslationArrays &arrays_;
  int64_t batchSize_;
  std::mt19937_64 rng_;
};

} // namespace dlc::rt::text

#endif // DLC_RUNTIME_TEXT_TRANSLATION_H
