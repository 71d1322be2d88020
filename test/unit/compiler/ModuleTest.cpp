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

/// h' = tanh(x·Wᵀ + h), y = 2·h': two inputs, two outputs, one submodule.
class TinyCell : public nn::Module {
public:
  TinyCell() : Module("TinyCell", std::source_location::current()), proj(3, 2) {
    registerModule("proj", proj);
  }
  std::vector<Tensor> forwardMany(const std::vector<Tensor> &in) override {
    if (in.size() != 2) site().fail("TinyCell", "takes (x, h), got " + std::to_string(in.size()));
    Tensor h = tanh(add(proj(in[0]), in[1]));
    return {add(h, h), h};
  }
  nn::Linear proj;
};

TEST(Module, ForwardWithSeveralInputsAndOutputs) {
  TinyCell cell;
  cell.initialize(3);
  auto params = cell.parameters();
  ASSERT_EQ(params.size(), 2u);
  EXPECT_EQ(params[0]->name, "proj.weight");
  const rt::HostTensor &w = params[0]->value, &b = params[1]->value;
  Compiled fn({{{4, 3}}, {{4, 2}}}, [&](T a) {
    std::vector<Tensor> out = cell({a[0], a[1]});
    EXPECT_EQ(out.size(), 2u);
    return sub(out[0], out[1]); // = h'
  });
  auto in = fn.randomInputs(9);
  rt::HostTensor got = fn.output(in);
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 2; ++j) {
      float s = b.f32()[j] + in[1].f32()[i * 2 + j];
      for (int k = 0; k < 3; ++k) s += in[0].f32()[i * 3 + k] * w.f32()[j * 3 + k];
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
          EXPECT_NE(std::string(e.what()).find("takes (x, h), got 1"), std::string::npos)
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
