//===- Checkpoint.cpp - a module's state dict, in memory and on disk ------===//
#include "frontend/Checkpoint.h"

#include "frontend/Error.h"
#include "runtime/io/Safetensors.h"

#include <cstring>

namespace dlc {

namespace {

/// A parameter's or buffer's tensor by dotted name, in the module's order.
struct Slot {
  std::string name;
  rt::HostTensor *value;
};

std::vector<Slot> slotsOf(nn::Module &module) {
  std::vector<Slot> out;
  for (auto &[name, p] : module.namedParameters()) out.push_back({name, &p->value});
  for (auto &[name, b] : module.namedBuffers()) out.push_back({name, &b->value});
  return out;
}

std::string joined(const std::vector<std::string> &names) {
  std::string out;
  for (const std::string &n : names) out += (out.empty() ? "" : ", ") + ("'" + n + "'");
  return out;
}

} // namespace

StateDict stateDict(nn::Module &module) {
  StateDict out;
  for (const Slot &s : slotsOf(module)) out.emplace(s.name, s.value->clone());
  return out;
}

LoadResult loadStateDict(nn::Module &module, const StateDict &state, bool strict,
                         const std::string &source) {
  std::vector<Slot> slots = slotsOf(module);
  LoadResult result;
  std::vector<std::string> mismatched;
  std::map<std::string, const Slot *> byName;
  for (const Slot &s : slots) {
    byName.emplace(s.name, &s);
    auto it = state.find(s.name);
    if (it == state.end()) {
      result.missing.push_back(s.name);
      continue;
    }
    const rt::HostTensor &from = it->second;
    if (from.empty()) {
      mismatched.push_back("'" + s.name + "' has no storage");
    } else if (from.dtype() != s.value->dtype() || from.shape() != s.value->shape()) {
      mismatched.push_back("'" + s.name + "' is " + from.typeString() + ", the model's is " +
                           s.value->typeString());
    }
  }
  for (const auto &[name, t] : state)
    if (!byName.count(name)) result.unexpected.push_back(name);

  std::string problems;
  auto add = [&](const std::string &p) { problems += (problems.empty() ? "" : "; ") + p; };
  if (strict && !result.missing.empty()) add("missing keys: " + joined(result.missing));
  if (strict && !result.unexpected.empty()) add("unexpected keys: " + joined(result.unexpected));
  for (const std::string &m : mismatched) add(m);
  if (!problems.empty())
    throw Error(source + ": cannot load into " + module.description() + " (" +
                module.site().str() + "), nothing was changed: " + problems);

  for (const Slot &s : slots) {
    auto it = state.find(s.name);
    if (it != state.end()) std::memcpy(s.value->data(), it->second.data(), s.value->sizeInBytes());
  }
  return result;
}

void save(nn::Module &module, const std::string &path,
          const std::map<std::string, std::string> &metadata) {
  StateDict state;
  // Handles, not copies: the file is written before anything can change them.
  for (const Slot &s : slotsOf(module)) state.emplace(s.name, *s.value);
  rt::writeSafetensors(path, state, metadata);
}

LoadResult load(nn::Module &module, const std::string &path, bool strict) {
  rt::TensorFile file = rt::readSafetensors(path);
  return loadStateDict(module, file.tensors, strict, path);
}

} // namespace dlc
