//===- bleu_tool_main.cpp - `dlc bleu` as a standalone test executable ----===//
//
// The NLTK cross-check (nltk_bleu_check.py) runs this instead of the full
// `dlc` driver, so runtime-only builds can run it too.
//
//===----------------------------------------------------------------------===//

#include "runtime/text/BleuCommand.h"

#include <string>
#include <vector>

int main(int argc, char **argv) {
  // argv[0] becomes "bleu", as the dlc driver passes it.
  std::string name = "bleu";
  std::vector<char *> args(argv, argv + argc);
  args[0] = name.data();
  return dlc::tools::runBleuCommand(argc, args.data());
}
