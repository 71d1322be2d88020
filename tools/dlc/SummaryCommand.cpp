//===- SummaryCommand.cpp - dlc summary: layers, output shapes, parameters ===//
//
// d2l's layer-by-layer shape check ("Conv2d output shape: (1, 6, 28, 28)"),
// done by tracing one example through the model.
//
//===----------------------------------------------------------------------===//
#include "tools/dlc/ArgChecks.h"
#include "tools/dlc/Command.h"

#include "frontend/Graph.h"
#include "frontend/nn/Layers.h"
#include "frontend/zoo/Zoo.h"

#include "llvm/Support/CommandLine.h"

#include <cstdio>

namespace cl = llvm::cl;

namespace dlc::tools {
namespace {

cl::SubCommand SummaryCmd("summary", "print each layer's output shape and parameter count");

cl::opt<std::string> model(cl::Positional, cl::Required, cl::desc("<model: lenet, mlp or mlp_dropout>"),
                           cl::sub(SummaryCmd));
cl::opt<int64_t> batchSize("batch-size", cl::desc("batch size traced through the model"),
                           cl::init(256), cl::sub(SummaryCmd));

int runSummary() {
  zoo::ZooModel zm = zoo::byName(model);
  requireBatchFits("batch-size", batchSize, zm.exampleShape);
  std::vector<int64_t> shape{batchSize};
  shape.insert(shape.end(), zm.exampleShape.begin(), zm.exampleShape.end());
  Graph graph;
  graph.beginFunction();
  Tensor x = graph.input("x", shape);
  std::printf("%-52s %-22s %10s\n", "layer", "output shape", "parameters");
  std::printf("%-52s %-22s %10s\n", "input", x.typeString().c_str(), "");
  const nn::Sequential *seq = zm.model->asSequential();
  if (seq) {
    for (const auto &layer : seq->layers()) {
      x = (*layer)(x);
      std::printf("%-52s %-22s %10lld\n", layer->description().c_str(), x.typeString().c_str(),
                  (long long)layer->numParameters());
    }
  } else {
    x = (*zm.model)(x);
    std::printf("%-52s %-22s %10lld\n", zm.model->description().c_str(), x.typeString().c_str(),
                (long long)zm.model->numParameters());
  }
  std::printf("total parameters: %lld\n", (long long)zm.model->numParameters());
  return 0;
}

RegisterCommand reg(SummaryCmd, &runSummary);

} // namespace
} // namespace dlc::tools
