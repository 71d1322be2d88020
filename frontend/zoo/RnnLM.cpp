//===- RnnLM.cpp - d2l's character-level RNN language model ---------------===//
#include "frontend/zoo/RnnLM.h"

#include "frontend/nn/Recurrent.h"

#include "frontend/Error.h"

#include <cstdlib>

namespace dlc::zoo {

nn::RecurrentCell parseRecurrentCell(const std::string &name) {
  if (name == "rnn" || name == "rnn_tanh") return nn::RecurrentCell::RnnTanh;
  if (name == "rnn_relu") return nn::RecurrentCell::RnnRelu;
  if (name == "gru") return nn::RecurrentCell::Gru;
  if (name == "lstm") return nn::RecurrentCell::Lstm;
  throw Error("unknown recurrent cell '" + name + "' (expected rnn, rnn_relu, gru or lstm)");
}

std::string recurrentCellFlag(nn::RecurrentCell cell) {
  switch (cell) {
  case nn::RecurrentCell::RnnTanh: return "rnn";
  case nn::RecurrentCell::RnnRelu: return "rnn_relu";
  case nn::RecurrentCell::Gru: return "gru";
  case nn::RecurrentCell::Lstm: return "lstm";
  }
  return "rnn";
}

std::shared_ptr<nn::Module> makeRecurrentLayer(nn::RecurrentCell cell, int64_t input,
                                               int64_t hidden, int64_t numLayers, bool scratch) {
  if (scratch)
    return std::make_shared<nn::ScratchRecurrent>(
        cell, nn::ScratchRecurrentOptions(input, hidden).numLayers(numLayers));
  nn::RecurrentOptions o = nn::RecurrentOptions(input, hidden).numLayers(numLayers);
  switch (cell) {
  case nn::RecurrentCell::RnnTanh: return std::make_shared<nn::RNN>(o);
  case nn::RecurrentCell::RnnRelu: return std::make_shared<nn::RNN>(o.nonlinearity("relu"));
  case nn::RecurrentCell::Gru: return std::make_shared<nn::GRU>(o);
  case nn::RecurrentCell::Lstm: return std::make_shared<nn::LSTM>(o);
  }
  return nullptr;
}

RnnLM::RnnLM(RnnLMOptions o, std::source_location w)
    : Module("RnnLM(" + recurrentCellFlag(o.cell) + ", vocab " + std::to_string(o.vocabSize) +
                 ", hidden " + std::to_string(o.hidden) + ", layers " +
                 std::to_string(o.numLayers) + ")",
             w),
      options_(o) {
  if (o.vocabSize < 1 || o.hidden < 1 || o.numLayers < 1)
    site().fail("RnnLM", "vocabulary size, hidden size and layers must be positive, got " +
                             std::to_string(o.vocabSize) + ", " + std::to_string(o.hidden) +
                             ", " + std::to_string(o.numLayers));
  rnn_ = makeRecurrentLayer(o.cell, o.vocabSize, o.hidden, o.numLayers, o.scratch);
  linear_ = std::make_shared<nn::Linear>(
      nn::LinearOptions(o.hidden, o.vocabSize).init(nn::Init::TorchDefault));
  registerModule("rnn", rnn_);
  registerModule("linear", linear_);
}

std::vector<Tensor> RnnLM::forwardMany(const std::vector<Tensor> &xs) {
  const Site s = site();
  if (int64_t(xs.size()) != 1 + numStates())
    s.fail("RnnLM", "expected {x" + std::string(numStates() == 2 ? ", h, c" : ", h") + "}, got " +
                        std::to_string(xs.size()) + " tensors");
  const Tensor &x = xs[0];
  if (x.rank() != 2) s.fail("RnnLM", "expected token ids (B, T), got " + x.typeString());
  const int64_t B = x.dim(0), V = options_.vocabSize;
  // d2l: F.one_hot(inputs.T.long(), vocab_size).type(torch.float32).
  Tensor ids = unsqueeze(cast(transpose(x, 0, 1, s), rt::DType::F32, s), 2, s);
  Tensor oneHot = cast(eq(ids, arange(0, double(V), 1, rt::DType::F32, s), s), rt::DType::F32, s);
  std::vector<Tensor> in{oneHot};
  for (int64_t k = 1; k <= numStates(); ++k) {
    if (xs[size_t(k)].shape() != stateShape(B))
      s.fail("RnnLM", "expected a state of shape (" + std::to_string(B) + ", " +
                          std::to_string(options_.numLayers) + ", " +
                          std::to_string(options_.hidden) + "), got " +
                          xs[size_t(k)].typeString());
    in.push_back(transpose(xs[size_t(k)], 0, 1, s)); // (L, B, H)
  }
  std::vector<Tensor> out = (*rnn_)(in);
  const int64_t T = out[0].dim(0);
  std::vector<Tensor> result{(*linear_)(reshape(out[0], {T * B, options_.hidden}, s))};
  for (size_t k = 1; k < out.size(); ++k) result.push_back(transpose(out[k], 0, 1, s));
  return result;
}

std::map<std::string, std::string> RnnLM::metadata() const {
  return {{"rnnlm.cell", recurrentCellFlag(options_.cell)},
          {"rnnlm.vocab_size", std::to_string(options_.vocabSize)},
          {"rnnlm.hidden", std::to_string(options_.hidden)},
          {"rnnlm.layers", std::to_string(options_.numLayers)}};
}

RnnLMOptions RnnLM::optionsFromMetadata(const std::map<std::string, std::string> &m,
                                        const std::string &source) {
  auto get = [&](const std::string &key) -> const std::string & {
    auto it = m.find(key);
    if (it == m.end())
      throw Error(source + ": not an RnnLM checkpoint: its metadata lacks '" + key + "'");
    return it->second;
  };
  auto positive = [&](const std::string &key) {
    const std::string &v = get(key);
    char *end = nullptr;
    long long n = std::strtoll(v.c_str(), &end, 10);
    if (v.empty() || *end || n < 1)
      throw Error(source + ": metadata '" + key + "' must be a positive integer, got '" + v + "'");
    return int64_t(n);
  };
  RnnLMOptions o;
  try {
    o.cell = parseRecurrentCell(get("rnnlm.cell"));
  } catch (const Error &e) {
    throw Error(source + ": metadata 'rnnlm.cell': " + e.what());
  }
  o.vocabSize = positive("rnnlm.vocab_size");
  o.hidden = positive("rnnlm.hidden");
  o.numLayers = positive("rnnlm.layers");
  return o;
}

TrainerOptions rnnLMTrainerOptions(const RnnLM &model, int64_t batchSize, int64_t numSteps) {
  TrainerOptions to;
  to.batchSize = batchSize;
  to.batch = {BatchSlot{"x", {batchSize, numSteps}, rt::DType::I32},
              BatchSlot{"y", {batchSize, numSteps}, rt::DType::I32, /*target=*/true},
              BatchSlot{"h", model.stateShape(batchSize)}};
  if (model.numStates() == 2) to.batch.push_back(BatchSlot{"c", model.stateShape(batchSize)});
  to.loss = [](nn::Module &m, const std::vector<Tensor> &b) {
    std::vector<Tensor> in{b[0]};
    in.insert(in.end(), b.begin() + 2, b.end());
    std::vector<Tensor> out = m(in);
    // d2l: loss(y_hat, Y.T.reshape(-1)): time-major labels, as the logits.
    Tensor y = transpose(b[1], 0, 1);
    const int64_t n = y.dim(0) * y.dim(1);
    Tensor labels = cast(reshape(cast(y, rt::DType::F32), {n}), rt::DType::I32);
    std::vector<Tensor> result{crossEntropy(out[0], labels)};
    result.insert(result.end(), out.begin() + 1, out.end());
    return result;
  };
  to.forward = [](nn::Module &m, const std::vector<Tensor> &in) { return m(in); };
  return to;
}

} // namespace dlc::zoo
