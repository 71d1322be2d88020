//===- TrainCommand.cpp - dlc train ---------------------------------------===//
//
//   dlc train MODEL [--epochs N] [--batch-size B] [--lr F] [--weight-decay F]
//                   [--optimizer sgd|adam|adamw|rmsprop|adagrad] [--momentum F]
//                   [--clip-grad-norm F] [--schedule SPEC]
//                   [--save FILE] [--save-every N] [--resume FILE]
//                   [--data DIR] [--seed S] [--limit N] [--metrics FILE]
//                   [--metrics-every N] [--progress auto|always|never]
//                   [--num-threads T] [--nonfinite=error|warn]
//
// d2l's train_ch6 on Fashion-MNIST with each zoo model's own d2l recipe as
// the defaults (zoo::Recipe). Progress inside each epoch, one line per epoch,
// the final test accuracy, optionally a JSON-lines metrics file. Ctrl-C
// finishes the current step, saves (to --save, or a file it names) and exits
// 130; --resume continues a saved run exactly where it stopped.
//
//===----------------------------------------------------------------------===//
#include "tools/dlc/ArgChecks.h"
#include "tools/dlc/Command.h"
#include "tools/dlc/Interrupt.h"
#include "tools/dlc/JitFlags.h"
#include "tools/dlc/MetricsFile.h"
#include "tools/dlc/TrainCommand.h"
#include "tools/dlc/TrainingFlags.h"

#include "backends/cpu/JitOptions.h"
#include "frontend/Fit.h"
#include "frontend/TrainingCheckpoint.h"
#include "frontend/zoo/Zoo.h"
#include "runtime/metrics/Progress.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <optional>

namespace cl = llvm::cl;

