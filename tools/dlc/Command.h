//===- Command.h - dlc's subcommands register themselves ---------*- C++ -*-===//
//
// Each subcommand lives in its own file under tools/dlc/ with file-static
// options bound to its own llvm::cl::SubCommand (`cl::sub(Cmd)`), so
// `dlc train --help` lists only train's options and a flag of another
// subcommand is an error. The file registers its entry point:
//
//   static cl::SubCommand TrainCmd("train", "train a zoo model on Fashion-MNIST");
//   static cl::opt<int64_t> epochs("epochs", cl::sub(TrainCmd), ...);
//   static int runTrain() { ... }
//   static RegisterCommand reg(TrainCmd, &runTrain);
//
// dlc.cpp parses the command line, finds the chosen subcommand among the
// registered ones and calls its function inside one try/catch that prints
// `dlc: error: ...` and returns 1.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "llvm/Support/CommandLine.h"

#include <vector>

namespace dlc::tools {

/// A subcommand's entry point: runs after option parsing; returns the exit code.
using CommandFn = int (*)();

/// Static registration: `static RegisterCommand reg(RunCmd, &runRun);`
struct RegisterCommand {
  RegisterCommand(llvm::cl::SubCommand &sub, CommandFn fn);
};

/// A registered subcommand.
struct CommandEntry {
  llvm::cl::SubCommand *sub;
  CommandFn fn;
};

/// Every subcommand registered so far, in registration order.
const std::vector<CommandEntry> &registeredCommands();

} // namespace dlc::tools
