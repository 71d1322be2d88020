//===- RecurrentOpsTest.cpp - RNN/GRU/LSTM layers against PyTorch, errors, names ---===//
//
// The fixtures (test/oracle/recurrent.py) hold nn.RNN / nn.GRU / nn.LSTM's
// outputs, final states and the gradients of x, h0, c0 and every parameter;
// each case here builds the same dlc layer and runs its forward on the
// fixture's parameters (RecurrentLayer::forwardWith, the code forwardMany
// runs), through the compiled loss and loss_grad (dl-autodiff, the oneDNN
// rnn_fwd/rnn_bwd/lstm_fwd/lstm_bwd kernels).
//
//===----------------------------------------------------------------------===//
#include "Harness.h"
#include "Oracle.h"

#include "frontend/Trainer.h"
#include "frontend/nn/Layers.h"

#include "mlir/IR/BuiltinOps.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace dlc::test {
namespace {

using T = const std::vector<Tensor> &;

/// y, hn (and cn) flattened and concatenated, as the fixture's output.
Tensor flatConcat(const std::vector<Tensor> &outs) {
  std::vector<Tensor> flat;
  for (const Tensor &t : outs) flat.push_back(reshape(t, {-1}));
  return cat(flat, 0);
}

struct Spec {
  std::string name;
  std::string cell; ///< rnn_tanh, rnn_relu, gru, lstm
  int64_t T = 5, B = 3, F = 4, H = 6, layers = 1;
  bool bidirectional = false, batchFirst = false, states = false, bias = true;
};

OracleCase caseOf(const Spec &s) {
  auto body = [s](T a) {
    nn::RecurrentOptions o(s.F, s.H);
    o.numLayers(s.layers).bidirectional(s.bidirectional).batchFirst(s.batchFirst).bias(s.bias);
    const std::string &cell = s.cell;
    std::unique_ptr<nn::RecurrentLayer> layer;
    if (cell == "gru") layer = std::make_unique<nn::GRU>(o);
    else if (cell == "lstm") layer = std::make_unique<nn::LSTM>(o);
    else layer = std::make_unique<nn::RNN>(o.nonlinearity(cell == "rnn_relu" ? "relu" : "tanh"));
    size_t nStates = !s.states ? 1 : cell == "lstm" ? 3 : 2;
    std::vector<Tensor> xs(a.begin(), a.begin() + nStates), params(a.begin() + nStates, a.end());
    return flatConcat(layer->forwardWith(xs, params));
  };
  // oneDNN accumulates in f32 over T steps and layers: 1e-5 relative, plus
  // 1e-6 absolute for values that cancel to near zero.
  return OracleCase{"recurrent", s.name, body, 1e-5, 1e-6};
}

std::vector<OracleCase> oracleCases() {
  std::vector<Spec> specs;
  for (const char *cell : {"rnn_tanh", "rnn_relu", "gru", "lstm"}) {
    auto named = [&](const char *suffix) { return std::string(cell) + suffix; };
    specs.push_back({named("_1layer"), cell});
    specs.push_back({named("_1layer_states"), cell, 5, 3, 4, 6, 1, false, false, true});
    specs.push_back({named("_2layers_bidirectional"), cell, 5, 3, 4, 6, 2, true});
    specs.push_back(
        {named("_2layers_bidirectional_states"), cell, 5, 3, 4, 6, 2, true, false, true});
  }
  specs.push_back({"rnn_tanh_batch_first_states", "rnn_tanh", 5, 3, 4, 6, 1, false, true, true});
  specs.push_back({"gru_bidirectional_batch_first", "gru", 5, 3, 4, 6, 1, true, true});
  specs.push_back({"lstm_2layers_batch_first_states", "lstm", 5, 3, 4, 6, 2, false, true, true});
  specs.push_back({"lstm_no_bias", "lstm", 5, 3, 4, 6, 1, false, false, true, false});
  specs.push_back({"gru_no_bias_bidirectional", "gru", 5, 3, 4, 6, 1, true, false, false, false});
  specs.push_back({"lstm_3layers_wide", "lstm", 7, 2, 9, 5, 3});
  specs.push_back({"gru_single_step_single_batch", "gru", 1, 1, 3, 4, 1, false, false, true});
  std::vector<OracleCase> cases;
  for (const Spec &s : specs) cases.push_back(caseOf(s));
  return cases;
}

class RecurrentOracle : public ::testing::TestWithParam<OracleCase> {};
TEST_P(RecurrentOracle, MatchesPyTorch) { checkOracle(GetParam()); }
INSTANTIATE_TEST_SUITE_P(Layers, RecurrentOracle, ::testing::ValuesIn(oracleCases()),
                         [](const auto &info) { return info.param.name; });

TEST(RecurrentOracleFixtures, EveryFixtureHasACase) {
  std::vector<std::string> names;
  for (const OracleCase &c : oracleCases()) names.push_back(c.name);
  std::sort(names.begin(), names.end());
  EXPECT_EQ(oracleFixtures("recurrent"), names);
}

// -- parameters: PyTorch's names, shapes and init bounds ---------------------

TEST(RecurrentLayer, ParameterNamesAndShapesArePyTorchs) {
  nn::LSTM lstm(nn::LSTMOptions(10, 8).numLayers(2).bidirectional(true));
  auto named = lstm.namedParameters();
  std::vector<std::string> names;
  for (auto &[n, p] : named) names.push_back(n);
  std::vector<std::string> expected;
  for (std::string l : {"l0", "l1"})
    for (std::string d : {"", "_reverse"})
      for (std::string w : {"weight_ih_", "weight_hh_", "bias_ih_", "bias_hh_"})
        expected.push_back(w + l + d);
  EXPECT_EQ(names, expected);
  EXPECT_EQ(lstm.findParameter("weight_ih_l0")->value.shape(), (std::vector<int64_t>{32, 10}));
  // Layer 1 reads both directions of layer 0: 2·H features.
  EXPECT_EQ(lstm.findParameter("weight_ih_l1_reverse")->value.shape(),
            (std::vector<int64_t>{32, 16}));
  EXPECT_EQ(lstm.findParameter("weight_hh_l1")->value.shape(), (std::vector<int64_t>{32, 8}));
  EXPECT_EQ(lstm.findParameter("bias_hh_l0")->value.shape(), (std::vector<int64_t>{32}));
  nn::GRU gru(nn::GRUOptions(3, 5).bias(false));
  EXPECT_EQ(gru.namedParameters().size(), 2u);
  EXPECT_EQ(gru.findParameter("weight_hh_l0")->value.shape(), (std::vector<int64_t>{15, 5}));

  // U(±1/√H): every draw inside, and the draws reach near the bound.
  nn::RNN rnn(nn::RNNOptions(50, 16));
  rnn.initialize(3);
  const rt::HostTensor &w = rnn.findParameter("weight_ih_l0")->value;
  float bound = 1.0f / 4.0f, largest = 0;
  for (int64_t i = 0; i < w.numel(); ++i) {
    float v = w.data<float>()[i];
    EXPECT_LE(std::abs(v), bound);
    largest = std::max(largest, std::abs(v));
  }
  EXPECT_GT(largest, 0.9f * bound);
}

// -- forwardMany through the compiled step -----------------------------------

// The layer's own parameters (forwardMany) and forwardWith on the same
// values give identical outputs; omitted states are zeros.
TEST(RecurrentLayer, ForwardManyUsesItsParametersAndZeroStates) {
  nn::LSTM lstm(nn::LSTMOptions(4, 3).numLayers(2));
  lstm.initialize(7);
  std::vector<rt::HostTensor> params;
  for (auto &[n, p] : lstm.namedParameters()) params.push_back(p->value);
  std::vector<InputSpec> specs{{{5, 2, 4}}};
  for (auto &p : params) specs.push_back({p.shape()});
  // The layer's parameters are traced as arguments after x, in
  // namedParameters() order.
  Compiled viaParams({{{5, 2, 4}}}, [&](T a) { return flatConcat(lstm.forwardMany({a[0]})); });
  Compiled viaInputs(specs, [&](T a) {
    Tensor h0 = constant(std::vector<float>(2 * 2 * 3, 0.f), {2, 2, 3});
    return flatConcat(lstm.forwardWith({a[0], h0, h0}, {a.begin() + 1, a.end()}));
  });
  std::vector<rt::HostTensor> inputs = viaInputs.randomInputs(5);
  for (size_t i = 0; i < params.size(); ++i) inputs[i + 1] = params[i];
  rt::HostTensor a = viaParams.output(inputs), b = viaInputs.output(inputs);
  ASSERT_EQ(a.numel(), 5 * 2 * 3 + 2 * 2 * 2 * 3);
  ASSERT_EQ(a.numel(), b.numel());
  for (int64_t i = 0; i < a.numel(); ++i) EXPECT_EQ(a.data<float>()[i], b.data<float>()[i]) << i;
}

// Dropout goes between layers (not after the last), in training mode only.
TEST(RecurrentLayer, DropoutBetweenLayersInTrainingOnly) {
  auto countOps = [](nn::GRU &gru, const char *opName) {
    Graph g;
    g.beginFunction();
    Tensor x = g.input("x", {5, 2, 4});
    std::vector<Tensor> out = gru.forwardMany({x});
    g.finishFunction("f", {out[0], out[1]},
                     {Graph::ResultKind::Output, Graph::ResultKind::Output});
    auto module = g.takeModule();
    int n = 0;
    module->walk([&](mlir::Operation *op) { n += op->getName().getStringRef() == opName; });
    return n;
  };
  nn::GRU gru(nn::GRUOptions(4, 3).numLayers(3).dropout(0.25));
  EXPECT_EQ(countOps(gru, "dl.gru"), 3);
  EXPECT_EQ(countOps(gru, "dl.dropout"), 2);
  gru.eval();
  EXPECT_EQ(countOps(gru, "dl.dropout"), 0);
}

// The layer inside a compiled training step: a 2-layer LSTM with dropout
// between the layers and a Linear head over (T, B, H), Adam on a fixed batch.
// The step binds the parameters by PyTorch's names and the loss falls.
class SequenceRegressor : public nn::Module {
public:
  SequenceRegressor()
      : Module("SequenceRegressor", std::source_location::current()),
        lstm(nn::LSTMOptions(3, 8).numLayers(2).dropout(0.1)), head(8, 1) {
    registerModule("lstm", lstm);
    registerModule("head", head);
  }
  Tensor forward(const Tensor &x) override { return head(lstm.forwardMany({x})[0]); }
  nn::LSTM lstm;
  nn::Linear head;
};

TEST(RecurrentLayer, TrainsInsideTheCompiledStep) {
  SequenceRegressor model;
  model.initialize(4);
  EXPECT_NE(model.findParameter("lstm.weight_hh_l1"), nullptr);
  TrainerOptions o;
  o.setOptimizer(optim::Adam{.lr = 0.03});
  o.batch = {{"x", {6, 4, 3}}, {"y", {6, 4, 1}, rt::DType::F32, true}};
  o.loss = [](nn::Module &m, const std::vector<Tensor> &b) -> std::vector<Tensor> {
    Tensor d = sub(m(b[0]), b[1]);
    return {mean(mul(d, d), {0, 1, 2})};
  };
  Trainer trainer(model, o);
  // Target: a running mean of the first feature (needs the recurrence).
  rt::HostTensor x({6, 4, 3}), y({6, 4, 1});
  for (int64_t i = 0; i < x.numel(); ++i) x.f32()[i] = float(std::sin(1.3 * double(i)));
  for (int64_t b = 0; b < 4; ++b) {
    double acc = 0;
    for (int64_t t = 0; t < 6; ++t) {
      acc += x.f32()[(t * 4 + b) * 3];
      y.f32()[t * 4 + b] = float(acc / double(t + 1));
    }
  }
  float first = trainer.computeGradients({&x, &y});
  EXPECT_GT(trainer.gradients().count("lstm.weight_ih_l0"), 0u);
  float last = first;
  for (int i = 0; i < 40; ++i) last = trainer.step({&x, &y});
  EXPECT_LT(last, 0.5f * first) << "first " << first << ", last " << last;
}

// -- errors at the user's line -----------------------------------------------

TEST(RecurrentLayer, WrongFeatureCountNamesTheLayerAndShape) {
  nn::LSTM lstm(256, 256); int line = __LINE__;
  expectError(
      [&] {
        Graph g;
        g.beginFunction();
        Tensor x = g.input("x", {35, 32, 28});
        lstm.forwardMany({x});
      },
      {"LSTM(256, 256)", "expected input with 256 features", "f32[35, 32, 28]",
       "RecurrentOpsTest.cpp:" + std::to_string(line)});
}

TEST(RecurrentLayer, WrongStateShapeIsNamed) {
  nn::GRU gru(nn::GRUOptions(4, 3).numLayers(2));
  expectError(
      [&] {
        Graph g;
        g.beginFunction();
        Tensor x = g.input("x", {5, 2, 4}), h0 = g.input("h0", {1, 2, 3});
        gru.forwardMany({x, h0});
      },
      {"GRU(4, 3, num_layers=2)", "expected h0 of shape [2, 2, 3]", "f32[1, 2, 3]"});
}

TEST(RecurrentOps, ShapeMismatchNamesOperandAndDimension) {
  expectError(
      [&] {
        Graph g;
        g.beginFunction();
        Tensor x = g.input("x", {5, 2, 4}), h0 = g.input("h0", {1, 2, 3}),
               c0 = g.input("c0", {1, 2, 3}), wi = g.input("wi", {1, 12, 5}),
               wh = g.input("wh", {1, 12, 3}), b = g.input("b", {1, 12});
        lstm(x, h0, c0, wi, wh, b, b);
      },
      {"lstm", "w_ih of shape [1, 12, 5] must be [1, 12, 4]",
       "dim 2 (input features) is 5, expected 4"});
  expectError(
      [&] {
        Graph g;
        g.beginFunction();
        Tensor x = g.input("x", {5, 2, 4}), h0 = g.input("h0", {1, 3, 3}),
               wi = g.input("wi", {1, 9, 4}), wh = g.input("wh", {1, 9, 3}),
               b = g.input("b", {1, 9});
        gru(x, h0, wi, wh, b, b);
      },
      {"gru", "h0 of shape [1, 3, 3]", "dim 1 (batch, from x) is 3, expected 2"});
  expectError(
      [&] {
        Graph g;
        g.beginFunction();
        Tensor x = g.input("x", {5, 2, 4}), h0 = g.input("h0", {1, 2, 3}),
               wi = g.input("wi", {1, 3, 4}), wh = g.input("wh", {1, 3, 3}),
               b = g.input("b", {1, 3});
        rnn(x, h0, wi, wh, b, b, "sigmoid");
      },
      {"rnn", "nonlinearity must be \"tanh\" or \"relu\""});
}

TEST(RecurrentLayer, BadOptionsAreErrors) {
  expectError([] { nn::RNN(nn::RNNOptions(4, 3).nonlinearity("gelu")); },
              {"RNN", "unknown nonlinearity 'gelu'"});
  expectError([] { nn::LSTM(nn::LSTMOptions(4, 3).dropout(1.5)); }, {"dropout"});
  expectError([] { nn::GRU(nn::GRUOptions(4, 0)); }, {"hidden_size must be positive"});
}

// -- nn::Linear over the last dimension and nn::Embedding ---------------------

TEST(LinearLayer, AppliesToTheLastDimensionOfA3dInput) {
  nn::Linear lin(4, 3);
  lin.initialize(1);
  const rt::HostTensor &w = lin.weight->value;
  Compiled c({{{2, 5, 4}}}, [&](T a) { return lin(a[0]); });
  std::vector<rt::HostTensor> in = c.randomInputs(2);
  in.push_back(w);
  in.push_back(lin.bias->value); // the module's parameters follow the inputs
  rt::HostTensor y = c.output(in);
  ASSERT_EQ(y.shape(), (std::vector<int64_t>{2, 5, 3}));
  const float *x = in[0].data<float>();
  for (int64_t r = 0; r < 10; ++r)
    for (int64_t o = 0; o < 3; ++o) {
      double ref = 0; // bias starts at zero (XavierUniform's scheme)
      for (int64_t i = 0; i < 4; ++i) ref += double(x[r * 4 + i]) * w.data<float>()[o * 4 + i];
      EXPECT_NEAR(y.data<float>()[r * 3 + o], ref, 1e-5) << r << "," << o;
    }
  expectError(
      [&] {
        Graph g;
        g.beginFunction();
        lin(g.input("x", {2, 5, 7}));
      },
      {"Linear(4, 3)", "expected input with 4 features", "f32[2, 5, 7]"});
}

TEST(EmbeddingLayer, LooksUpRowsOfItsWeight) {
  nn::Embedding emb(7, 3);
  emb.initialize(4);
  EXPECT_EQ(emb.namedParameters()[0].first, "weight");
  const rt::HostTensor &w = emb.weight->value;
  Compiled c({{{2, 4}, rt::DType::I64, 0, 7}}, [&](T a) { return emb(a[0]); });
  std::vector<rt::HostTensor> in = c.randomInputs(3);
  in.push_back(w); // the module's parameter follows the input
  rt::HostTensor y = c.output(in);
  ASSERT_EQ(y.shape(), (std::vector<int64_t>{2, 4, 3}));
  for (int64_t i = 0; i < 8; ++i) {
    int64_t id = in[0].data<int64_t>()[i];
    for (int64_t d = 0; d < 3; ++d)
      EXPECT_EQ(y.data<float>()[i * 3 + d], w.data<float>()[id * 3 + d]);
  }
}

} // namespace
} // namespace dlc::test