namespace dlc::tools {

cl::SubCommand &trainSubCommand() {
  static cl::SubCommand cmd("train", "train a zoo model (lenet, mlp, mlp_dropout) on Fashion-MNIST, "
                                     "or a character language model (rnnlm) on a book");
  return cmd;
}

namespace {

cl::SubCommand &TrainCmd = trainSubCommand();
cl::OptionCategory jitCategory("JIT options (docs/jit.md)");
JitFlags jitFlags(TrainCmd, jitCategory);
TrainingFlags training(TrainCmd);

cl::opt<std::string> model(cl::Positional, cl::Required,
                           cl::desc("<model: lenet, mlp, mlp_dropout or rnnlm>"), cl::sub(TrainCmd));
cl::opt<int64_t> epochs("epochs", cl::desc("epochs (default: the model's d2l recipe)"),
                        cl::init(10), cl::sub(TrainCmd));
cl::opt<int64_t> batchSize("batch-size", cl::desc("minibatch size (default: the model's recipe)"),
                           cl::init(256), cl::sub(TrainCmd));
cl::opt<std::string> data("data", cl::desc("Fashion-MNIST directory"),
                          cl::init(rt::kDefaultFashionMNISTDir), cl::sub(TrainCmd));
cl::opt<uint64_t> seed("seed", cl::desc("seed for initialisation, shuffling and dropout masks"),
                       cl::init(0), cl::sub(TrainCmd));
cl::opt<int64_t> limit("limit", cl::desc("use only the first N training examples (0: all)"),
                       cl::init(0), cl::sub(TrainCmd));
cl::opt<std::string> savePath("save",
                              cl::desc("save the model (and FILE's .training.safetensors: "
                                       "optimizer state) when training ends or is interrupted"),
                              cl::value_desc("FILE"), cl::sub(TrainCmd));
cl::opt<int64_t> saveEvery("save-every", cl::desc("also save every N steps (needs --save)"),
                           cl::init(0), cl::sub(TrainCmd));
cl::opt<std::string> resumePath("resume", cl::desc("continue the run saved in FILE"),
                                cl::value_desc("FILE"), cl::sub(TrainCmd));
cl::opt<std::string> metricsPath("metrics",
                                 cl::desc("write one JSON object per epoch to FILE (JSON lines)"),
                                 cl::value_desc("FILE"), cl::sub(TrainCmd));
cl::opt<int64_t> metricsEvery("metrics-every",
                              cl::desc("also write the loss every N steps to the metrics file"),
                              cl::init(0), cl::sub(TrainCmd));
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

template <typename T> T orRecipe(const cl::opt<T> &flag, T recipe) {
  return flag.getNumOccurrences() ? T(flag) : recipe;
}

int runTrain() {
  if (model == "rnnlm") {
    auto given = [](const auto &flag) { return flag.getNumOccurrences() > 0; };
    if (given(limit) || given(resumePath) || given(saveEvery) || given(metricsPath) ||
        given(metricsEvery) || given(nonFinite))
      throw Error("--limit, --resume, --save-every, --metrics, --metrics-every and --nonfinite "
                  "do not apply to rnnlm");
    TrainArgs args{given(epochs) ? std::optional<int64_t>(epochs) : std::nullopt,
                   given(batchSize) ? std::optional<int64_t>(batchSize) : std::nullopt,
                   given(data) ? std::optional<std::string>(data) : std::nullopt,
                   seed, savePath, numThreads, training, jitFlags};
    return runTrainRnnLM(args);
  }
  zoo::ZooModel zm = zoo::byName(model);
  int64_t nEpochs = orRecipe<int64_t>(epochs, zm.recipe.epochs);
  int64_t batch = orRecipe<int64_t>(batchSize, zm.recipe.batchSize);
  // Every flag is checked before the data is read or anything compiled.
  requirePositive("epochs", nEpochs);
  requireBatchFits("batch-size", batch, zm.exampleShape);
  requireNonNegative("limit", limit);
  requireNonNegative("num-threads", numThreads);
  requireNonNegative("save-every", saveEvery);
  requireNonNegative("metrics-every", metricsEvery);
  if (saveEvery > 0 && savePath.empty())
    throw Error("--save-every needs --save FILE (where to save)");
  if (metricsEvery > 0 && metricsPath.empty())
    throw Error("--metrics-every needs --metrics FILE");

  TrainerOptions to;
  to.batchSize = batch;
  to.exampleShape = zm.exampleShape;
  training.configure(to, zm.recipe);

  // The run to resume: its seed fixes the data order and dropout masks.
  std::optional<RunInfo> resumed;
  uint64_t runSeed = seed;
  if (!resumePath.empty()) {
    resumed = readRunInfo(resumePath);
    if (!resumed->model.empty() && resumed->model != model)
      throw Error(resumePath + " holds a '" + resumed->model + "' run, not '" +
                  std::string(model) + "'");
    if (seed.getNumOccurrences() && resumed->seed != seed)
      throw Error("--seed " + std::to_string(uint64_t(seed)) + " differs from the resumed run's " +
                  std::to_string(resumed->seed) + " (drop --seed to continue the run)");
    runSeed = resumed->seed;
    if (resumed->position.epoch >= nEpochs)
      throw Error(resumePath + " is at epoch " + std::to_string(resumed->position.epoch) +
                  " already; ask for more with --epochs");
  }
  to.seed = runSeed;
  // oneDNN's OpenMP runtime reads this at its first parallel region.
  if (numThreads > 0) setenv("OMP_NUM_THREADS", std::to_string(int64_t(numThreads)).c_str(), 1);

  rt::Dataset train = head(rt::loadFashionMNIST(data, rt::Split::Train), limit);
  rt::Dataset test = rt::loadFashionMNIST(data, rt::Split::Test);
  // Before compiling: images of another size would not fit the model's input.
  rt::checkExampleShape(train, zm.exampleShape);
  rt::checkExampleShape(test, zm.exampleShape);

  std::optional<MetricsFile> metrics;
  if (!metricsPath.empty()) metrics.emplace(metricsPath);
  zm.model->initialize(runSeed);
  std::printf("dlc: training %s (%lld parameters) on %lld Fashion-MNIST images, batch %lld, "
              "%s, %lld epochs\n",
              model.c_str(), (long long)zm.model->numParameters(), (long long)train.size,
              (long long)batch, training.describe().c_str(), (long long)nEpochs);
  std::fflush(stdout);
  cpu::setDefaultJitOptions(jitFlags.options());
  Trainer trainer(*zm.model, to);
  std::printf("compiled the training step in %.2f s\n", trainer.compileSeconds());
  FitOptions fo{nEpochs, runSeed};
  if (resumed) {
    RunInfo info = resumeTrainingCheckpoint(resumePath, *zm.model, trainer);
    fo.start = info.position;
    std::printf("resumed %s at epoch %lld, batch %lld (step %lld)\n", resumePath.c_str(),
                (long long)info.position.epoch + 1, (long long)info.position.batch,
                (long long)info.step);
  }
  const int64_t perEpoch = train.size / batch;
  metrics::Progress progress({.epochs = nEpochs,
                              .batchesPerEpoch = perEpoch,
                              .batchSize = batch,
                              .mode = training.progressMode()},
                             std::cout);
  double lossSum = 0; // this epoch's steps in this process, for the running loss
  int64_t lossCount = 0;

  std::string target = savePath.empty() ? "dlc-" + std::string(model) + "-interrupted.safetensors"
                                        : std::string(savePath);
  auto save = [&](const FitPosition &at, const char *why) {
    RunInfo info{model, runSeed, at, trainer.stepCount(), training.metadata()};
    saveTrainingCheckpoint(target, *zm.model, trainer, info);
    progress.finishEpoch({}); // clears the live line
    std::string where = at.batch ? llvm::formatv("in epoch {0} after batch {1}", at.epoch + 1,
                                                 at.batch).str()
                                 : llvm::formatv("after epoch {0}", at.epoch).str();
    std::printf("%s: saved the run %s (step %lld) to %s\n", why, where.c_str(),
                (long long)info.step, target.c_str());
    std::fflush(stdout);
  };

  NonFiniteLossCheck check;
  double lrUsed = 0; // the learning rate of the last step (before the schedule moves it)
  // For tests (docs/training.md): a real SIGINT after this many steps.
  const char *interruptAfter = std::getenv("DLC_INTERRUPT_AFTER_STEPS");
  int64_t interruptAt = interruptAfter ? std::atoll(interruptAfter) : 0;
  fo.onStep = [&](int64_t epoch, int64_t step, float loss) {
    check(epoch, step, loss);
    if (interruptAt > 0 && trainer.stepCount() == interruptAt) std::raise(SIGINT);
    lrUsed = trainer.hyperparameter("lr");
    training.applySchedule(trainer, trainer.stepCount(), step == perEpoch ? epoch : epoch - 1);
    lossSum += loss;
    progress.update(step, lossSum / double(++lossCount));
    int64_t global = trainer.stepCount();
    if (metrics && metricsEvery > 0 && global % metricsEvery == 0)
      metrics->append(MetricsFile::stepRecord(global, epoch, step, perEpoch, loss),
                      MetricsFile::Commit::Later);
    if (saveEvery > 0 && global % saveEvery == 0 && !InterruptScope::requested())
      save(step == perEpoch ? FitPosition{epoch, 0} : FitPosition{epoch - 1, step}, "checkpoint");
  };
  InterruptScope interrupt;
  fo.shouldStop = [] { return InterruptScope::requested(); };
  FitPosition stoppedAt{-1, 0};
  fo.stoppedAt = &stoppedAt;
  training.applySchedule(trainer, trainer.stepCount(), fo.start.epoch);
  progress.startEpoch(fo.start.epoch + 1);
  EpochMetrics last = fitClassifier(trainer, train, test, fo, [&](const EpochMetrics &m) {
    progress.finishEpoch(llvm::formatv("epoch {0,2}  loss {1:F4}  train acc {2:F4}  test loss "
                                       "{3:F4}  test acc {4:F4}  {5:F0} examples/s  {6:F1} s",
                                       m.epoch, m.loss, m.trainAccuracy, m.testLoss,
                                       m.testAccuracy, m.examplesPerSec, m.seconds)
                             .str());
    std::cout.flush();
    lossSum = 0;
    lossCount = 0;
    if (m.epoch < nEpochs) progress.startEpoch(m.epoch + 1);
    if (metrics)
      metrics->append(llvm::json::Object{{"epoch", m.epoch},
                                         {"loss", MetricsFile::number(m.loss)},
                                         {"train_acc", MetricsFile::number(m.trainAccuracy)},
                                         {"test_loss", MetricsFile::number(m.testLoss)},
                                         {"test_acc", MetricsFile::number(m.testAccuracy)},
                                         {"examples_per_sec", MetricsFile::number(m.examplesPerSec)},
                                         {"seconds", MetricsFile::number(m.seconds)},
                                         {"lr", MetricsFile::number(lrUsed)}});
  });
  if (metrics) metrics->flush();
  if (stoppedAt.epoch >= 0) {
    save(stoppedAt, "interrupted");
    return kInterruptedExitCode;
  }
  std::printf("final test accuracy %.4f\n", last.testAccuracy);
  if (!savePath.empty()) save({nEpochs, 0}, "done");
  return 0;
}

RegisterCommand reg(TrainCmd, &runTrain);

} // namespace
} // namespace dlc::tools
