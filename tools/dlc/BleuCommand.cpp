//===- BleuCommand.cpp - dlc bleu: score translations from files ----------===//
//
//   dlc bleu REFERENCE HYPOTHESIS [--sentence] [--k N]
//
// The command line only; the scoring is runtime/text's bleuReport
// (BleuReport.h). Either file (not both) may be `-`, standard input.
//
//===----------------------------------------------------------------------===//
#include "tools/dlc/ArgChecks.h"
#include "tools/dlc/Command.h"

#include "frontend/Error.h"
#include "runtime/text/BleuReport.h"
#include "runtime/text/TextFile.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/raw_ostream.h"

namespace cl = llvm::cl;

namespace dlc::tools {
namespace {

cl::SubCommand BleuCmd("bleu", "corpus BLEU-4 (0-100) of HYPOTHESIS against REFERENCE, or "
                              "d2l's sentence BLEU per line; aligned lines, either file may be -");

cl::opt<std::string> reference(cl::Positional, cl::Required, cl::desc("<REFERENCE>"),
                               cl::sub(BleuCmd));
cl::opt<std::string> hypothesis(cl::Positional, cl::Required, cl::desc("<HYPOTHESIS>"),
                                cl::sub(BleuCmd));
cl::opt<bool> sentence("sentence",
                       cl::desc("print d2l's sentence BLEU (0-1 scale) of every line instead"),
                       cl::sub(BleuCmd));
cl::opt<int> k("k", cl::desc("largest n-gram order of --sentence"), cl::init(2),
               cl::sub(BleuCmd));

/// The text of `path`, or of standard input for "-".
std::string readInput(const std::string &path) {
  return path == "-" ? rt::text::readStandardInput() : rt::text::readTextFile(path);
}

int runBleu() {
  if (k.getNumOccurrences() && !sentence)
    throw Error("--k only applies to --sentence (corpus BLEU is always BLEU-4)");
  requirePositive("k", k);
  if (reference == "-" && hypothesis == "-")
    throw Error("only one of REFERENCE and HYPOTHESIS can be - (standard input)");
  std::string refs = readInput(reference), hyps = readInput(hypothesis);
  const std::string refName = reference == "-" ? "<stdin>" : reference.getValue();
  const std::string hypName = hypothesis == "-" ? "<stdin>" : hypothesis.getValue();
  llvm::outs() << rt::text::bleuReport({refs, refName}, {hyps, hypName},
                                       {.sentence = sentence, .k = k});
  return 0;
}

RegisterCommand reg(BleuCmd, &runBleu);

} // namespace
} // namespace dlc::tools
