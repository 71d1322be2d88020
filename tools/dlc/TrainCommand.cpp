//===- TrainCommand.cpp - dlc train ---------------------------------------===//
//
//   dlc train lenet|mlp [--epochs N] [--batch-size B] [--lr F] [--weight-decay F]
//                       [--data DIR] [--seed S] [--limit N] [--metrics FILE]
//                       [--num-threads T] [--nonfinite=error|warn]
//
// d2l's train_ch6 on Fashion-MNIST: one line per epoch, the final test
// accuracy, and optionally a JSON-lines metrics file (MetricsFile.h).
//
//===----------------------------------------------------------------------===//
#include "tools/dlc/ArgChecks.h"
#include "tools/dlc/Command.h"
#include "tools/dlc/JitFlags.h"
#include "backends/cpu/JitOptions.h"
#include "tools/dlc/MetricsFile.h"

#include "frontend/Fit.h"
#include "frontend/zoo/Zoo.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>

namespace cl = llvm::cl;

namespace dlc::tools {
namespace {

cl::SubCommand TrainCmd("train", "train a zoo model (lenet, mlp, mlp_dropout) on Fashion-MNIST");
cl::OptionCategory jitCategory("JIT options (docs/jit.md)");
JitFlags jitFlags(TrainCmd, jitCategory);

cl::opt<std::string> model(cl::Positional, cl::Required, cl::desc("<model: lenet, mlp or mlp_dropout>"),
                           cl::sub(TrainCmd));
cl::opt<int64_t> epochs("epochs", cl::desc("epochs"), cl::init(10), cl::sub(TrainCmd));
cl::opt<int64_t> batchSize("batch-size", cl::desc("minibatch size"), cl::init(256),
                           cl::sub(TrainCmd));
cl::opt<double> lr("lr", cl::desc("SGD learning rate"), cl::init(0.9), cl::sub(TrainCmd));
cl::opt<double> weightDecay("weight-decay", cl::desc("L2 penalty (d2l's λ)"), cl::init(0.0),
                            cl::sub(TrainCmd));
cl::opt<std::string> data("data", cl::desc("Fashion-MNIST directory"),
                          cl::init(rt::kDefaultFashionMNISTDir), cl::sub(TrainCmd));
cl::opt<uint64_t> seed("seed", cl::desc("seed for initialisation, shuffling and dropout masks"), cl::init(0),
                       cl::sub(TrainCmd));
cl::opt<int64_t> limit("limit", cl::desc("use only the first N training examples (0: all)"),
                       cl::init(0), cl::sub(TrainCmd));
cl::opt<std::string> metricsPath("metrics",
                                 cl::desc("write one JSON object per epoch to FILE (JSON lines)"),
                                 cl::value_desc("FILE"), cl::sub(TrainCmd));
cl::opt<int64_t> numThreads(
    "num-threads", cl::desc("OpenMP threads for oneDNN kernels and compiled loops (0: all cores)"),
    cl::init(0), cl::sub(TrainCmd));

enum class NonFinite { Error, Warn };
cl::opt<NonFinite> nonFinite(
    "nonfinite", cl::desc("what a NaN or infinite training loss does"),
    cl::values(clEnumValN(NonFinite::Error, "error", "stop with an error (default)"),
               clEnumValN(NonFinite::Warn, "warn", "warn once and keep training")),
    cl::init(NonFinite::Error), cl::sub(TrainCmd));

/// Stops (or warns about) a diverged run at the first step whose loss is
/// NaN or infinite, naming where it happened.
class NonFiniteLossCheck {
public:
  void operator()(int64_t epoch, int64_t step, float loss) {
    if (std::isfinite(loss)) return;
    std::string where = llvm::formatv("epoch {0}, step {1}", epoch, step).str();
    if (nonFinite == NonFinite::Error)
      throw Error("training loss is " + std::to_string(loss) + " at " + where +
                  " (the run diverged: lower --lr; --nonfinite=warn keeps training)");
    if (warned) return;
    warned = true;
    std::fflush(stdout);
    llvm::errs() << "dlc: warning: training loss is " << std::to_string(loss) << " at " << where
                 << "; continuing (--nonfinite=warn)\n";
  }

private:
  bool warned = false;
};

int runTrain() {
  zoo::ZooModel zm = zoo::byName(model);
  // Every flag is checked before the data is read or anything compiled.
  requirePositive("epochs", epochs);
  requireBatchFits("batch-size", batchSize, zm.exampleShape);
  requireNonNegative("limit", limit);
  requireNonNegative("num-threads", numThreads);
  TrainerOptions to;
  to.batchSize = batchSize;
  to.exampleShape = zm.exampleShape;
  to.learningRate = finiteF32("lr", lr);
  to.weightDecay = finiteF32("weight-decay", weightDecay);
  to.seed = seed; // dropout masks, besides initialisation and shuffling
  // oneDNN's OpenMP runtime reads this at its first parallel region.
  if (numThreads > 0) setenv("OMP_NUM_THREADS", std::to_string(int64_t(numThreads)).c_str(), 1);

  rt::Dataset train = head(rt::loadFashionMNIST(data, rt::Split::Train), limit);
  rt::Dataset test = rt::loadFashionMNIST(data, rt::Split::Test);
  // Before compiling: images of another size would not fit the model's input.
  rt::checkExampleShape(train, zm.exampleShape);
  rt::checkExampleShape(test, zm.exampleShape);

  std::optional<MetricsFile> metrics;
  if (!metricsPath.empty()) metrics.emplace(metricsPath);
  zm.model->initialize(seed);
  std::printf("dlc: training %s (%lld parameters) on %lld Fashion-MNIST images, batch %lld, "
              "lr %g, %lld epochs\n",
              model.c_str(), (long long)zm.model->numParameters(), (long long)train.size,
              (long long)batchSize, double(to.learningRate), (long long)epochs);
  std::fflush(stdout);
  cpu::setDefaultJitOptions(jitFlags.options());
  Trainer trainer(*zm.model, to);
  FitOptions fo{epochs, seed};
  fo.onStep = NonFiniteLossCheck();
  EpochMetrics last = fitClassifier(trainer, train, test, fo, [&](const EpochMetrics &m) {
    std::printf("epoch %2lld  loss %.4f  train acc %.4f  test acc %.4f  %.0f examples/s\n",
                (long long)m.epoch, m.loss, m.trainAccuracy, m.testAccuracy, m.examplesPerSec);
    std::fflush(stdout);
    if (metrics)
      metrics->append(llvm::json::Object{{"epoch", m.epoch},
                       {"loss", MetricsFile::number(m.loss)},
                       {"train_acc", MetricsFile::number(m.trainAccuracy)},
                       {"test_acc", MetricsFile::number(m.testAccuracy)},
                       {"examples_per_sec", MetricsFile::number(m.examplesPerSec)}});
  });
  std::printf("final test accuracy %.4f\n", last.testAccuracy);
  return 0;
}

RegisterCommand reg(TrainCmd, &runTrain);

} // namespace
} // namespace dlc::tools
