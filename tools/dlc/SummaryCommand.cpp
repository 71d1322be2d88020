//===- SummaryCommand.cpp - dlc summary: layers, output shapes, parameters ===//
//
// d2l's layer-by-layer shape check ("Conv2d output shape: (1, 6, 28, 28)"),
// done by tracing one example through the model.
//
//===----------------------------------------------------------------------===//
#include "tools/dlc/Commands.h"

#include "frontend/Graph.h"
#include "frontend/nn/Layers.h"
#include "frontend/zoo/Zoo.h"

#include <cstdio>

namespace dlc::tools {

int runSummary(const DriverOptions &o) {
  zoo::ZooModel zm = zoo::byName(o.input);
  std::vector<int64_t> shape{o.batchSize};
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

} // namespace dlc::tools
