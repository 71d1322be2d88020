//===- custom_model.cpp - a user-defined model trained with dlc -----------===//
//
// What a user writes: a Module with member layers and a forward() made of
// DSL ops, trained with the compiled step. No gradient code anywhere.
//
//   build/bin/dlc-example-custom [--limit N] [--epochs E] [--data DIR]
//
//===----------------------------------------------------------------------===//
#include "frontend/Fit.h"
#include "frontend/nn/Layers.h"

#include <cstdio>
#include <cstring>
#include <string>

using namespace dlc;

/// A two-hidden-layer MLP with a residual-style skip between the hidden layers.
class SkipMLP : public nn::Module {
public:
  SkipMLP() : Module("SkipMLP", std::source_location::current()) {
    registerModule("fc1", fc1);
    registerModule("fc2", fc2);
    registerModule("out", out);
  }
  Tensor forward(const Tensor &x) override {
    Tensor h = relu(fc1(flatten(x)));
    Tensor g = relu(fc2(h));
    return out(add(h, g)); // the skip: same width, so shapes broadcast trivially
  }

private:
  nn::Linear fc1{784, 128}, fc2{128, 128}, out{128, 10};
};

int main(int argc, char **argv) {
  int64_t limit = 10240, epochs = 1;
  std::string data = rt::kDefaultFashionMNISTDir;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--limit")) limit = std::stoll(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--epochs")) epochs = std::stoll(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--data")) data = argv[i + 1];
  }
  try {
    SkipMLP model;
    model.initialize(/*seed=*/0);
    Trainer trainer(model, {.batchSize = 128, .exampleShape = {1, 28, 28}, .learningRate = 0.1f});
    rt::Dataset train = head(rt::loadFashionMNIST(data, rt::Split::Train), limit);
    rt::Dataset test = rt::loadFashionMNIST(data, rt::Split::Test);
    EpochMetrics m = fitClassifier(trainer, train, test, {epochs, 0}, [](const EpochMetrics &e) {
      std::printf("epoch %lld loss %.4f test acc %.4f\n", (long long)e.epoch, e.loss,
                  e.testAccuracy);
    });
    std::printf("parameters: %lld, final test accuracy %.4f\n",
                (long long)model.numParameters(), m.testAccuracy);
    return m.testAccuracy > 0.5 ? 0 : 1;
  } catch (const std::exception &e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return 1;
  }
}
