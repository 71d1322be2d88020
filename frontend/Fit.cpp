//===- Fit.cpp - the classifier training loop -----------------------------===//
#include "frontend/Fit.h"

#include "runtime/data/BatchIterator.h"

#include <chrono>

namespace dlc {

int64_t countCorrect(const rt::HostTensor &logits, const int32_t *labels, int64_t count) {
  int64_t classes = logits.shape()[1], correct = 0;
  const float *l = logits.f32();
  for (int64_t i = 0; i < count; ++i) {
    const float *row = l + i * classes;
    int64_t best = 0;
    for (int64_t c = 1; c < classes; ++c)
      if (row[c] > row[best]) best = c;
    correct += best == labels[i];
  }
  return correct;
}

rt::Dataset head(const rt::Dataset &ds, int64_t n) {
  if (n <= 0 || n >= ds.size) return ds;
  rt::Dataset out;
  out.size = n;
  out.channels = ds.channels;
  out.height = ds.height;
  out.width = ds.width;
  out.source = ds.source;
  out.images.assign(ds.images.begin(), ds.images.begin() + n * ds.exampleSize());
  out.labels.assign(ds.labels.begin(), ds.labels.begin() + n);
  return out;
}

static std::vector<int64_t> batchShape(const Trainer &t) {
  std::vector<int64_t> s{t.options().batchSize};
  s.insert(s.end(), t.options().exampleShape.begin(), t.options().exampleShape.end());
  return s;
}

static double evaluate(Trainer &trainer, const rt::Dataset &test) {
  int64_t b = trainer.options().batchSize;
  rt::BatchIterator it(test, b, /*shuffle=*/false, 0, /*dropLast=*/false);
  rt::HostTensor x(batchShape(trainer)), y({b}, rt::DType::I32);
  int64_t count = 0, correct = 0, seen = 0;
  while (it.next({x.f32(), size_t(x.numel())}, {y.i32(), size_t(y.numel())}, count)) {
    correct += countCorrect(trainer.predict(x), y.i32(), count);
    seen += count;
  }
  return seen ? double(correct) / double(seen) : 0.0;
}

EpochMetrics fitClassifier(Trainer &trainer, const rt::Dataset &train, const rt::Dataset &test,
                           const FitOptions &options,
                           const std::function<void(const EpochMetrics &)> &onEpoch) {
  int64_t b = trainer.options().batchSize;
  if (train.size < b)
    throw Error("[dlc::fitClassifier] the training set has " + std::to_string(train.size) +
                " examples, fewer than one batch of " + std::to_string(b));
  rt::checkExampleShape(train, trainer.options().exampleShape);
  rt::checkExampleShape(test, trainer.options().exampleShape);
  rt::BatchIterator it(train, b, /*shuffle=*/true, options.seed, /*dropLast=*/true);
  rt::HostTensor x(batchShape(trainer)), y({b}, rt::DType::I32);
  EpochMetrics m{};
  for (int64_t epoch = 0; epoch < options.epochs; ++epoch) {
    it.startEpoch(epoch);
    double lossSum = 0, seconds = 0;
    int64_t batches = 0, correct = 0, count = 0;
    while (it.next({x.f32(), size_t(x.numel())}, {y.i32(), size_t(y.numel())}, count)) {
      auto t0 = std::chrono::steady_clock::now();
      float loss = trainer.step(x, y);
      seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      lossSum += loss;
      correct += countCorrect(trainer.logits(), y.i32(), count);
      ++batches;
      if (options.onStep) options.onStep(epoch + 1, batches, loss);
    }
    m.epoch = epoch + 1;
    m.loss = lossSum / double(batches);
    m.trainAccuracy = double(correct) / double(batches * b);
    m.examplesPerSec = double(batches * b) / seconds;
    m.testAccuracy = evaluate(trainer, test);
    if (onEpoch) onEpoch(m);
  }
  return m;
}

} // namespace dlc
