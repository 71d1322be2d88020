//===- FrontendErrorTest.cpp - user mistakes name the user's source line ---===//
#include "Harness.h"

#include "frontend/Trainer.h"
#include "frontend/nn/Layers.h"

#include <gtest/gtest.h>

namespace dlc::test {
namespace {

std::string here(int line) { return "FrontendErrorTest.cpp:" + std::to_string(line); }

TEST(FrontendErrors, LinearInputFeaturesMismatchNamesTheLayerLine) {
  int line = __LINE__ + 1;
  nn::Sequential net{nn::Flatten(), nn::Linear(400, 120)};
  Graph g;
  g.beginFunction();
  Tensor x = g.input("x", {4, 16, 4, 4}); // 256 features, not 400
  expectError([&] { net(x); }, {here(line), "Linear(400, 120)", "400", "f32[4, 256]"});
}

TEST(FrontendErrors, BroadcastMismatchNamesTheCallLine) {
  Graph g;
  g.beginFunction();
  Tensor a = g.input("a", {2, 3}), b = g.input("b", {4});
  int line = __LINE__ + 1;
  expectError([&] { add(a, b); }, {here(line), "add", "[2, 3]", "[4]", "do not broadcast"});
}

TEST(FrontendErrors, ConvChannelMismatch) {
  int line = __LINE__ + 1;
  nn::Conv2d conv(nn::Conv2dOptions(3, 8, 3));
  Graph g;
  g.beginFunction();
  Tensor x = g.input("x", {1, 1, 8, 8});
  expectError([&] { conv(x); }, {here(line), "Conv2d(3, 8", "1 channels", "expects 3"});
}

TEST(FrontendErrors, PoolWindowLargerThanInput) {
  Graph g;
  g.beginFunction();
  Tensor x = g.input("x", {1, 1, 2, 2});
  int line = __LINE__ + 1;
  expectError([&] { avgPool2d(x, {3, 3}, {1, 1}, {0, 0}); }, {here(line), "larger than"});
}

TEST(FrontendErrors, AmaxAndLogSoftmaxAxes) {
  Graph g;
  g.beginFunction();
  Tensor x = g.input("x", {4, 2, 3});
  int line = __LINE__ + 1;
  expectError([&] { amax(x, {3}); }, {here(line), "amax", "axis 3 out of range for rank 3"});
  line = __LINE__ + 1;
  expectError([&] { amax(x, {2, 0}); }, {here(line), "amax", "sorted and distinct"});
  line = __LINE__ + 1;
  expectError([&] { logSoftmax(x, 3); }, {here(line), "log_softmax", "axis 3 out of range"});
}

TEST(FrontendErrors, LabelsMustBeIntegers) {
  Graph g;
  g.beginFunction();
  Tensor logits = g.input("l", {4, 3}), labels = g.input("y", {4});
  expectError([&] { crossEntropy(logits, labels); }, {"labels must be i32"});
}

TEST(FrontendErrors, ReshapeElementCount) {
  Graph g;
  g.beginFunction();
  Tensor x = g.input("x", {2, 3});
  expectError([&] { reshape(x, {4, 2}); }, {"cannot reshape", "6 elements"});
  expectError([&] { reshape(x, {4, -1}); }, {"cannot infer -1"});
}

TEST(FrontendErrors, OpsOutsideTracing) {
  expectError([] { scalar(1.0f); }, {"no model is being traced"});
}

TEST(FrontendErrors, TracedLocationsCarryUserLines) {
  Graph g;
  g.beginFunction();
  Tensor x = g.input("x", {2, 3});
  int line = __LINE__ + 1;
  Tensor y = sigmoid(x);
  g.finishFunction("f", {y});
  std::string printed;
  llvm::raw_string_ostream os(printed);
  y.value().getDefiningOp()->getLoc().print(os);
  std::string want = "FrontendErrorTest.cpp\":" + std::to_string(line);
  EXPECT_NE(printed.find(want), std::string::npos) << printed;
}

TEST(JitErrors, WrongArgumentShapeIsReported) {
  Compiled fn({{{2, 3}}}, [](const std::vector<Tensor> &a) { return sigmoid(a[0]); });
  std::vector<rt::HostTensor> bad{rt::HostTensor({3, 2})};
  try {
    fn.output(bad);
    FAIL() << "expected JitError";
  } catch (const cpu::JitError &e) {
    EXPECT_NE(std::string(e.what()).find("expected f32[2, 3], got f32[3, 2]"), std::string::npos)
        << e.what();
  }
}

} // namespace
} // namespace dlc::test
