//===- bleu_tool_main.cpp - corpus BLEU of two files, for the NLTK check --===//
//
//   dlc-bleu-tool REFERENCE_FILE HYPOTHESIS_FILE
//
// The NLTK cross-check (nltk_bleu_check.py) runs this instead of the full
// `dlc` driver, so runtime-only builds can run it too. It prints exactly
// what `dlc bleu REFERENCE_FILE HYPOTHESIS_FILE` prints.
//
//===----------------------------------------------------------------------===//

#include "runtime/data/DataError.h"
#include "runtime/text/BleuReport.h"
#include "runtime/text/TextFile.h"

#include <fmt/format.h>

#include <string>

int main(int argc, char **argv) {
  using namespace dlc::rt::text;
  if (argc != 3) {
    fmt::print(stderr, "usage: dlc-bleu-tool REFERENCE_FILE HYPOTHESIS_FILE\n");
    return 2;
  }
  try {
    std::string refPath = argv[1], hypPath = argv[2];
    std::string refs = readTextFile(refPath), hyps = readTextFile(hypPath);
    fmt::print("{}", bleuReport({refs, refPath}, {hyps, hypPath}, {}));
  } catch (const dlc::rt::DataError &e) {
    fmt::print(stderr, "dlc-bleu-tool: error: {}\n", e.what());
    return 1;
  }
  return 0;
}
