//===- Recurrent.cpp - RNN, GRU and LSTM layers ---------------------------===//
//
// Each layer is one dl.rnn / dl.gru / dl.lstm (both directions in one op:
// the kernels take (D, ...) stacks of the per-direction parameters); layers
// chain, with dropout between them in training mode. No MLIR here (this file
// is compiled with RTTI).
//
//===----------------------------------------------------------------------===//
#include "frontend/nn/Recurrent.h"

#include "runtime/abi/RnnWorkspace.h"

#include <sstream>

namespace dlc::nn {

namespace {
std::string describe(const char *name, const RecurrentOptions &o) {
  std::ostringstream os;
  os << name << "(" << o.inputSize_ << ", " << o.hiddenSize_;
  if (o.numLayers_ != 1) os << ", num_layers=" << o.numLayers_;
  if (o.nonlinearity_ != "tanh") os << ", nonlinearity='" << o.nonlinearity_ << "'";
  if (!o.bias_) os << ", bias=False";
  if (o.batchFirst_) os << ", batch_first=True";
  if (o.dropout_ != 0) os << ", dropout=" << o.dropout_;
  if (o.bidirectional_) os << ", bidirectional=True";
  return os.str() + ")";
}

/// (rows...) → (1, rows...): one direction as the kernels' D = 1 stack.
Tensor stacked(const std::vector<Tensor> &perDirection, const Site &s) {
  std::vector<Tensor> parts;
  for (const Tensor &t : perDirection) parts.push_back(unsqueeze(t, 0, s));
  return parts.size() == 1 ? parts[0] : cat(parts, 0, s);
}

std::vector<float> zerosOf(int64_t n) { return std::vector<float>(static_cast<size_t>(n), 0.f); }
} // namespace

RecurrentLayer::RecurrentLayer(Cell c, const char *name, RecurrentOptions o,
                               std::source_location where)
    : Module(describe(name, o), where), options(std::move(o)), cell(c), name_(name) {
  const RecurrentOptions &p = options;
  if (p.inputSize_ <= 0 || p.hiddenSize_ <= 0)
    site().fail(name, "input_size and hidden_size must be positive");
  if (p.numLayers_ < 1) site().fail(name, "num_layers must be at least 1");
  if (!(p.dropout_ >= 0 && p.dropout_ <= 1))
    site().fail(name, "dropout should be a number in range [0, 1]");
  if (c == Cell::RNN && p.nonlinearity_ != "tanh" && p.nonlinearity_ != "relu")
    site().fail(name, "unknown nonlinearity '" + p.nonlinearity_ + "' (tanh or relu)");
  if (c != Cell::RNN && p.nonlinearity_ != "tanh")
    site().fail(name, "has no nonlinearity option (RNN only)");
  int64_t H = p.hiddenSize_, GH = gates() * H;
  for (int64_t l = 0; l < p.numLayers_; ++l)
    for (int64_t d = 0; d < directions(); ++d) {
      std::string sfx = "_l" + std::to_string(l) + (d ? "_reverse" : "");
      int64_t in = l == 0 ? p.inputSize_ : H * directions();
      // PyTorch: every parameter ~ U(±1/√hidden_size).
      weightIh.push_back(&registerParameter("weight_ih" + sfx, {GH, in}, Init::KaimingUniform, H, GH));
      weightHh.push_back(&registerParameter("weight_hh" + sfx, {GH, H}, Init::KaimingUniform, H, GH));
      biasIh.push_back(p.bias_ ? &registerParameter("bias_ih" + sfx, {GH}, Init::KaimingUniform, H, GH)
                               : nullptr);
      biasHh.push_back(p.bias_ ? &registerParameter("bias_hh" + sfx, {GH}, Init::KaimingUniform, H, GH)
                               : nullptr);
    }
}

int64_t RecurrentLayer::gates() const {
  return rt::rnnGates(cell == Cell::LSTM ? rt::kRnnLstm : cell == Cell::GRU ? rt::kRnnGru : rt::kRnnTanh);
}

std::vector<Tensor> RecurrentLayer::forwardMany(const std::vector<Tensor> &xs) {
  std::vector<Tensor> params;
  for (size_t i = 0; i < weightIh.size(); ++i) {
    params.push_back(param(*weightIh[i]));
    params.push_back(param(*weightHh[i]));
    if (biasIh[i]) {
      params.push_back(param(*biasIh[i]));
      params.push_back(param(*biasHh[i]));
    }
  }
  return forwardWith(xs, params);
}

std::vector<Tensor> RecurrentLayer::forwardWith(const std::vector<Tensor> &xs,
                                                const std::vector<Tensor> &params) {
  Site s = site();
  const RecurrentOptions &o = options;
  bool lstm = cell == Cell::LSTM;
  size_t maxInputs = lstm ? 3 : 2;
  if (xs.empty() || xs.size() > maxInputs)
    s.fail(name_, std::string("takes {x}, {x, h0}") + (lstm ? " or {x, h0, c0}" : "") +
                      ", got " + std::to_string(xs.size()) + " tensors");
  if (lstm && xs.size() == 2) s.fail(name_, "takes c0 with h0: {x, h0, c0}");
  Tensor x = xs[0];
  if (!x) s.fail(name_, "input is an empty Tensor");
  if (x.rank() != 3 || x.dim(2) != o.inputSize_)
    s.fail(name_, "expected input with " + std::to_string(o.inputSize_) + " features, " +
                      (o.batchFirst_ ? "(B, T, F)" : "(T, B, F)") + ", got " + x.typeString());
  if (o.batchFirst_) x = transpose(x, 0, 1, s);
  int64_t B = x.dim(1), H = o.hiddenSize_, D = directions(), L = o.numLayers_;
  std::vector<int64_t> stateShape{L * D, B, H};
  auto state = [&](size_t i, const char *what) {
    if (xs.size() <= i)
      return constant(zerosOf(L * D * B * H), stateShape, x.dtype(), s);
    if (xs[i].shape() != stateShape) {
      std::ostringstream os;
      os << "expected " << what << " of shape [" << L * D << ", " << B << ", " << H
         << "] (num_layers*directions, batch, hidden), got " << xs[i].typeString();
      s.fail(name_, os.str());
    }
    return xs[i];
  };
  Tensor h0 = state(1, "h0"), c0 = lstm ? state(2, "c0") : Tensor();
  size_t perDirection = o.bias_ ? 4 : 2;
  if (params.size() != static_cast<size_t>(L * D) * perDirection)
    s.fail(name_, "expected " + std::to_string(L * D * perDirection) + " parameter tensors, got " +
                      std::to_string(params.size()));

  std::vector<Tensor> hn, cn;
  Tensor input = x;
  for (int64_t l = 0; l < L; ++l) {
    std::vector<Tensor> wi, wh, bi, bh;
    for (int64_t d = 0; d < D; ++d) {
      size_t at = static_cast<size_t>(l * D + d) * perDirection;
      wi.push_back(params[at]);
      wh.push_back(params[at + 1]);
      if (o.bias_) {
        bi.push_back(params[at + 2]);
        bh.push_back(params[at + 3]);
      } else {
        int64_t GH = gates() * H;
        bi.push_back(constant(zerosOf(GH), {GH}, x.dtype(), s));
        bh.push_back(bi.back());
      }
    }
    Tensor wIh = stacked(wi, s), wHh = stacked(wh, s), bIh = stacked(bi, s),
           bHh = stacked(bh, s);
    Tensor h = L == 1 ? h0 : slice(h0, 0, l * D, (l + 1) * D, 1, s);
    RecurrentOutput out;
    if (cell == Cell::LSTM) {
      Tensor c = L == 1 ? c0 : slice(c0, 0, l * D, (l + 1) * D, 1, s);
      out = dlc::lstm(input, h, c, wIh, wHh, bIh, bHh, s);
      cn.push_back(out.cn);
    } else if (cell == Cell::GRU) {
      out = dlc::gru(input, h, wIh, wHh, bIh, bHh, s);
    } else {
      out = dlc::rnn(input, h, wIh, wHh, bIh, bHh, o.nonlinearity_, s);
    }
    hn.push_back(out.hn);
    input = out.y;
    if (l + 1 < L && o.dropout_ > 0 && isTraining()) input = dropout(input, o.dropout_, true, s);
  }
  Tensor y = o.batchFirst_ ? transpose(input, 0, 1, s) : input;
  std::vector<Tensor> result{y, hn.size() == 1 ? hn[0] : cat(hn, 0, s)};
  if (lstm) result.push_back(cn.size() == 1 ? cn[0] : cat(cn, 0, s));
  return result;
}

} // namespace dlc::nn
