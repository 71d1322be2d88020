//===- BleuCommand.cpp - `dlc bleu`: score translations from files --------===//

#include "runtime/text/BleuCommand.h"

#include "runtime/data/DataError.h"
#include "runtime/text/Bleu.h"
#include "runtime/text/Corpus.h"
#include "runtime/text/TextFile.h"

#include <charconv>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

namespace dlc::tools {

namespace {

using namespace dlc::rt::text;

constexpr const char *kUsage =
    "usage: dlc bleu REFERENCE_FILE HYPOTHESIS_FILE [--sentence] [--k N]\n"
    "\n"
    "Scores HYPOTHESIS_FILE against REFERENCE_FILE: one sentence per line,\n"
    "tokens separated by whitespace, line i of each file aligned.\n"
    "\n"
    "By default prints corpus BLEU-4 on a 0-100 scale (NLTK corpus_bleu,\n"
    "no smoothing, times 100).\n"
    "\n"
    "options:\n"
    "  --sentence  print d2l's sentence BLEU (0-1 scale) of every line instead\n"
    "  --k N       largest n-gram order of --sentence (default 2)\n"
    "  --help      show this message\n"
    "\n"
    "exit status: 0 success, 1 unusable input file, 2 usage error\n";

struct Options {
  std::string reference, hypothesis;
  bool sentence = false;
  int k = 2;
  bool kGiven = false;
  bool help = false;
};

void printError(const std::string &message) {
  fmt::print(stderr, "dlc bleu: error: {}\n", message);
}

std::optional<int> parsePositive(std::string_view text) {
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < 1) return std::nullopt;
  return value;
}

/// Parses the arguments after "bleu"; on failure returns the message.
std::optional<std::string> parseArgs(int argc, char **argv, Options &opts) {
  std::vector<std::string> positional;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      opts.help = true;
    } else if (arg == "--sentence") {
      opts.sentence = true;
    } else if (arg == "--k" || arg.starts_with("--k=")) {
      std::string_view value;
      if (arg == "--k") {
        if (i + 1 == argc) return "--k needs a value";
        value = argv[++i];
      } else {
        value = arg.substr(4);
      }
      auto k = parsePositive(value);
      if (!k) return fmt::format("--k expects a positive integer, got '{}'", value);
      opts.k = *k;
      opts.kGiven = true;
    } else if (arg.starts_with("-") && arg != "-") {
      return fmt::format("unknown option '{}'", arg);
    } else {
      positional.emplace_back(arg);
    }
  }
  if (opts.help) return std::nullopt;
  if (positional.size() != 2)
    return fmt::format("expected REFERENCE_FILE and HYPOTHESIS_FILE, got {} file argument{}",
                       positional.size(), positional.size() == 1 ? "" : "s");
  if (opts.kGiven && !opts.sentence)
    return std::string("--k only applies to --sentence (corpus BLEU is always BLEU-4)");
  opts.reference = positional[0];
  opts.hypothesis = positional[1];
  return std::nullopt;
}

/// Whitespace tokens of every line of `path`.
std::vector<std::vector<std::string>> readSentences(const std::string &path) {
  std::string text = dlc::rt::text::readTextFile(path);
  std::vector<std::vector<std::string>> sentences;
  for (std::string_view line : splitLines(text)) sentences.push_back(tokenizeWords(line));
  return sentences;
}

} // namespace

int runBleuCommand(int argc, char **argv) {
  Options opts;
  if (auto error = parseArgs(argc, argv, opts)) {
    printError(*error);
    fmt::print(stderr, "{}", kUsage);
    return 2;
  }
  if (opts.help) {
    fmt::print("{}", kUsage);
    return 0;
  }
  try {
    auto refs = readSentences(opts.reference);
    auto hyps = readSentences(opts.hypothesis);
    if (refs.size() != hyps.size())
      throw dlc::rt::DataError(fmt::format("{} has {} lines but {} has {}", opts.reference,
                                           refs.size(), opts.hypothesis, hyps.size()));
    if (opts.sentence) {
      std::string out;
      for (size_t i = 0; i < refs.size(); ++i)
        out += fmt::format("{:.6f}\n", sentenceBleu(hyps[i], refs[i], opts.k));
      fmt::print("{}", out);
    } else {
      CorpusBleu bleu;
      for (size_t i = 0; i < refs.size(); ++i) bleu.add(hyps[i], refs[i]);
      fmt::print("{:.6f}\n", 100.0 * bleu.score());
    }
    std::fflush(stdout);
  } catch (const dlc::rt::DataError &e) {
    printError(e.what());
    return 1;
  }
  return 0;
}

} // namespace dlc::tools
