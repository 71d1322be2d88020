//===- PredictCommand.cpp - dlc predict: classify images with a checkpoint ===//
//
//   dlc predict MODEL --checkpoint FILE (--idx IMAGES [--labels LABELS] [--range A:B]
//                                        | IMAGE.png|IMAGE.pgm ...)
//               [--batch-size B] [--top K] [--invert]
//
// Loads a saved model and prints, per image, the top-K Fashion-MNIST classes
// with their softmax probabilities (and the true label when an IDX labels
// file is given). Images run in batches of up to B; the last batch runs at
// its own size (the Evaluator compiles once per batch size).
//
//===----------------------------------------------------------------------===//
#include "tools/dlc/ArgChecks.h"
#include "tools/dlc/Command.h"
#include "tools/dlc/JitFlags.h"

#include "frontend/Checkpoint.h"
#include "frontend/Fit.h"
#include "frontend/zoo/Zoo.h"
#include "runtime/data/Image.h"

#include "llvm/Support/CommandLine.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <numeric>

namespace cl = llvm::cl;

namespace dlc::tools {
namespace {

cl::SubCommand PredictCmd("predict", "classify images with a saved model");
cl::OptionCategory jitCategory("JIT options (docs/jit.md)");
JitFlags jitFlags(PredictCmd, jitCategory);

cl::opt<std::string> model(cl::Positional, cl::Required,
                           cl::desc("<model: lenet, mlp or mlp_dropout>"), cl::sub(PredictCmd));
cl::list<std::string> images(cl::Positional, cl::desc("[IMAGE.png|IMAGE.pgm ...]"),
                             cl::sub(PredictCmd));
cl::opt<std::string> checkpoint("checkpoint", cl::Required,
                                cl::desc("the saved model (safetensors)"),
                                cl::value_desc("FILE"), cl::sub(PredictCmd));
cl::opt<std::string> idx("idx", cl::desc("an IDX images file (Fashion-MNIST layout)"),
                         cl::value_desc("FILE"), cl::sub(PredictCmd));
cl::opt<std::string> labels("labels", cl::desc("the IDX labels file matching --idx"),
                            cl::value_desc("FILE"), cl::sub(PredictCmd));
cl::opt<std::string> range("range", cl::desc("examples A to B-1 of --idx (default 0:10)"),
                           cl::value_desc("A:B"), cl::init("0:10"), cl::sub(PredictCmd));
cl::opt<int64_t> batchSize("batch-size", cl::desc("images per compiled call"), cl::init(256),
                           cl::sub(PredictCmd));
cl::opt<int64_t> top("top", cl::desc("classes printed per image"), cl::init(1),
                     cl::sub(PredictCmd));
cl::opt<bool> invert("invert", cl::desc("invert image files (a dark object on a light page)"),
                     cl::sub(PredictCmd));

std::pair<int64_t, int64_t> parseRange(const std::string &s) {
  auto colon = s.find(':');
  auto number = [&](const std::string &t) -> int64_t {
    char *end = nullptr;
    errno = 0;
    long long v = std::strtoll(t.c_str(), &end, 10);
    if (t.empty() || *end || errno || v < 0)
      throw Error("--range '" + s + "': expected A:B with 0 <= A < B");
    return v;
  };
  if (colon == std::string::npos) throw Error("--range '" + s + "': expected A:B with 0 <= A < B");
  int64_t a = number(s.substr(0, colon)), b = number(s.substr(colon + 1));
  if (a >= b) throw Error("--range '" + s + "': expected A:B with 0 <= A < B");
  return {a, b};
}

int runPredict() {
  zoo::ZooModel zm = zoo::byName(model);
  requireBatchFits("batch-size", batchSize, zm.exampleShape);
  requirePositive("top", top);
  if (idx.empty() == images.empty())
    throw Error("give either --idx FILE or image files (PNG or PGM), not " +
                std::string(idx.empty() ? "neither" : "both"));
  if (!labels.empty() && idx.empty()) throw Error("--labels needs --idx");
  if (zm.exampleShape.size() != 3 || zm.exampleShape[0] != 1)
    throw Error("dlc predict reads greyscale images; '" + std::string(model) +
                "' does not take one channel");
  int64_t h = zm.exampleShape[1], w = zm.exampleShape[2];

  // The examples and their names, read and checked before anything compiles.
  rt::Dataset ds;
  std::vector<std::string> names;
  if (!idx.empty()) {
    auto [a, b] = parseRange(range);
    ds = rt::loadIdxRange(idx, labels, a, b - a);
    for (int64_t i = a; i < b; ++i) names.push_back("#" + std::to_string(i));
  } else {
    ds.channels = 1;
    ds.height = h;
    ds.width = w;
    for (const std::string &path : images) {
      rt::GreyImage img = rt::loadModelImage(path, h, w, invert);
      ds.images.insert(ds.images.end(), img.pixels.begin(), img.pixels.end());
      names.push_back(path);
    }
    ds.size = int64_t(images.size());
  }
  rt::checkExampleShape(ds, zm.exampleShape);
  load(*zm.model, checkpoint, /*strict=*/true);
  cpu::setDefaultJitOptions(jitFlags.options());
  TrainerOptions to;
  to.batchSize = batchSize;
  to.exampleShape = zm.exampleShape;
  Evaluator evaluator(*zm.model, to);

  const std::vector<std::string> &classes = rt::fashionMnistClassNames();
  int64_t k = std::min<int64_t>(top, int64_t(classes.size())), correct = 0;
  for (int64_t first = 0; first < ds.size; first += batchSize) {
    int64_t n = std::min<int64_t>(batchSize, ds.size - first);
    rt::HostTensor x({n, 1, h, w});
    std::memcpy(x.f32(), ds.images.data() + first * h * w, size_t(n * h * w) * sizeof(float));
    const rt::HostTensor &logits = evaluator.predict(x);
    int64_t c = logits.shape()[1];
    for (int64_t i = 0; i < n; ++i) {
      const float *row = logits.f32() + i * c;
      float mx = *std::max_element(row, row + c);
      std::vector<double> p(static_cast<size_t>(c));
      double z = 0;
      for (int64_t j = 0; j < c; ++j) z += p[size_t(j)] = std::exp(double(row[j] - mx));
      std::vector<int64_t> order(static_cast<size_t>(c));
      std::iota(order.begin(), order.end(), 0);
      std::sort(order.begin(), order.end(), [&](int64_t u, int64_t v) {
        return p[size_t(u)] != p[size_t(v)] ? p[size_t(u)] > p[size_t(v)] : u < v;
      });
      std::printf("%s:", names[size_t(first + i)].c_str());
      for (int64_t r = 0; r < k; ++r) {
        int64_t cls = order[size_t(r)];
        std::printf(" %s %.3f", cls < int64_t(classes.size()) ? classes[size_t(cls)].c_str()
                                                               : std::to_string(cls).c_str(),
                    p[size_t(cls)] / z);
      }
      if (!ds.labels.empty()) {
        int32_t truth = ds.labels[size_t(first + i)];
        correct += order[0] == truth;
        std::printf("  (label: %s)", classes[size_t(truth)].c_str());
      }
      std::printf("\n");
    }
  }
  if (!ds.labels.empty())
    std::printf("accuracy %.4f on %lld images\n", double(correct) / double(ds.size),
                (long long)ds.size);
  return 0;
}

RegisterCommand reg(PredictCmd, &runPredict);

} // namespace
} // namespace dlc::tools
