//===- Command.cpp - the registry of dlc subcommands ----------------------===//
#include "tools/dlc/Command.h"

#include <utility>
#include <vector>

namespace dlc::tools {

/// Function-local so registration from other files' static initialisers
/// never runs before it exists.
static std::vector<std::pair<llvm::cl::SubCommand *, CommandFn>> &registry() {
  static std::vector<std::pair<llvm::cl::SubCommand *, CommandFn>> commands;
  return commands;
}

RegisterCommand::RegisterCommand(llvm::cl::SubCommand &sub, CommandFn fn) {
  registry().emplace_back(&sub, fn);
}

CommandFn chosenCommand() {
  for (auto &[sub, fn] : registry())
    if (*sub) return fn; // SubCommand's bool: chosen by the last parse
  return nullptr;
}

} // namespace dlc::tools
