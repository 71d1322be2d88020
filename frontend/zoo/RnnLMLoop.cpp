//===- RnnLMLoop.cpp - training and text generation for RnnLM -------------===//
#include "frontend/zoo/RnnLMLoop.h"

#include "frontend/Error.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>

namespace dlc::zoo {

namespace {

double now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

rt::HostTensor ids(const std::vector<int64_t> &values, int64_t b, int64_t t) {
  rt::HostTensor out({b, t}, rt::DType::I32);
  for (size_t i = 0; i < values.size(); ++i) out.i32()[i] = int32_t(values[i]);
  return out;
}

void zero(rt::HostTensor &t) { std::memset(t.data(), 0, t.sizeInBytes()); }

} // namespace

RnnLMEpoch fitRnnLM(Trainer &trainer, const RnnLM &model, const RnnLMFitOptions &o) {
  const std::vector<BatchSlot> &slots = trainer.options().batch;
  if (slots.size() < 3 || slots[0].shape.size() != 2)
    throw Error("fitRnnLM: the trainer was not built by rnnLMTrainerOptions");
  const int64_t B = slots[0].shape[0], T = slots[0].shape[1];
  std::vector<rt::HostTensor> states;
  for (int64_t k = 0; k < model.numStates(); ++k) states.emplace_back(model.stateShape(B));
  RnnLMEpoch last;
  for (int64_t epoch = 1; epoch <= o.epochs; ++epoch) {
    const double start = now();
    std::vector<rt::text::LMBatch> batches = o.nextEpoch();
    if (batches.empty())
      throw Error("the corpus is too short for one minibatch of " + std::to_string(B) + " x " +
                  std::to_string(T) + " tokens (lower --batch-size or --num-steps)");
    double lossSum = 0, stepSeconds = 0;
    int64_t tokens = 0, step = 0;
    for (rt::HostTensor &s : states) zero(s);
    for (const rt::text::LMBatch &b : batches) {
      if (b.batchSize != B || b.numSteps != T)
        throw Error("fitRnnLM: a minibatch of " + std::to_string(b.batchSize) + " x " +
                    std::to_string(b.numSteps) + " tokens, the trainer takes " +
                    std::to_string(B) + " x " + std::to_string(T));
      if (!o.sequential)
        for (rt::HostTensor &s : states) zero(s);
      rt::HostTensor x = ids(b.x, B, T), y = ids(b.y, B, T);
      std::vector<const rt::HostTensor *> batch{&x, &y};
      for (rt::HostTensor &s : states) batch.push_back(&s);
      const double t0 = now();
      float loss = trainer.step(batch);
      stepSeconds += now() - t0;
      // The final states become the next minibatch's (sequential partitioning).
      for (size_t k = 0; k < states.size(); ++k)
        std::memcpy(states[k].data(), trainer.outputs().at(k).data(), states[k].sizeInBytes());
      lossSum += double(loss) * double(B * T);
      tokens += B * T;
      ++step;
      if (o.onStep) o.onStep(epoch, step, int64_t(batches.size()), loss);
      if (o.shouldStop && o.shouldStop()) return last;
    }
    last.epoch = epoch;
    last.tokens = tokens;
    last.perplexity = std::exp(lossSum / double(tokens));
    last.tokensPerSec = stepSeconds > 0 ? double(tokens) / stepSeconds : 0;
    last.seconds = now() - start;
    if (o.onEpoch) o.onEpoch(last);
  }
  return last;
}

std::vector<int64_t> generateRnnLM(Evaluator &evaluator, const RnnLM &model,
                                   const std::vector<int64_t> &prefix, int64_t numTokens) {
  if (prefix.empty()) throw Error("generate: the prefix has no known token");
  std::vector<rt::HostTensor> states;
  for (int64_t k = 0; k < model.numStates(); ++k) {
    states.emplace_back(model.stateShape(1));
    zero(states.back());
  }
  std::vector<int64_t> out{prefix[0]};
  const int64_t V = model.options().vocabSize;
  auto feed = [&](int64_t token) -> const rt::HostTensor & {
    rt::HostTensor x = ids({token}, 1, 1);
    std::vector<const rt::HostTensor *> in{&x};
    for (rt::HostTensor &s : states) in.push_back(&s);
    const std::vector<rt::HostTensor> &res = evaluator.predict(in);
    for (size_t k = 0; k < states.size(); ++k)
      std::memcpy(states[k].data(), res.at(k + 1).data(), states[k].sizeInBytes());
    return res.at(0);
  };
  for (size_t i = 1; i < prefix.size(); ++i) { // warm-up
    feed(out.back());
    out.push_back(prefix[i]);
  }
  for (int64_t i = 0; i < numTokens; ++i) {
    const rt::HostTensor &logits = feed(out.back());
    const float *l = logits.f32();
    out.push_back(int64_t(std::max_element(l, l + V) - l));
  }
  return out;
}

} // namespace dlc::zoo
