//===- GradientTest.cpp - every op's VJP against finite differences -------===//
//
// Each case traces `loss = sum(op(inputs) * R)`, derives @loss_grad with
// dl-autodiff, runs both through the JIT (and oneDNN for conv/pool), and
// compares the analytic gradient with central differences of @loss.
//
//===----------------------------------------------------------------------===//
#include "Harness.h"

#include <gtest/gtest.h>

namespace dlc::test {
namespace {

struct GradCase {
  const char *name;
  std::vector<InputSpec> inputs;
  std::function<Tensor(const std::vector<Tensor> &)> body;
  float eps = 1e-2f;
};

using T = const std::vector<Tensor> &;
const InputSpec positive{{3, 4}, rt::DType::F32, 0.5f, 2.0f};

std::vector<GradCase> cases() {
  return {
      {"add_broadcast", {{{3, 4}}, {{4}}}, [](T a) { return add(a[0], a[1]); }},
      {"add_size1_dims", {{{3, 1}}, {{1, 4}}}, [](T a) { return add(a[0], a[1]); }},
      {"sub_scalar", {{{3, 4}}, {{}}}, [](T a) { return sub(a[1], a[0]); }},
      {"mul_broadcast", {{{2, 3, 4}}, {{3, 1}}}, [](T a) { return mul(a[0], a[1]); }},
      {"div", {{{3, 4}}, positive}, [](T a) { return div(a[0], a[1]); }},
      {"neg", {{{3, 4}}}, [](T a) { return neg(a[0]); }},
      {"exp", {{{3, 4}}}, [](T a) { return exp(a[0]); }},
      {"log", {positive}, [](T a) { return log(a[0]); }},
      {"tanh", {{{3, 4}}}, [](T a) { return tanh(a[0]); }},
      {"sigmoid", {{{3, 4}, rt::DType::F32, -3, 3}}, [](T a) { return sigmoid(a[0]); }},
      // Inputs kept away from the kink at 0.
      {"relu", {{{3, 4}, rt::DType::F32, 0.2f, 1.0f}},
       [](T a) { return relu(sub(a[0], scalar(0.6f))); }, 1e-3f},
      {"matmul", {{{3, 5}}, {{5, 2}}}, [](T a) { return matmul(a[0], a[1]); }},
      {"matmul_tb", {{{3, 5}}, {{2, 5}}}, [](T a) { return matmul(a[0], a[1], false, true); }},
      {"matmul_ta", {{{5, 3}}, {{5, 2}}}, [](T a) { return matmul(a[0], a[1], true, false); }},
      {"matmul_tab", {{{5, 3}}, {{2, 5}}}, [](T a) { return matmul(a[0], a[1], true, true); }},
      {"sum_axes", {{{2, 3, 4}}}, [](T a) { return sum(a[0], {0, 2}); }},
      {"sum_keepdims", {{{2, 3, 4}}}, [](T a) { return sum(a[0], {1}, true); }},
      {"mean", {{{2, 3, 4}}}, [](T a) { return mean(a[0], {2}); }},
      {"softmax", {{{3, 5}}}, [](T a) { return softmax(a[0], 1); }},
      {"softmax_axis0", {{{4, 3}}}, [](T a) { return softmax(a[0], 0); }},
      {"log_softmax", {{{3, 5}}}, [](T a) { return logSoftmax(a[0], 1); }},
      {"log_softmax_axis0", {{{4, 3}}}, [](T a) { return logSoftmax(a[0], 0); }},
      // Random inputs have no ties; a small step stays on one side of the
      // kinks where the arg-max changes. (Ties: DecompositionTest.)
      {"amax", {{{3, 5}}}, [](T a) { return amax(a[0], {1}); }, 1e-3f},
      {"amax_axes_keepdims", {{{2, 3, 4}}}, [](T a) { return amax(a[0], {0, 2}, true); }, 1e-3f},
      {"reshape", {{{2, 6}}}, [](T a) { return mul(reshape(a[0], {3, 4}), reshape(a[0], {3, 4})); }},
      {"broadcast_to", {{{3, 1}}}, [](T a) { return broadcastTo(a[0], {2, 3, 4}); }},
      {"conv2d", {{{2, 3, 7, 7}}, {{4, 3, 3, 3}}},
       [](T a) { return conv2d(a[0], a[1], {2, 2}, {1, 1}); }},
      {"conv2d_lenet1", {{{2, 1, 8, 8}}, {{3, 1, 5, 5}}},
       [](T a) { return conv2d(a[0], a[1], {1, 1}, {2, 2}); }},
      {"avg_pool2d", {{{2, 3, 6, 6}}}, [](T a) { return avgPool2d(a[0], {2, 2}, {2, 2}, {0, 0}); }},
      {"avg_pool2d_pad", {{{1, 2, 5, 5}}},
       [](T a) { return avgPool2d(a[0], {3, 3}, {1, 1}, {1, 1}); }},
      {"max_pool2d", {{{2, 3, 6, 6}}}, [](T a) { return maxPool2d(a[0], {2, 2}, {2, 2}, {0, 0}); },
       1e-3f},
      {"cross_entropy", {{{6, 5}, rt::DType::F32, -2, 2}, {{6}, rt::DType::I32, 0, 5}},
       [](T a) { return crossEntropy(a[0], a[1]); }},
      {"value_used_twice", {{{3, 4}}},
       [](T a) { return mul(sigmoid(a[0]), tanh(a[0])); }},
      {"mlp_chain", {{{4, 6}}, {{5, 6}}, {{5}}, {{4}, rt::DType::I32, 0, 5}},
       [](T a) {
         return crossEntropy(sigmoid(add(matmul(a[0], a[1], false, true), a[2])), a[3]);
       }},
  };
}

class Gradient : public ::testing::TestWithParam<GradCase> {};

TEST_P(Gradient, MatchesFiniteDifferences) {
  const GradCase &c = GetParam();
  Compiled fn(c.inputs, c.body);
  auto inputs = fn.randomInputs(42);
  double err = gradientError(fn, inputs, c.eps, /*atol=*/2e-3, /*rtol=*/2e-2);
  EXPECT_LE(err, 1.0) << c.name << ": analytic gradient differs from central differences";
}

INSTANTIATE_TEST_SUITE_P(Ops, Gradient, ::testing::ValuesIn(cases()),
                         [](const auto &info) { return std::string(info.param.name); });

// The check is not vacuous: the gradient of a different function fails it.
TEST(GradientHarness, RejectsAWrongGradient) {
  Compiled square({{{3, 4}}}, [](T a) { return mul(a[0], a[0]); });
  Compiled identity({{{3, 4}}}, [](T a) { return mul(a[0], scalar(1.0f)); });
  auto inputs = square.randomInputs(1);
  EXPECT_LE(gradientError(square, inputs, 1e-2f, 2e-3, 2e-2), 1.0);
  EXPECT_GT(gradientError(square, inputs, identity.gradients(inputs), 1e-2f, 2e-3, 2e-2), 1.0);
}

} // namespace
} // namespace dlc::test
