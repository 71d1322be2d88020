//===- TrainRnnLM.cpp - dlc train rnnlm: d2l's character language model ----===//
//
//   dlc train rnnlm --data BOOK.txt [--cell rnn|rnn_relu|gru|lstm] [--layers N]
//                   [--hidden 256] [--num-steps 35] [--batch-size 32]
//                   [--partition sequential|random] [--epochs 500] [--max-tokens N]
//                   [--lr 1] [--clip-grad-norm 1] [--optimizer ...] [--seed S]
//                   [--save FILE] [--progress auto|always|never]
//
// d2l's train_ch8 (8.5): characters of the cleaned book (runtime/text/
// Corpus.h), minibatches by sequential or random partitioning (LMSampler),
// SGD lr 1 with the gradient norm clipped at 1, and per epoch the perplexity
// (exp of the mean per-token cross-entropy) and tokens/s. --save writes the
// model with its vocabulary and options (RnnLMCheckpoint.h) for
// `dlc generate rnnlm`; Ctrl-C finishes the step, saves and exits 130.
//
//===----------------------------------------------------------------------===//
#include "tools/dlc/ArgChecks.h"
#include "tools/dlc/Interrupt.h"
#include "tools/dlc/RnnLMCheckpoint.h"
#include "tools/dlc/TrainCommand.h"

#include "backends/cpu/JitOptions.h"
#include "frontend/zoo/RnnLMLoop.h"
#include "runtime/metrics/Progress.h"
#include "runtime/text/Corpus.h"

#include "llvm/Support/FormatVariadic.h"

#include <algorithm>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>

namespace cl = llvm::cl;

