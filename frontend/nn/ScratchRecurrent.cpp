//===- ScratchRecurrent.cpp - RNN/GRU/LSTM written with dl ops ------------===//
#include "frontend/nn/ScratchRecurrent.h"

#include "runtime/abi/RnnWorkspace.h"

#include <string>

namespace dlc::nn {

// RecurrentCell's enumerators are the kernel ABI's cell codes, in order.
static_assert(int64_t(RecurrentCell::Gru) == rt::kRnnGru && int64_t(RecurrentCell::Lstm) == rt::kRnnLstm);
int64_t gateCount(RecurrentCell cell) { return rt::rnnGates(int64_t(cell)); }

const char *cellName(RecurrentCell cell) {
  switch (cell) {
  case RecurrentCell::RnnTanh: return "rnn_tanh";
  case RecurrentCell::RnnRelu: return "rnn_relu";
  case RecurrentCell::Gru: return "gru";
  case RecurrentCell::Lstm: return "lstm";
  }
  return "?";
}

namespace {

std::string shapeStr(const std::vector<int64_t> &s) {
  std::string out = "(";
  for (size_t i = 0; i < s.size(); ++i) out += (i ? ", " : "") + std::to_string(s[i]);
  return out + ")";
}

/// Gate k of (B, G*H) pre-activations: columns [k*H, (k+1)*H).
Tensor gate(const Tensor &g, int64_t k, int64_t h, const Site &s) {
  return slice(g, 1, k * h, (k + 1) * h, 1, s);
}

/// State i of (L*D, B, H) as (B, H).
Tensor stateAt(const Tensor &states, int64_t i, const Site &s) {
  return squeeze(slice(states, 0, i, i + 1, 1, s), 0, s);
}

/// One layer in one direction over x (T, B, In); h and c (B, H) are updated
/// to the final states; returns h_t for t = 0..T-1 (in time order).
std::vector<Tensor> runDirection(RecurrentCell cell, const Tensor &x, Tensor &h, Tensor &c,
                                 const RecurrentWeights &w, bool reverse, const Site &s) {
  const int64_t T = x.dim(0), B = x.dim(1), In = x.dim(2), H = h.dim(1);
  const int64_t G = gateCount(cell);
  // The input projection of every step at once: (T*B, In) · W_ihᵀ + b_ih.
  Tensor xi = matmul(reshape(x, {T * B, In}, s), w.wIh, false, true, s);
  if (w.bIh) xi = add(xi, *w.bIh, s);
  xi = reshape(xi, {T, B, G * H}, s);
  std::vector<Tensor> ys(static_cast<size_t>(T));
  for (int64_t step = 0; step < T; ++step) {
    const int64_t t = reverse ? T - 1 - step : step;
    Tensor gx = squeeze(slice(xi, 0, t, t + 1, 1, s), 0, s);
    Tensor gh = matmul(h, w.wHh, false, true, s);
    if (w.bHh) gh = add(gh, *w.bHh, s);
    switch (cell) {
    case RecurrentCell::RnnTanh: h = tanh(add(gx, gh, s), s); break;
    case RecurrentCell::RnnRelu: h = relu(add(gx, gh, s), s); break;
    case RecurrentCell::Gru: {
      Tensor r = sigmoid(add(gate(gx, 0, H, s), gate(gh, 0, H, s), s), s);
      Tensor z = sigmoid(add(gate(gx, 1, H, s), gate(gh, 1, H, s), s), s);
      Tensor n = tanh(add(gate(gx, 2, H, s), mul(r, gate(gh, 2, H, s), s), s), s);
      // h' = (1 - z) * n + z * h = n + z * (h - n)
      h = add(n, mul(z, sub(h, n, s), s), s);
      break;
    }
    case RecurrentCell::Lstm: {
      Tensor g = add(gx, gh, s);
      Tensor i = sigmoid(gate(g, 0, H, s), s);
      Tensor f = sigmoid(gate(g, 1, H, s), s);
      Tensor cc = tanh(gate(g, 2, H, s), s);
      Tensor o = sigmoid(gate(g, 3, H, s), s);
      c = add(mul(f, c, s), mul(i, cc, s), s);
      h = mul(o, tanh(c, s), s);
      break;
    }
    }
    ys[size_t(t)] = unsqueeze(h, 0, s);
  }
  return ys;
}

} // namespace

std::vector<Tensor> scratchRecurrent(RecurrentCell cell, const Tensor &x, const Tensor &h0,
                                     const std::optional<Tensor> &c0,
                                     const std::vector<RecurrentWeights> &weights,
                                     int64_t numLayers, bool bidirectional, double dropoutP,
                                     bool training, Site s) {
  const bool lstm = cell == RecurrentCell::Lstm;
  const int64_t D = bidirectional ? 2 : 1;
  const char *op = cellName(cell);
  if (numLayers < 1) s.fail(op, "numLayers must be at least 1, got " + std::to_string(numLayers));
  if (int64_t(weights.size()) != numLayers * D)
    s.fail(op, "expected " + std::to_string(numLayers * D) + " layer weights, got " +
                   std::to_string(weights.size()));
  if (x.rank() != 3) s.fail(op, "expected input (T, B, F), got " + x.typeString());
  if (lstm != c0.has_value())
    s.fail(op, lstm ? "an LSTM needs the cell state c0" : "only an LSTM takes a cell state");
  const int64_t T = x.dim(0), B = x.dim(1);
  const int64_t H = weights[0].wHh.dim(1);
  const std::vector<int64_t> stateShape{numLayers * D, B, H};
  if (T < 1) s.fail(op, "the sequence is empty: " + x.typeString());
  if (h0.shape() != stateShape)
    s.fail(op, "expected h0 of shape " + shapeStr(stateShape) + ", got " + h0.typeString());
  if (c0 && c0->shape() != stateShape)
    s.fail(op, "expected c0 of shape " + shapeStr(stateShape) + ", got " + c0->typeString());
  for (size_t k = 0; k < weights.size(); ++k) {
    const int64_t in = k < size_t(D) ? x.dim(2) : D * H;
    const std::vector<int64_t> ih{gateCount(cell) * H, in}, hh{gateCount(cell) * H, H};
    if (weights[k].wIh.shape() != ih || weights[k].wHh.shape() != hh)
      s.fail(op, "layer weights " + std::to_string(k) + ": expected weight_ih " + shapeStr(ih) +
                     " and weight_hh " + shapeStr(hh) + ", got " + weights[k].wIh.typeString() +
                     " and " + weights[k].wHh.typeString());
  }

  Tensor layerIn = x;
  std::vector<Tensor> hn, cn;
  for (int64_t l = 0; l < numLayers; ++l) {
    if (l > 0 && dropoutP > 0 && training) layerIn = dropout(layerIn, dropoutP, true, s);
    std::vector<Tensor> dirOut;
    for (int64_t d = 0; d < D; ++d) {
      const int64_t k = l * D + d;
      Tensor h = stateAt(h0, k, s);
      Tensor c = lstm ? stateAt(*c0, k, s) : Tensor();
      std::vector<Tensor> ys =
          runDirection(cell, layerIn, h, c, weights[size_t(k)], /*reverse=*/d == 1, s);
      dirOut.push_back(T == 1 ? ys[0] : cat(ys, 0, s));
      hn.push_back(unsqueeze(h, 0, s));
      if (lstm) cn.push_back(unsqueeze(c, 0, s));
    }
    layerIn = D == 1 ? dirOut[0] : cat(dirOut, 2, s);
  }
  auto stack = [&](const std::vector<Tensor> &v) { return v.size() == 1 ? v[0] : cat(v, 0, s); };
  std::vector<Tensor> out{layerIn, stack(hn)};
  if (lstm) out.push_back(stack(cn));
  return out;
}

namespace {
std::string describe(RecurrentCell cell, const ScratchRecurrentOptions &o) {
  std::string name = cell == RecurrentCell::Gru    ? "ScratchGRU"
                     : cell == RecurrentCell::Lstm ? "ScratchLSTM"
                                                   : "ScratchRNN";
  std::string d = name + "(" + std::to_string(o.input_) + ", " + std::to_string(o.hidden_);
  if (o.numLayers_ != 1) d += ", num_layers=" + std::to_string(o.numLayers_);
  if (cell == RecurrentCell::RnnRelu) d += ", nonlinearity='relu'";
  if (o.bidirectional_) d += ", bidirectional=True";
  return d + ")";
}
} // namespace

ScratchRecurrent::ScratchRecurrent(RecurrentCell cell, ScratchRecurrentOptions o,
                                   std::source_location w)
    : Module(describe(cell, o), w), cell_(cell), options_(o) {
  const char *op = cellName(cell);
  if (o.input_ <= 0 || o.hidden_ <= 0)
    site().fail(op, "input and hidden sizes must be positive, got " + std::to_string(o.input_) +
                        " and " + std::to_string(o.hidden_));
  if (o.numLayers_ < 1)
    site().fail(op, "numLayers must be at least 1, got " + std::to_string(o.numLayers_));
  if (!(o.dropout_ >= 0 && o.dropout_ <= 1))
    site().fail(op, "dropout must be in [0, 1], got " + std::to_string(o.dropout_));
  const int64_t G = gateCount(cell), H = o.hidden_, D = numDirections();
  for (int64_t l = 0; l < o.numLayers_; ++l)
    for (int64_t d = 0; d < D; ++d) {
      const std::string sfx = "_l" + std::to_string(l) + (d ? "_reverse" : "");
      const int64_t in = l == 0 ? o.input_ : D * H;
      // PyTorch's reset_parameters: every tensor U(±1/√H) (KaimingUniform with fanIn = H).
      std::vector<Parameter *> ps{
          &registerParameter("weight_ih" + sfx, {G * H, in}, Init::KaimingUniform, H, G * H),
          &registerParameter("weight_hh" + sfx, {G * H, H}, Init::KaimingUniform, H, G * H)};
      if (o.bias_) {
        ps.push_back(&registerParameter("bias_ih" + sfx, {G * H}, Init::KaimingUniform, H, G * H));
        ps.push_back(&registerParameter("bias_hh" + sfx, {G * H}, Init::KaimingUniform, H, G * H));
      }
      layerParams_.push_back(ps);
    }
}

std::vector<Tensor> ScratchRecurrent::forwardMany(const std::vector<Tensor> &xs) {
  const Site s = site();
  const char *op = cellName(cell_);
  const bool lstm = cell_ == RecurrentCell::Lstm;
  const size_t most = lstm ? 3 : 2;
  if (xs.empty() || xs.size() > most)
    s.fail(op, "expected {x" + std::string(lstm ? ", h0, c0" : ", h0") + "} (states optional), got " +
                   std::to_string(xs.size()) + " tensors");
  Tensor x = xs[0];
  if (x.rank() != 3) s.fail(op, "expected a 3-D input, got " + x.typeString());
  if (options_.batchFirst_) x = transpose(x, 0, 1, s);
  if (x.dim(2) != options_.input_)
    s.fail(op, "expected input with " + std::to_string(options_.input_) + " features, got " +
                   xs[0].typeString());
  const std::vector<int64_t> stateShape{options_.numLayers_ * numDirections(), x.dim(1),
                                        options_.hidden_};
  auto zeros = [&] {
    int64_t n = stateShape[0] * stateShape[1] * stateShape[2];
    return constant(std::vector<float>(size_t(n), 0.0f), stateShape, x.dtype(), s);
  };
  Tensor h0 = xs.size() > 1 ? xs[1] : zeros();
  std::optional<Tensor> c0;
  if (lstm) c0 = xs.size() > 2 ? xs[2] : zeros();
  std::vector<RecurrentWeights> ws;
  for (auto &ps : layerParams_) {
    RecurrentWeights w{param(*ps[0]), param(*ps[1]), std::nullopt, std::nullopt};
    if (ps.size() == 4) {
      w.bIh = param(*ps[2]);
      w.bHh = param(*ps[3]);
    }
    ws.push_back(w);
  }
  std::vector<Tensor> out = scratchRecurrent(cell_, x, h0, c0, ws, options_.numLayers_,
                                             options_.bidirectional_, options_.dropout_,
                                             isTraining(), s);
  if (options_.batchFirst_) out[0] = transpose(out[0], 0, 1, s);
  return out;
}

} // namespace dlc::nn
