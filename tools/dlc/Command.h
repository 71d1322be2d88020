//===- Command.h - how a dlc subcommand registers itself --------*- C++ -*-===//
//
// Each subcommand lives in its own file with file-static options bound to
// its own llvm::cl::SubCommand (`cl::sub(RunCmd)`), so `dlc run --help`
// lists only run's options and flags of another subcommand are errors. It
// registers its entry point here; dlc.cpp parses the command line, finds the
// chosen subcommand and calls its function inside one try/catch that prints
// `dlc: error: ...` and returns 1.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "llvm/Support/CommandLine.h"

namespace dlc::tools {

/// A subcommand's entry point: runs after option parsing; returns the exit code.
using CommandFn = int (*)();

/// Static registration: `static RegisterCommand reg(RunCmd, &runRun);`
struct RegisterCommand {
  RegisterCommand(llvm::cl::SubCommand &sub, CommandFn fn);
};

/// The entry point of the subcommand the parsed command line chose, or
/// nullptr when none of the registered ones was chosen.
CommandFn chosenCommand();

} // namespace dlc::tools
