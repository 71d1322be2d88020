//===- RnnLMCheckpoint.h - an RnnLM with its vocabulary in one file -*- C++ -*-===//
//
// `dlc train rnnlm --save FILE` writes the model's state dict (PyTorch's
// names: rnn.weight_ih_l0, ..., linear.bias) as safetensors, and in its
// __metadata__ string map everything `dlc generate` needs to rebuild it:
//   dlc.model = "rnnlm", rnnlm.cell / vocab_size / hidden / layers (RnnLM),
//   rnnlm.vocab = the tokens in index order joined by '\n' ('\\' and '\n'
//   escaped as \\ and \n), rnnlm.unk = the unknown token ("" for none),
//   plus the training run's numbers (optimizer, lr, epochs...).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "frontend/zoo/RnnLM.h"
#include "runtime/text/Vocab.h"

#include <map>
#include <memory>
#include <string>

namespace dlc::tools {

void saveRnnLM(const std::string &path, zoo::RnnLM &model, const rt::text::Vocab &vocab,
               const std::map<std::string, std::string> &extra);

struct LoadedRnnLM {
  std::unique_ptr<zoo::RnnLM> model;
  rt::text::Vocab vocab;
  std::map<std::string, std::string> metadata;
};

/// Reads FILE, rebuilds the model from its metadata and loads its weights;
/// errors name FILE and what is wrong (not an rnnlm checkpoint, a bad key,
/// a vocabulary that does not match rnnlm.vocab_size, missing weights).
LoadedRnnLM loadRnnLM(const std::string &path);

} // namespace dlc::tools
