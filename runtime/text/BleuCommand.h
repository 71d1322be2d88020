//===- BleuCommand.h - `dlc bleu`: score translations from files -*- C++ -*-===//
//
//   dlc bleu REFERENCE_FILE HYPOTHESIS_FILE [--sentence] [--k N]
//
// Both files hold one sentence per line, tokenized on whitespace, line i of
// one aligned with line i of the other. Prints the corpus BLEU-4 (NLTK's
// corpus_bleu, see Bleu.h) on a 0-100 scale like sacrebleu, as one number on
// its own line. With --sentence, prints instead d2l's sentence BLEU (0-1
// scale, as the book prints it) of every line, with n-grams up to --k
// (default 2).
//
//===----------------------------------------------------------------------===//
#ifndef DLC_RUNTIME_TEXT_BLEUCOMMAND_H
#define DLC_RUNTIME_TEXT_BLEUCOMMAND_H

namespace dlc::tools {

/// Runs `dlc bleu`. argv[0] is "bleu", the rest the user's arguments.
/// Returns 0 on success, 1 when a file cannot be used (unreadable, not
/// UTF-8, different line counts), 2 on a usage error. Errors go to stderr as
/// "dlc bleu: error: ...".
int runBleuCommand(int argc, char **argv);

} // namespace dlc::tools

#endif // DLC_RUNTIME_TEXT_BLEUCOMMAND_H
