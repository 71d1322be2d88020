//===- Fit.cpp - the classifier training loop -----------------------------===//
#include "frontend/Fit.h"

#include "runtime/data/BatchIterator.h"

#include <chrono>
#include <cstring>

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

static std::vector<int64_t> batchShape(int64_t b, const rt::Dataset &ds) {
  return {b, ds.channels, ds.height, ds.width};
}

EvalMetrics evaluateClassifier(Evaluator &evaluator, const rt::Dataset &ds, int64_t b) {
  if (b <= 0) throw Error("[dlc::evaluateClassifier] batch size must be positive");
  rt::BatchIterator it(ds, b, /*shuffle=*/false, 0, /*dropLast=*/false);
  rt::HostTensor x(batchShape(b, ds)), y({b}, rt::DType::I32);
  EvalMetrics m;
  double lossSum = 0;
  int64_t count = 0, correct = 0;
  while (it.next({x.f32(), size_t(x.numel())}, {y.i32(), size_t(y.numel())}, count)) {
    const rt::HostTensor *xs = &x, *ys = &y;
    rt::HostTensor xPart, yPart; // the last batch, at its own size
    if (count < b) {
      xPart = rt::HostTensor(batchShape(count, ds));
      yPart = rt::HostTensor({count}, rt::DType::I32);
      std::memcpy(xPart.f32(), x.f32(), size_t(xPart.numel()) * sizeof(float));
      std::memcpy(yPart.i32(), y.i32(), size_t(count) * sizeof(int32_t));
      xs = &xPart;
      ys = &yPart;
    }
    lossSum += double(evaluator.evaluate({xs, ys})) * double(count);
    correct += countCorrect(evaluator.outputs().at(0), ys->i32(), count);
    m.examples += count;
  }
  if (m.examples) {
    m.loss = lossSum / double(m.examples);
    m.accuracy = double(correct) / double(m.examples);
  }
  return m;
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
  if (options.start.batch < 0 || options.start.batch >= it.batchesPerEpoch())
    throw Error("[dlc::fitClassifier] cannot resume at batch " +
                std::to_string(options.start.batch) + ": an epoch has " +
                std::to_string(it.batchesPerEpoch()) + " batches");
  rt::HostTensor x(batchShape(b, train)), y({b}, rt::DType::I32);
  EpochMetrics m{};
  using Clock = std::chrono::steady_clock;
  for (int64_t epoch = options.start.epoch; epoch < options.epochs; ++epoch) {
    auto epochStart = Clock::now();
    it.startEpoch(epoch);
    double lossSum = 0, seconds = 0;
    int64_t batches = 0, trained = 0, correct = 0, count = 0;
    int64_t skip = epoch == options.start.epoch ? options.start.batch : 0;
    while (it.next({x.f32(), size_t(x.numel())}, {y.i32(), size_t(y.numel())}, count)) {
      if (batches < skip) { // resumed: trained before the checkpoint
        ++batches;
        continue;
      }
      auto t0 = Clock::now();
      float loss = trainer.step(x, y);
      seconds += std::chrono::duration<double>(Clock::now() - t0).count();
      lossSum += loss;
      correct += countCorrect(trainer.logits(), y.i32(), count);
      ++batches;
      ++trained;
      if (options.onStep) options.onStep(epoch + 1, batches, loss);
      if (options.shouldStop && options.shouldStop()) {
        FitPosition at = batches == it.batchesPerEpoch() ? FitPosition{epoch + 1, 0}
                                                          : FitPosition{epoch, batches};
        if (options.stoppedAt) *options.stoppedAt = at;
        if (at.batch != 0) return m; // mid-epoch: no epoch metrics
        break;
      }
    }
    m.epoch = epoch + 1;
    m.loss = lossSum / double(trained);
    m.trainAccuracy = double(correct) / double(trained * b);
    m.examplesPerSec = double(trained * b) / seconds;
    EvalMetrics t = evaluateClassifier(trainer.evaluator(), test, b);
    m.testLoss = t.loss;
    m.testAccuracy = t.accuracy;
    m.seconds = std::chrono::duration<double>(Clock::now() - epochStart).count();
    if (onEpoch) onEpoch(m);
    if (options.shouldStop && options.shouldStop()) return m;
  }
  return m;
}

} // namespace dlc
