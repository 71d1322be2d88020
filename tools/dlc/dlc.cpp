//===- dlc.cpp - the dlc compiler driver ----------------------------------===//
//
//   dlc train lenet [--epochs N] [--batch-size B] [--lr F] [--data DIR] ...
//   dlc compile lenet|FILE.mlir --emit=dl|grad|linalg|llvm|llvm-ir [--train]
//   dlc summary lenet                     (layers, output shapes, parameters)
//   dlc bench lenet [--num-threads T] [--iters N]
//   dlc bleu REFERENCE HYPOTHESIS [--sentence] [--k N]
//   dlc plot METRICS.jsonl [-o curves.svg]  (training curves as SVG)
//
// Each subcommand is an llvm::cl::SubCommand in its own file that registers
// itself (Command.h); this file only parses, dispatches and reports errors.
// Standard MLIR flags (--mlir-print-ir-after-all, --mlir-timing, ...) apply
// to every subcommand that compiles.
//
//===----------------------------------------------------------------------===//
#include "tools/dlc/Command.h"
#include "tools/dlc/Output.h"
#include "tools/dlc/Version.h"

#include "passes/Passes.h"

#include "mlir/IR/AsmState.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Support/Timing.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <new>

namespace cl = llvm::cl;
using dlc::tools::CommandEntry;

namespace {

/// Subcommands that never build a pass pipeline: MLIR's flags are errors there.
constexpr llvm::StringLiteral kNonCompilingCommands[] = {"bleu", "plot", "summary"};

/// MLIR registers its flags (--mlir-print-ir-after-all, --mlir-timing, ...)
/// in the top-level command, which llvm::cl does not consult once a
/// subcommand is chosen: re-register them in every subcommand that compiles,
/// hidden (they are listed by `dlc compile --help-hidden`).
void moveMlirOptionsToSubcommands(llvm::ArrayRef<CommandEntry> commands) {
  llvm::SmallVector<cl::Option *> mlirOptions;
  for (auto &entry : cl::getRegisteredOptions(cl::SubCommand::getTopLevel()))
    if (entry.first.starts_with("mlir-") && !llvm::is_contained(mlirOptions, entry.second))
      mlirOptions.push_back(entry.second);
  for (cl::Option *option : mlirOptions) {
    option->removeArgument();
    option->Subs.clear();
    for (const CommandEntry &c : commands)
      if (!llvm::is_contained(kNonCompilingCommands, c.sub->getName()))
        option->addSubCommand(*c.sub);
    if (option->getOptionHiddenFlag() == cl::NotHidden) option->setHiddenFlag(cl::Hidden);
    option->addArgument();
  }
}

std::string commandNames(llvm::ArrayRef<CommandEntry> commands) {
  std::vector<std::string> names;
  for (const CommandEntry &c : commands) names.push_back(c.sub->getName().str());
  std::sort(names.begin(), names.end());
  return llvm::join(names, ", ");
}

} // namespace

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  const std::vector<CommandEntry> &commands = dlc::tools::registeredCommands();

  // Passes first: --mlir-print-ir-after=<pass> parses pass names.
  dlc::registerAllDlcPasses();
  mlir::registerAsmPrinterCLOptions();
  mlir::registerMLIRContextCLOptions();
  mlir::registerPassManagerCLOptions();
  mlir::registerDefaultTimingManagerCLOptions();
  moveMlirOptionsToSubcommands(commands);

  // Without a subcommand only --help and --version apply; a first word that
  // names no subcommand lands here.
  cl::OptionCategory topCategory("dlc options");
  cl::list<std::string> stray(cl::Positional, cl::desc("<command> [options]"),
                              cl::cat(topCategory), cl::sub(cl::SubCommand::getTopLevel()));
  // libLLVM registers hundreds of flags in the top-level command: hide them.
  cl::HideUnrelatedOptions(topCategory);
  cl::SetVersionPrinter(
      [](llvm::raw_ostream &os) { os << "dlc version " << dlc::tools::kVersion << "\n"; });
  // The overview heads every subcommand's --help too: nothing command-specific.
  cl::ParseCommandLineOptions(argc, argv,
                              "dlc: compile and train deep-learning models written in C++\n\n"
                              "`dlc COMMAND --help` lists a command's options. The standard MLIR\n"
                              "flags apply to every command that compiles: "
                              "--mlir-print-ir-after-all,\n"
                              "--mlir-timing, --mlir-print-debuginfo, "
                              "--mlir-pass-pipeline-crash-reproducer=FILE\n"
                              "(see `dlc compile --help-hidden`).\n");

  auto chosen = llvm::find_if(commands, [](const CommandEntry &c) { return bool(*c.sub); });
  if (chosen == commands.end()) {
    if (stray.empty())
      llvm::errs() << "dlc: error: no command given (expected one of " << commandNames(commands)
                   << "; see dlc --help)\n";
    else
      llvm::errs() << "dlc: error: unknown command '" << stray.front() << "' (expected one of "
                   << commandNames(commands) << ")\n";
    return 1;
  }
  try {
    int code = chosen->fn();
    dlc::tools::flushStandardOutput();
    return code;
  } catch (const std::bad_alloc &) {
    llvm::errs() << "dlc: error: out of memory (a batch size or data set too large for this "
                    "machine?)\n";
  } catch (const std::exception &e) {
    llvm::errs() << "dlc: error: " << e.what() << "\n";
  }
  // Whatever the command printed before failing still goes out (or is lost
  // quietly: the error above is the one to report).
  try {
    dlc::tools::flushStandardOutput();
  } catch (const std::exception &) {
  }
  return 1;
}
