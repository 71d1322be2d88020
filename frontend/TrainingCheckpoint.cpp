//===- TrainingCheckpoint.cpp - save a run, resume it exactly -------------===//
#include "frontend/TrainingCheckpoint.h"

#include "frontend/Checkpoint.h"
#include "runtime/io/Safetensors.h"

namespace dlc {

namespace {

constexpr const char *kFormat = "dlc-training-1";

std::map<std::string, std::string> metadataOf(const RunInfo &info) {
  std::map<std::string, std::string> m = info.extra;
  m["dlc.format"] = kFormat;
  m["dlc.model"] = info.model;
  m["dlc.seed"] = std::to_string(info.seed);
  m["dlc.epoch"] = std::to_string(info.position.epoch);
  m["dlc.batch"] = std::to_string(info.position.batch);
  m["dlc.step"] = std::to_string(info.step);
  return m;
}

int64_t integer(const std::string &path, const std::map<std::string, std::string> &m,
                const std::string &key) {
  auto it = m.find(key);
  if (it == m.end())
    throw Error(path + ": not a dlc training checkpoint (its metadata has no '" + key +
                "'); a model-only file can be evaluated but not resumed");
  try {
    size_t used = 0;
    long long v = std::stoll(it->second, &used);
    if (used == it->second.size() && v >= 0) return v;
  } catch (const std::exception &) {
  }
  throw Error(path + ": metadata '" + key + "' is '" + it->second +
              "', not a non-negative integer");
}

RunInfo infoOf(const std::string &path, const std::map<std::string, std::string> &m) {
  RunInfo info;
  auto model = m.find("dlc.model");
  info.model = model == m.end() ? "" : model->second;
  info.seed = uint64_t(integer(path, m, "dlc.seed"));
  info.position.epoch = integer(path, m, "dlc.epoch");
  info.position.batch = integer(path, m, "dlc.batch");
  info.step = integer(path, m, "dlc.step");
  for (auto &[k, v] : m)
    if (k.rfind("dlc.", 0) != 0) info.extra[k] = v;
  return info;
}

} // namespace

std::string trainingStatePath(const std::string &modelPath) {
  const std::string ext = ".safetensors";
  std::string stem = modelPath;
  if (stem.size() > ext.size() && stem.compare(stem.size() - ext.size(), ext.size(), ext) == 0)
    stem.resize(stem.size() - ext.size());
  return stem + ".training" + ext;
}

void saveTrainingCheckpoint(const std::string &path, nn::Module &model, const Trainer &trainer,
                            const RunInfo &info) {
  std::map<std::string, std::string> meta = metadataOf(info);
  // The training state first: a save interrupted between the two leaves the
  // previous model file, whose step no longer matches (resume says so).
  rt::writeSafetensors(trainingStatePath(path), trainer.trainingState(), meta);
  rt::writeSafetensors(path, stateDict(model), meta);
}

RunInfo readRunInfo(const std::string &path) {
  return infoOf(path, rt::readSafetensors(path).metadata);
}

RunInfo resumeTrainingCheckpoint(const std::string &path, nn::Module &model, Trainer &trainer) {
  rt::TensorFile modelFile = rt::readSafetensors(path);
  std::string statePath = trainingStatePath(path);
  rt::TensorFile stateFile = rt::readSafetensors(statePath);
  RunInfo info = infoOf(path, modelFile.metadata);
  RunInfo state = infoOf(statePath, stateFile.metadata);
  if (state.step != info.step || state.position.epoch != info.position.epoch ||
      state.position.batch != info.position.batch)
    throw Error(path + " (step " + std::to_string(info.step) + ") and " + statePath + " (step " +
                std::to_string(state.step) +
                ") are from different saves (a save was interrupted between them); the model "
                "file still evaluates, but the run cannot resume from this pair");
  // Each load checks every name, shape and dtype before changing anything.
  // The training state goes first: a checkpoint of another optimizer or
  // model fails there, before the model's parameters change.
  trainer.loadTrainingState(stateFile.tensors);
  loadStateDict(model, modelFile.tensors, /*strict=*/true);
  return info;
}

} // namespace dlc
