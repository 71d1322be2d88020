//===- RnnLMTest.cpp - the character language model learns, carries state, generates ===//
#include "frontend/Checkpoint.h"
#include "frontend/Trainer.h"
#include "frontend/zoo/RnnLM.h"
#include "frontend/zoo/RnnLMLoop.h"
#include "runtime/text/Corpus.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>

namespace dlc::test {
namespace {

const std::string kExcerpt = std::string(DLC_TEXT_FIXTURES) + "/timemachine_excerpt.txt";

// d2l's recipe (SGD lr 1, clipping at 1, sequential partitioning) on a
// 3 KB excerpt: an RNN's perplexity falls from about the vocabulary size
// to well below it in a few seconds.
TEST(RnnLM, LearnsTheExcerpt) {
  rt::text::LMCorpus tm = rt::text::loadTimeMachine(kExcerpt);
  const int64_t V = int64_t(tm.vocab.size());
  ASSERT_GE(V, 20);
  zoo::RnnLM model({.vocabSize = V, .hidden = 64, .numLayers = 1, .cell = nn::RecurrentCell::RnnTanh});
  model.initialize(0);
  TrainerOptions to = zoo::rnnLMTrainerOptions(model, 8, 8);
  to.setOptimizer(optim::Optimizer(optim::SGD{1.0}).clipGradNorm(1.0));
  Trainer trainer(model, to);
  std::printf("compiled in %.2f s\n", trainer.compileSeconds());
  rt::text::LMSampler sampler(tm.corpus, 8, 8, rt::text::LMSampling::Sequential, 0);
  std::vector<double> ppl;
  zoo::RnnLMFitOptions fo;
  fo.epochs = 150;
  fo.nextEpoch = [&] { return sampler.nextEpoch(); };
  fo.onEpoch = [&](const zoo::RnnLMEpoch &e) {
    ppl.push_back(e.perplexity);
  };
  zoo::RnnLMEpoch last = zoo::fitRnnLM(trainer, model, fo);
  ASSERT_EQ(ppl.size(), 150u);
  EXPECT_GT(ppl.front(), 0.5 * double(V)); // starts near uniform
  EXPECT_LT(last.perplexity, 0.35 * double(V)) << "first " << ppl.front();
  EXPECT_GT(last.tokens, 0);
  std::printf("perplexity %.2f -> %.2f (vocab %lld)\n", ppl.front(), last.perplexity, (long long)V);

  // It generates: the prefix, then 20 tokens, all in the vocabulary.
  Evaluator ev(model, zoo::rnnLMTrainerOptions(model, 1, 1));
  std::vector<int64_t> prefix = tm.vocab.encode(rt::text::tokenizeChars("the time "));
  std::vector<int64_t> out = zoo::generateRnnLM(ev, model, prefix, 20);
  ASSERT_EQ(out.size(), prefix.size() + 20);
  EXPECT_TRUE(std::equal(prefix.begin(), prefix.end(), out.begin()));
  for (int64_t id : out) EXPECT_TRUE(id >= 0 && id < V);
}

// Feeding a sequence in two halves with the state carried gives the logits
// of the whole sequence: the state really travels through the batch tensors.
TEST(RnnLM, StateCarriedAcrossCallsEqualsOneLongSequence) {
  for (nn::RecurrentCell cell : {nn::RecurrentCell::RnnTanh, nn::RecurrentCell::Lstm}) {
    // Two stacked layers for the RNN (the L dimension), one for the LSTM.
    const int64_t layers = cell == nn::RecurrentCell::Lstm ? 1 : 2;
    zoo::RnnLM model({.vocabSize = 7, .hidden = 5, .numLayers = layers, .cell = cell});
    model.initialize(4);
    Evaluator whole(model, zoo::rnnLMTrainerOptions(model, 2, 6));
    Evaluator half(model, zoo::rnnLMTrainerOptions(model, 2, 3));
    const int32_t tokens[2][6] = {{1, 4, 2, 6, 0, 3}, {5, 5, 1, 2, 3, 4}};
    auto make = [&](int64_t from, int64_t n) {
      rt::HostTensor x({2, n}, rt::DType::I32);
      for (int64_t b = 0; b < 2; ++b)
        for (int64_t t = 0; t < n; ++t) x.i32()[b * n + t] = tokens[b][from + t];
      return x;
    };
    std::vector<rt::HostTensor> states;
    for (int64_t k = 0; k < model.numStates(); ++k) {
      states.emplace_back(model.stateShape(2));
      std::memset(states.back().data(), 0, states.back().sizeInBytes());
    }
    auto run = [&](Evaluator &ev, const rt::HostTensor &x) {
      std::vector<const rt::HostTensor *> in{&x};
      for (auto &s : states) in.push_back(&s);
      std::vector<rt::HostTensor> out = ev.predict(in);
      std::vector<rt::HostTensor> copies;
      for (auto &t : out) copies.push_back(t.clone());
      return copies;
    };
    rt::HostTensor x = make(0, 6), a = make(0, 3), b = make(3, 3);
    std::vector<rt::HostTensor> full = run(whole, x);
    std::vector<rt::HostTensor> first = run(half, a);
    for (size_t k = 0; k < states.size(); ++k) states[k] = first[k + 1].clone();
    std::vector<rt::HostTensor> second = run(half, b);
    // Logits are time-major (T*B, V): steps 3..5 of the whole run are the
    // second half's rows, and the final states agree.
    const float *f = full[0].f32(), *s = second[0].f32();
    for (int64_t i = 0; i < 3 * 2 * 7; ++i) EXPECT_NEAR(f[3 * 2 * 7 + i], s[i], 1e-5) << i;
    for (size_t k = 1; k < full.size(); ++k)
      for (int64_t i = 0; i < full[k].numel(); ++i)
        EXPECT_NEAR(full[k].f32()[i], second[k].f32()[i], 1e-5);
  }
}

TEST(RnnLM, OptionsRoundTripThroughMetadataAndBadMetadataIsNamed) {
  zoo::RnnLM model({.vocabSize = 28, .hidden = 16, .numLayers = 2, .cell = nn::RecurrentCell::Lstm});
  zoo::RnnLMOptions o = zoo::RnnLM::optionsFromMetadata(model.metadata(), "m.safetensors");
  EXPECT_EQ(o.vocabSize, 28);
  EXPECT_EQ(o.hidden, 16);
  EXPECT_EQ(o.numLayers, 2);
  EXPECT_EQ(o.cell, nn::RecurrentCell::Lstm);
  std::map<std::string, std::string> bad = model.metadata();
  bad["rnnlm.hidden"] = "-3";
  try {
    zoo::RnnLM::optionsFromMetadata(bad, "m.safetensors");
    FAIL();
  } catch (const Error &e) {
    EXPECT_NE(std::string(e.what()).find("m.safetensors: metadata 'rnnlm.hidden'"),
              std::string::npos)
        << e.what();
  }
  EXPECT_EQ(model.namedParameters().front().first, "rnn.weight_ih_l0");
  EXPECT_EQ(model.namedParameters().back().first, "linear.bias");
}

} // namespace
} // namespace dlc::test
