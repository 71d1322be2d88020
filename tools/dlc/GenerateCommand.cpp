//===- GenerateCommand.cpp - dlc generate: continue a text with a language model ===//
//
//   dlc generate rnnlm --checkpoint FILE [--prefix "time traveller"] [--tokens 50]
//
// d2l's predict_ch8: rebuilds the model and vocabulary saved by
// `dlc train rnnlm --save FILE`, warms the state up on the prefix (cleaned
// as the training text was: letters lower-cased, anything else a space),
// then appends --tokens greedy (argmax) predictions, one character per
// step at batch 1, and prints prefix + continuation on one line.
//
//===----------------------------------------------------------------------===//
#include "tools/dlc/ArgChecks.h"
#include "tools/dlc/Command.h"
#include "tools/dlc/JitFlags.h"
#include "tools/dlc/RnnLMCheckpoint.h"

#include "backends/cpu/JitOptions.h"
#include "frontend/zoo/RnnLMLoop.h"
#include "runtime/text/Corpus.h"

#include "llvm/Support/CommandLine.h"

#include <algorithm>
#include <cstdio>

namespace cl = llvm::cl;

namespace dlc::tools {
namespace {

cl::SubCommand GenerateCmd("generate", "continue a text with a language model saved by "
                                       "`dlc train rnnlm --save FILE`");
cl::OptionCategory jitCategory("JIT options (docs/jit.md)");
JitFlags jitFlags(GenerateCmd, jitCategory);

cl::opt<std::string> model(cl::Positional, cl::Required, cl::desc("<model: rnnlm>"),
                           cl::sub(GenerateCmd));
cl::opt<std::string> checkpoint("checkpoint", cl::Required,
                                cl::desc("the model saved by dlc train rnnlm --save"),
                                cl::value_desc("FILE"), cl::sub(GenerateCmd));
cl::opt<std::string> prefix("prefix", cl::desc("the text to continue"),
                            cl::init("time traveller"), cl::sub(GenerateCmd));
cl::opt<int64_t> tokens("tokens", cl::desc("characters to generate"), cl::init(50),
                        cl::sub(GenerateCmd));

int runGenerate() {
  if (model != "rnnlm")
    throw Error("dlc generate knows the model rnnlm, not '" + std::string(model) + "'");
  requireNonNegative("tokens", tokens);
  std::string cleaned = rt::text::cleanText(prefix);
  if (std::none_of(cleaned.begin(), cleaned.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
    throw Error("--prefix '" + std::string(prefix) +
                "' has no usable characters (letters are kept, anything else becomes a space)");
  LoadedRnnLM lm = loadRnnLM(checkpoint);
  cpu::setDefaultJitOptions(jitFlags.options());
  lm.model->eval();
  Evaluator evaluator(*lm.model, zoo::rnnLMTrainerOptions(*lm.model, 1, 1));
  std::vector<int64_t> ids = lm.vocab.encode(rt::text::tokenizeChars(cleaned));
  std::vector<int64_t> out = zoo::generateRnnLM(evaluator, *lm.model, ids, tokens);
  std::string text;
  for (const std::string &t : lm.vocab.decode(out)) text += t;
  std::printf("%s\n", text.c_str());
  return 0;
}

RegisterCommand reg(GenerateCmd, &runGenerate);

} // namespace
} // namespace dlc::tools
