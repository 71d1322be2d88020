//===- TrainingTest.cpp - learning happens, end to end on Fashion-MNIST ----===//
//
// The short version of `dlc train lenet`: d2l's recipe (sigmoid LeNet,
// lr 0.9, batch 256) for two epochs on the real data from Debian's
// dataset-fashion-mnist, which the test command's setup installs.
//
//===----------------------------------------------------------------------===//
#include "frontend/Fit.h"
#include "frontend/zoo/Zoo.h"

#include <gtest/gtest.h>

#include <optional>

namespace dlc::test {
namespace {

struct Data {
  rt::Dataset train, test;
};
const Data &fashionMNIST() {
  static Data d{rt::loadFashionMNIST(rt::kDefaultFashionMNISTDir, rt::Split::Train),
                rt::loadFashionMNIST(rt::kDefaultFashionMNISTDir, rt::Split::Test)};
  return d;
}

std::vector<EpochMetrics> fit(const std::string &model, float lr, int64_t epochs,
                              int64_t limit, std::optional<optim::Optimizer> opt = {}) {
  zoo::ZooModel zm = zoo::byName(model);
  zm.model->initialize(0);
  TrainerOptions to;
  to.learningRate = lr;
  if (opt) to.setOptimizer(*opt);
  Trainer trainer(*zm.model, to);
  std::vector<EpochMetrics> history;
  fitClassifier(trainer, head(fashionMNIST().train, limit), fashionMNIST().test,
                FitOptions{epochs, 0}, [&](const EpochMetrics &m) { history.push_back(m); });
  return history;
}

TEST(Training, LeNetLearnsInTwoEpochs) {
  auto h = fit("lenet", 0.9f, 2, 0);
  ASSERT_EQ(h.size(), 2u);
  // Chance is 0.1; the 10-epoch run reaches ~0.83, two epochs ~0.6.
  EXPECT_GT(h[1].testAccuracy, 0.45);
  EXPECT_LT(h[1].loss, h[0].loss);
}

TEST(Training, MLPLearnsInOneEpochOnASubset) {
  auto h = fit("mlp", 0.1f, 1, 10240);
  ASSERT_EQ(h.size(), 1u);
  EXPECT_GT(h[0].testAccuracy, 0.65);
  EXPECT_LT(h[0].loss, 1.5);
}

// The bar: d2l-level accuracy from Adam in one epoch (the book's
// MLP reaches ~0.8 after several SGD epochs).
TEST(Training, MLPWithAdamReachesD2LAccuracyInOneEpoch) {
  auto h = fit("mlp", 0, 1, 0, optim::Adam{.lr = 1e-3});
  ASSERT_EQ(h.size(), 1u);
  EXPECT_GE(h[0].testAccuracy, 0.80);
}

TEST(Training, RepeatedStepsFitOneBatch) {
  zoo::ZooModel zm = zoo::byName("mlp");
  zm.model->initialize(3);
  TrainerOptions to;
  to.batchSize = 8;
  to.learningRate = 0.1f;
  Trainer trainer(*zm.model, to);
  rt::HostTensor x({8, 1, 28, 28}), y({8}, rt::DType::I32);
  for (int64_t i = 0; i < x.numel(); ++i) x.f32()[i] = float(i % 17) / 17.0f;
  for (int i = 0; i < 8; ++i) y.i32()[i] = i % 10;
  float first = trainer.step(x, y);
  float later = first;
  for (int i = 0; i < 20; ++i) later = trainer.step(x, y);
  // Parameters are double-buffered and swapped each step: if the swap lost
  // an update, the loss would not keep falling.
  EXPECT_LT(later, first * 0.1f) << "repeated steps on one batch must fit it";
}

} // namespace
} // namespace dlc::test
