//===- Command.cpp - dlc's subcommand registry ----------------------------===//
#include "tools/dlc/Command.h"

namespace dlc::tools {

/// A function-local static: registrations run during static initialisation
/// of other files, in an unspecified order.
static std::vector<CommandEntry> &registry() {
  static std::vector<CommandEntry> commands;
  return commands;
}

RegisterCommand::RegisterCommand(llvm::cl::SubCommand &sub, CommandFn fn) {
  registry().push_back({&sub, fn});
}

const std::vector<CommandEntry> &registeredCommands() { return registry(); }

} // namespace dlc::tools
