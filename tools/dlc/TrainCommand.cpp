//===- TrainCommand.cpp - dlc train ---------------------------------------===//
#include "tools/dlc/Commands.h"

#include "frontend/Fit.h"
#include "frontend/zoo/Zoo.h"

#include <cstdio>
#include <fstream>
#include <iostream>

namespace dlc::tools {

int runTrain(const DriverOptions &o) {
  zoo::ZooModel zm = zoo::byName(o.input);
  if (o.epochs < 1 || o.batchSize < 1) throw Error("--epochs and --batch-size must be positive");
  rt::Dataset train = head(rt::loadFashionMNIST(o.data, rt::Split::Train), o.limit);
  rt::Dataset test = rt::loadFashionMNIST(o.data, rt::Split::Test);

  std::ofstream metrics;
  if (!o.metrics.empty()) {
    metrics.open(o.metrics);
    if (!metrics) throw Error("cannot write metrics file '" + o.metrics + "'");
  }
  zm.model->initialize(o.seed);
  TrainerOptions to;
  to.batchSize = o.batchSize;
  to.exampleShape = zm.exampleShape;
  to.learningRate = static_cast<float>(o.lr);
  to.weightDecay = o.weightDecay;
  std::printf("dlc: training %s (%lld parameters) on %lld Fashion-MNIST images, batch %lld, "
              "lr %g, %lld epochs\n",
              o.input.c_str(), (long long)zm.model->numParameters(), (long long)train.size,
              (long long)o.batchSize, o.lr, (long long)o.epochs);
  std::fflush(stdout);
  Trainer trainer(*zm.model, to);
  EpochMetrics last = fitClassifier(
      trainer, train, test, FitOptions{o.epochs, o.seed}, [&](const EpochMetrics &m) {
        std::printf("epoch %2lld  loss %.4f  train acc %.4f  test acc %.4f  %.0f examples/s\n",
                    (long long)m.epoch, m.loss, m.trainAccuracy, m.testAccuracy,
                    m.examplesPerSec);
        std::fflush(stdout);
        if (metrics.is_open())
          metrics << "{\"epoch\": " << m.epoch << ", \"loss\": " << m.loss
                  << ", \"train_acc\": " << m.trainAccuracy << ", \"test_acc\": "
                  << m.testAccuracy << ", \"examples_per_sec\": " << m.examplesPerSec << "}"
                  << std::endl;
      });
  std::printf("final test accuracy %.4f\n", last.testAccuracy);
  return 0;
}

} // namespace dlc::tools