namespace dlc::tools {
namespace {

cl::OptionCategory rnnlmCategory("rnnlm options (dlc train rnnlm)");
cl::opt<bool> scratch("scratch",
                      cl::desc("use d2l's hand-written cells (one traced op per gate and step) "
                               "instead of the oneDNN layers"),
                      cl::cat(rnnlmCategory), cl::sub(trainSubCommand()));
cl::opt<std::string> cell("cell", cl::desc("recurrent cell: rnn (tanh), rnn_relu, gru or lstm"),
                          cl::init("rnn"), cl::cat(rnnlmCategory), cl::sub(trainSubCommand()));
cl::opt<int64_t> layers("layers", cl::desc("recurrent layers"), cl::init(1),
                        cl::cat(rnnlmCategory), cl::sub(trainSubCommand()));
cl::opt<int64_t> hidden("hidden", cl::desc("hidden units"), cl::init(256),
                        cl::cat(rnnlmCategory), cl::sub(trainSubCommand()));
cl::opt<int64_t> numSteps("num-steps", cl::desc("time steps per minibatch (d2l's num_steps)"),
                          cl::init(35), cl::cat(rnnlmCategory), cl::sub(trainSubCommand()));
cl::opt<int64_t> maxTokens("max-tokens",
                           cl::desc("use only the first N characters (d2l's max_tokens, 10000 "
                                    "in its chapter 8 runs; 0: all)"),
                           cl::init(0), cl::cat(rnnlmCategory), cl::sub(trainSubCommand()));
cl::opt<std::string> partition("partition",
                               cl::desc("sequential (the state carries over) or random"),
                               cl::init("sequential"), cl::cat(rnnlmCategory),
                               cl::sub(trainSubCommand()));

} // namespace

int runTrainRnnLM(const TrainArgs &a) {
  // d2l's recipe: 500 epochs, batch 32, SGD lr 1, gradients clipped at norm 1.
  const zoo::Recipe recipe{.lr = 1.0, .batchSize = 32, .epochs = 500, .clipGradNorm = 1.0};
  const int64_t epochs = a.epochs.value_or(recipe.epochs);
  const int64_t batch = a.batchSize.value_or(recipe.batchSize);
  requirePositive("epochs", epochs);
  requirePositive("batch-size", batch);
  requirePositive("num-steps", numSteps);
  requirePositive("hidden", hidden);
  requirePositive("layers", layers);
  requireNonNegative("num-threads", a.numThreads);
  requireNonNegative("max-tokens", maxTokens);
  requireBatchFits("batch-size", batch, {numSteps, hidden});
  const nn::RecurrentCell recurrent = zoo::parseRecurrentCell(cell);
  if (partition != "sequential" && partition != "random")
    throw Error("--partition must be sequential or random, got '" + std::string(partition) + "'");
  if (!a.data)
    throw Error("dlc train rnnlm needs --data FILE: a plain-text book (d2l: timemachine.txt)");
  TrainerOptions optimizerOnly;
  a.training.configure(optimizerOnly, recipe);
  if (a.numThreads > 0) setenv("OMP_NUM_THREADS", std::to_string(a.numThreads).c_str(), 1);

  rt::text::LMCorpus book = rt::text::loadTimeMachine(*a.data);
  // d2l: corpus[:max_tokens], the vocabulary still from the whole text.
  if (maxTokens > 0 && int64_t(book.corpus.size()) > maxTokens) book.corpus.resize(size_t(maxTokens));
  // d2l's cleaning keeps letters (lower-cased) and turns the rest into spaces.
  const auto &tokens = book.vocab.tokens();
  if (std::none_of(tokens.begin(), tokens.end(), [](const std::string &t) {
        return t.size() == 1 && t[0] >= 'a' && t[0] <= 'z';
      }))
    throw Error(*a.data + " has no usable characters (only ASCII letters and spaces are kept)");
  if (int64_t(book.corpus.size()) < batch * numSteps + numSteps + 1)
    throw Error(*a.data + " has " + std::to_string(book.corpus.size()) +
                " usable characters: too few for one minibatch of --batch-size " +
                std::to_string(batch) + " x --num-steps " + std::to_string(int64_t(numSteps)));

  zoo::RnnLM model({.vocabSize = int64_t(book.vocab.size()),
                    .hidden = hidden,
                    .numLayers = layers,
                    .cell = recurrent,
                    .scratch = scratch});
  model.initialize(a.seed);
  TrainerOptions to = zoo::rnnLMTrainerOptions(model, batch, numSteps);
  to.optimizer = optimizerOnly.optimizer;
  to.hyperparameters = optimizerOnly.hyperparameters;
  to.seed = a.seed;
  std::printf("dlc: training rnnlm (%s, %lld layer%s, hidden %lld: %lld parameters) on %lld "
              "characters of %s (vocabulary %lld), batch %lld x %lld steps, %s partitioning, "
              "%s, %lld epochs\n",
              zoo::recurrentCellFlag(recurrent).c_str(), (long long)layers,
              layers == 1 ? "" : "s", (long long)hidden, (long long)model.numParameters(),
              (long long)book.corpus.size(), a.data->c_str(), (long long)book.vocab.size(),
              (long long)batch, (long long)numSteps, partition.c_str(),
              a.training.describe().c_str(), (long long)epochs);
  std::fflush(stdout);
  cpu::setDefaultJitOptions(a.jit.options());
  Trainer trainer(model, to);
  std::printf("compiled the training step in %.2f s\n", trainer.compileSeconds());

  const bool sequential = partition == "sequential";
  rt::text::LMSampler sampler(book.corpus, batch, numSteps,
                              sequential ? rt::text::LMSampling::Sequential
                                         : rt::text::LMSampling::Random,
                              a.seed);
  const int64_t n = int64_t(book.corpus.size());
  const int64_t perEpoch = std::max<int64_t>(1, (n - 1) / batch / numSteps);
  metrics::Progress progress({.epochs = epochs,
                              .batchesPerEpoch = perEpoch,
                              .batchSize = batch * numSteps,
                              .mode = a.training.progressMode()},
                             std::cout);
  double lossSum = 0;
  int64_t lossCount = 0;
  const char *interruptAfter = std::getenv("DLC_INTERRUPT_AFTER_STEPS");
  const int64_t interruptAt = interruptAfter ? std::atoll(interruptAfter) : 0;

  zoo::RnnLMFitOptions fo;
  fo.epochs = epochs;
  fo.sequential = sequential;
  fo.nextEpoch = [&] { return sampler.nextEpoch(); };
  fo.onStep = [&](int64_t epoch, int64_t step, int64_t, float loss) {
    if (!std::isfinite(loss))
      throw Error("training loss is " + std::to_string(loss) + " at epoch " +
                  std::to_string(epoch) + ", step " + std::to_string(step) +
                  " (the run diverged: lower --lr)");
    if (interruptAt > 0 && trainer.stepCount() == interruptAt) std::raise(SIGINT);
    a.training.applySchedule(trainer, trainer.stepCount(), epoch - 1);
    lossSum += loss;
    progress.update(std::min(step, perEpoch), std::exp(lossSum / double(++lossCount)));
  };
  fo.onEpoch = [&](const zoo::RnnLMEpoch &e) {
    progress.finishEpoch(llvm::formatv("epoch {0,3}  perplexity {1:F2}  {2:F0} tokens/s  {3:F2} s",
                                       e.epoch, e.perplexity, e.tokensPerSec, e.seconds)
                             .str());
    std::cout.flush();
    lossSum = 0;
    lossCount = 0;
    if (e.epoch < epochs) progress.startEpoch(e.epoch + 1);
  };
  InterruptScope interrupt;
  fo.shouldStop = [] { return InterruptScope::requested(); };
  progress.startEpoch(1);
  zoo::RnnLMEpoch last = zoo::fitRnnLM(trainer, model, fo);

  std::string target = a.savePath.empty() ? "dlc-rnnlm-interrupted.safetensors" : a.savePath;
  std::map<std::string, std::string> meta = a.training.metadata();
  meta["seed"] = std::to_string(a.seed);
  meta["data"] = *a.data;
  meta["num_steps"] = std::to_string(int64_t(numSteps));
  meta["partition"] = partition;
  if (InterruptScope::requested()) {
    progress.finishEpoch({});
    meta["epochs"] = std::to_string(last.epoch);
    saveRnnLM(target, model, book.vocab, meta);
    std::printf("interrupted: saved the model after %lld steps to %s\n",
                (long long)trainer.stepCount(), target.c_str());
    return kInterruptedExitCode;
  }
  std::printf("final perplexity %.2f, %.0f tokens/s\n", last.perplexity, last.tokensPerSec);
  if (!a.savePath.empty()) {
    meta["epochs"] = std::to_string(epochs);
    saveRnnLM(a.savePath, model, book.vocab, meta);
    std::printf("saved the model to %s\n", a.savePath.c_str());
  }
  return 0;
}

} // namespace dlc::tools
