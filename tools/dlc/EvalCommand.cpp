//===- EvalCommand.cpp - dlc eval: test loss and accuracy of a checkpoint -===//
//
//   dlc eval MODEL --checkpoint FILE [--data DIR] [--batch-size B] [--limit N]
//
// Loads a saved model (`dlc train --save`, or a PyTorch state_dict saved as
// safetensors) and evaluates it in eval mode on the Fashion-MNIST test set:
// every example counts, the last partial batch runs at its own size.
//
//===----------------------------------------------------------------------===//
#include "tools/dlc/ArgChecks.h"
#include "tools/dlc/Command.h"
#include "tools/dlc/JitFlags.h"

#include "frontend/Checkpoint.h"
#include "frontend/Fit.h"
#include "frontend/zoo/Zoo.h"

#include "llvm/Support/CommandLine.h"

#include <cstdio>
#include <cstdlib>

namespace cl = llvm::cl;

namespace dlc::tools {
namespace {

cl::SubCommand EvalCmd("eval", "test loss and accuracy of a saved model on Fashion-MNIST");
cl::OptionCategory jitCategory("JIT options (docs/jit.md)");
JitFlags jitFlags(EvalCmd, jitCategory);

cl::opt<std::string> model(cl::Positional, cl::Required,
                           cl::desc("<model: lenet, mlp or mlp_dropout>"), cl::sub(EvalCmd));
cl::opt<std::string> checkpoint("checkpoint", cl::Required,
                                cl::desc("the saved model (safetensors)"),
                                cl::value_desc("FILE"), cl::sub(EvalCmd));
cl::opt<std::string> data("data", cl::desc("Fashion-MNIST directory"),
                          cl::init(rt::kDefaultFashionMNISTDir), cl::sub(EvalCmd));
cl::opt<int64_t> batchSize("batch-size", cl::desc("evaluation batch size"), cl::init(256),
                           cl::sub(EvalCmd));
cl::opt<int64_t> limit("limit", cl::desc("evaluate only the first N test examples (0: all)"),
                       cl::init(0), cl::sub(EvalCmd));
cl::opt<int64_t> numThreads("num-threads", cl::desc("OpenMP threads (0: all cores)"), cl::init(0),
                            cl::sub(EvalCmd));

int runEval() {
  zoo::ZooModel zm = zoo::byName(model);
  requireBatchFits("batch-size", batchSize, zm.exampleShape);
  requireNonNegative("limit", limit);
  requireNonNegative("num-threads", numThreads);
  if (numThreads > 0) setenv("OMP_NUM_THREADS", std::to_string(int64_t(numThreads)).c_str(), 1);
  load(*zm.model, checkpoint, /*strict=*/true);
  rt::Dataset test = head(rt::loadFashionMNIST(data, rt::Split::Test), limit);
  rt::checkExampleShape(test, zm.exampleShape);
  cpu::setDefaultJitOptions(jitFlags.options());
  TrainerOptions to;
  to.batchSize = batchSize;
  to.exampleShape = zm.exampleShape;
  Evaluator evaluator(*zm.model, to);
  EvalMetrics m = evaluateClassifier(evaluator, test, batchSize);
  std::printf("%s on %lld test images: test loss %.4f  test acc %.4f\n", checkpoint.c_str(),
              (long long)m.examples, m.loss, m.accuracy);
  return 0;
}

RegisterCommand reg(EvalCmd, &runEval);

} // namespace
} // namespace dlc::tools
