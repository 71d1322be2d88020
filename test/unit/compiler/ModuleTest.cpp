//===- ModuleTest.cpp - modules with several inputs and outputs -----------===//
//
// A module's forward may take and return several tensors (an RNN step
// (x, h) -> (y, h'), attention (q, k, v)); single-tensor modules keep
// forward(x). Checked by tracing, compiling and running against a naive loop,
// and by the errors a mismatched call gives.
//
//===----------------------------------------------------------------------===//
#include "Harness.h"

#include "frontend/nn/Layers.h"

#include <gtest/gtest.h>

#include <cmath>

namespace dlc::test {
namespace {

using T = const std::vector<Tensor> &;

/// h' = tanh(x·Wᵀ + h), y = 2·h': three inputs (x, h, W), two outputs, a
/// single-tensor submodule inside.
class TinyCell : public nn::Module {
public:
  TinyCell() : Module("TinyCell", std::source_location::current()) {
    registerModule("act", act);
  }
  std::vector<Tensor> forwardMany(const std::vector<Tensor> &in) override {
    if (in.size() != 3)
      site().fail("TinyCell", "takes (x, h, w), got " + std::to_string(in.size()));
    Tensor h = act(add(matmul(in[0], in[2], false, true), in[1]));
    return {add(h, h), h};
  }
  nn::Tanh act;
};

TEST(Module, ForwardWithSeveralInputsAndOutputs) {
  TinyCell cell;
  Compiled fn({{{4, 3}}, {{4, 2}}, {{2, 3}}}, [&](T a) {
    std::vector<Tensor> out = cell({a[0], a[1], a[2]});
    EXPECT_EQ(out.size(), 2u);
    return sub(out[0], out[1]); // = h'
  });
  auto in = fn.randomInputs(9);
  rt::HostTensor got = fn.output(in);
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 2; ++j) {
      float s = in[1].f32()[i * 2 + j];
      for (int k = 0; k < 3; ++k) s += in[0].f32()[i * 3 + k] * in[2].f32()[j * 3 + k];
      EXPECT_NEAR(got.f32()[i * 2 + j], std::tanh(s), 1e-5) << i << "," << j;
    }
}

TEST(Module, SeveralOutputsThroughTheSingleTensorCallIsAnError) {
  TinyCell cell;
  Graph g;
  g.beginFunction();
  Tensor x = g.input("x", {4, 3});
  EXPECT_THROW(
      {
        try {
          cell(x);
        } catch (const Error &e) {
          EXPECT_NE(std::string(e.what()).find("takes (x, h, w), got 1"), std::string::npos)
              << e.what();
          throw;
        }
      },
      Error);
}

TEST(Module, SingleTensorLayerRejectsSeveralInputs) {
  nn::ReLU relu;
  Graph g;
  g.beginFunction();
  Tensor x = g.input("x", {4, 3});
  try {
    relu({x, x});
    FAIL() << "expected an error";
  } catch (const Error &e) {
    EXPECT_NE(std::string(e.what()).find("ReLU(): takes one tensor, got 2"), std::string::npos)
        << e.what();
  }
  EXPECT_EQ(relu(std::vector<Tensor>{x}).size(), 1u);
}

} // namespace
} // namespace dlc::test
