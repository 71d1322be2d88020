//===- Checkpoint.h - a module's state dict, in memory and on disk -*- C++ -*-===//
//
// A module's state dict is its parameters and buffers by dotted name, the
// keys PyTorch's state_dict() uses ("0.weight", "3.bias"), so a dlc
// checkpoint loads into the same model written in PyTorch and back.
// On disk it is a safetensors file (runtime/io/Safetensors.h), written
// atomically.
//
// Loading checks everything before it changes anything: every key names a
// parameter or buffer, its element type and shape match, and (strict, the
// default) no key is missing or unexpected. All problems are reported
// together, each naming the key. Only then are the values copied into the
// module's existing storage, so buffers the Trainer or compiled code hold
// stay valid. Non-strict loading ignores missing and unexpected keys (and
// returns them) but still rejects mismatched types and shapes, as PyTorch's
// load_state_dict(strict=False) does.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "frontend/nn/Module.h"
#include "runtime/core/HostTensor.h"

#include <map>
#include <string>
#include <vector>

namespace dlc {

using StateDict = std::map<std::string, rt::HostTensor>;

/// Keys that load/loadStateDict did not use (strict=false), as PyTorch's
/// load_state_dict returns them.
struct LoadResult {
  std::vector<std::string> missing;    ///< the module's keys the state dict lacks
  std::vector<std::string> unexpected; ///< the state dict's keys the module lacks
};

/// A snapshot (deep copy) of the module's parameters and buffers by dotted
/// name.
StateDict stateDict(nn::Module &module);

/// Copies `state` into the module's parameters and buffers after checking
/// it (see the header comment). Throws dlc::Error listing every problem;
/// the module is unchanged then. `source` names the state in errors (a path).
LoadResult loadStateDict(nn::Module &module, const StateDict &state, bool strict = true,
                         const std::string &source = "state dict");

/// Writes the module's state dict to a safetensors file, atomically.
/// Throws rt::DataError naming `path`.
void save(nn::Module &module, const std::string &path,
          const std::map<std::string, std::string> &metadata = {});

/// Reads a safetensors file and loads it as loadStateDict does. Throws
/// rt::DataError for an unreadable or malformed file, dlc::Error (naming
/// `path`) for a state that does not fit the module.
LoadResult load(nn::Module &module, const std::string &path, bool strict = true);

} // namespace dlc
