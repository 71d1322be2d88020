//===- Zoo.cpp - models dlc ships by name ---------------------------------===//
#include "frontend/zoo/Zoo.h"

namespace dlc::zoo {
using namespace nn;

std::shared_ptr<Module> lenet() {
  return std::make_shared<Sequential>(Sequential{
      Conv2d(Conv2dOptions(1, 6, 5).padding(2)), Sigmoid(),
      AvgPool2d(Pool2dOptions(2).stride(2)),
      Conv2d(Conv2dOptions(6, 16, 5)), Sigmoid(),
      AvgPool2d(Pool2dOptions(2).stride(2)),
      Flatten(),
      Linear(16 * 5 * 5, 120), Sigmoid(),
      Linear(120, 84), Sigmoid(),
      Linear(84, 10),
  });
}

std::shared_ptr<Module> mlp() {
  return std::make_shared<Sequential>(Sequential{
      Flatten(), Linear(784, 256), ReLU(), Linear(256, 10),
  });
}

std::shared_ptr<Module> mlpDropout() {
  return std::make_shared<Sequential>(Sequential{
      Flatten(), Linear(784, 256), ReLU(), Dropout(0.2), Linear(256, 256), ReLU(), Dropout(0.5),
      Linear(256, 10),
  });
}

const std::vector<std::string> &names() {
  static const std::vector<std::string> all{"lenet", "mlp", "mlp_dropout"};
  return all;
}

ZooModel byName(const std::string &name) {
  // Recipes are d2l's: LeNet (lr 0.9, 10 epochs, batch 256), the concise MLP
  // (lr 0.1), the dropout MLP (lr 0.5).
  if (name == "lenet") return {lenet(), {1, 28, 28}, 10, {0.9, 256, 10}};
  if (name == "mlp") return {mlp(), {1, 28, 28}, 10, {0.1, 256, 10}};
  if (name == "mlp_dropout") return {mlpDropout(), {1, 28, 28}, 10, {0.5, 256, 10}};
  std::string known;
  for (const std::string &n : names()) known += (known.empty() ? "" : ", ") + n;
  throw Error("unknown model '" + name + "' (the zoo has: " + known + ")");
}

} // namespace dlc::zoo
