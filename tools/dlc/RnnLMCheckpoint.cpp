//===- RnnLMCheckpoint.cpp - an RnnLM with its vocabulary in one file ------===//
#include "tools/dlc/RnnLMCheckpoint.h"

#include "frontend/Checkpoint.h"
#include "frontend/Error.h"
#include "runtime/io/Safetensors.h"

namespace dlc::tools {

namespace {

std::string joinTokens(const std::vector<std::string> &tokens) {
  std::string out;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (i) out += '\n';
    for (char c : tokens[i]) {
      if (c == '\\') out += "\\\\";
      else if (c == '\n') out += "\\n";
      else out += c;
    }
  }
  return out;
}

std::vector<std::string> splitTokens(const std::string &s, const std::string &path) {
  std::vector<std::string> out(1);
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\n') {
      out.emplace_back();
    } else if (s[i] == '\\') {
      if (i + 1 >= s.size() || (s[i + 1] != '\\' && s[i + 1] != 'n'))
        throw Error(path + ": metadata 'rnnlm.vocab' has a bad escape at offset " +
                    std::to_string(i));
      out.back() += s[++i] == 'n' ? '\n' : '\\';
    } else {
      out.back() += s[i];
    }
  }
  return out;
}

} // namespace

void saveRnnLM(const std::string &path, zoo::RnnLM &model, const rt::text::Vocab &vocab,
               const std::map<std::string, std::string> &extra) {
  std::map<std::string, std::string> meta = extra;
  for (auto &[k, v] : model.metadata()) meta[k] = v;
  meta["dlc.model"] = "rnnlm";
  meta["rnnlm.vocab"] = joinTokens(vocab.tokens());
  meta["rnnlm.unk"] = vocab.unk() >= 0 ? vocab.token(vocab.unk()) : "";
  save(model, path, meta);
}

LoadedRnnLM loadRnnLM(const std::string &path) {
  rt::TensorFile file = rt::readSafetensors(path);
  auto it = file.metadata.find("dlc.model");
  if (it == file.metadata.end() || it->second != "rnnlm")
    throw Error(path + " is not an rnnlm checkpoint (its metadata has no dlc.model = rnnlm; "
                       "write one with `dlc train rnnlm --save FILE`)");
  zoo::RnnLMOptions o = zoo::RnnLM::optionsFromMetadata(file.metadata, path);
  auto vocabIt = file.metadata.find("rnnlm.vocab");
  auto unkIt = file.metadata.find("rnnlm.unk");
  if (vocabIt == file.metadata.end() || unkIt == file.metadata.end())
    throw Error(path + ": not an RnnLM checkpoint: its metadata lacks 'rnnlm.vocab' or 'rnnlm.unk'");
  LoadedRnnLM out;
  try {
    out.vocab = rt::text::Vocab::fromTokens(splitTokens(vocabIt->second, path), unkIt->second);
  } catch (const std::invalid_argument &e) {
    throw Error(path + ": metadata 'rnnlm.vocab': " + e.what());
  }
  if (int64_t(out.vocab.size()) != o.vocabSize)
    throw Error(path + ": metadata 'rnnlm.vocab' holds " + std::to_string(out.vocab.size()) +
                " tokens but rnnlm.vocab_size is " + std::to_string(o.vocabSize));
  out.model = std::make_unique<zoo::RnnLM>(o);
  loadStateDict(*out.model, file.tensors, /*strict=*/true, path);
  out.metadata = std::move(file.metadata);
  return out;
}

} // namespace dlc::tools
