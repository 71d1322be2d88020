//===- BenchCommand.cpp - dlc bench: time one compiled training step ------===//
//
//   dlc bench lenet|mlp|mlp_dropout [--num-threads T] [--iters N] [--warmup N] [--batch-size B]
//
// Workload W1 of docs/benchmarks.md: the LeNet training step at batch 256 on
// random data. Compile time is measured apart from the timed loop; the
// result is one JSON line (llvm::json).
//
//===----------------------------------------------------------------------===//
#include "tools/dlc/ArgChecks.h"
#include "tools/dlc/Command.h"

#include "backends/cpu/JitOptions.h"
#include "frontend/Trainer.h"
#include "tools/dlc/JitFlags.h"
#include "frontend/zoo/Zoo.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <random>

namespace cl = llvm::cl;

namespace dlc::tools {
namespace {

cl::SubCommand BenchCmd("bench", "time one compiled training step (workload W1)");

cl::opt<std::string> model(cl::Positional, cl::Required, cl::desc("<model: lenet, mlp or mlp_dropout>"),
                           cl::sub(BenchCmd));
cl::opt<int64_t> batchSize("batch-size", cl::desc("minibatch size"), cl::init(256),
                           cl::sub(BenchCmd));
cl::opt<int64_t> numThreads(
    "num-threads", cl::desc("OpenMP threads for oneDNN kernels and compiled loops (0: all cores)"),
    cl::init(0), cl::sub(BenchCmd));
cl::opt<int64_t> iters("iters", cl::desc("timed iterations (at least 10)"), cl::init(20),
                       cl::sub(BenchCmd));
cl::opt<int64_t> warmup("warmup", cl::desc("untimed iterations first (at least 3)"),
                        cl::init(5), cl::sub(BenchCmd));
cl::opt<double> lr("lr", cl::desc("SGD learning rate"), cl::init(0.9), cl::sub(BenchCmd));
cl::opt<uint64_t> seed("seed", cl::desc("seed for weights and random data"), cl::init(0),
                       cl::sub(BenchCmd));
cl::OptionCategory jitCategory("JIT options (docs/jit.md)");
JitFlags jitFlags(BenchCmd, jitCategory);

int runBench() {
  zoo::ZooModel zm = zoo::byName(model);
  requireBatchFits("batch-size", batchSize, zm.exampleShape);
  requireNonNegative("num-threads", numThreads);
  // docs/benchmarks.md: at least 3 warm-up and 10 timed iterations.
  requireAtLeast("iters", iters, 10, "a median needs at least 10 timed steps");
  requireAtLeast("warmup", warmup, 3, "the first steps pay for page faults and caches");
  TrainerOptions to;
  to.batchSize = batchSize;
  to.exampleShape = zm.exampleShape;
  to.learningRate = finiteF32("lr", lr);
  // oneDNN's OpenMP runtime reads this at its first parallel region.
  if (numThreads > 0) setenv("OMP_NUM_THREADS", std::to_string(int64_t(numThreads)).c_str(), 1);

  zm.model->initialize(seed);
  cpu::setDefaultJitOptions(jitFlags.options());
  // Compile time, apart from the timed loop, twice: cold (the first Trainer:
  // compiled, or loaded from --cache-dir when the cache has it) and warm (a
  // second Trainer of the same model, served by the in-process cache).
  using clock = std::chrono::steady_clock;
  auto since = [](clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(clock::now() - t0).count();
  };
  cpu::JitStatistics s0 = cpu::jitStatistics();
  auto c0 = clock::now();
  Trainer trainer(*zm.model, to);
  double coldMs = since(c0);
  cpu::JitStatistics s1 = cpu::jitStatistics();
  const char *coldFrom = s1.diskHits > s0.diskHits    ? "disk-cache"
                         : s1.compiled > s0.compiled ? "jit"
                                                     : "memory";
  c0 = clock::now();
  { Trainer again(*zm.model, to); }
  double warmMs = since(c0);

  std::vector<int64_t> xs{batchSize};
  xs.insert(xs.end(), zm.exampleShape.begin(), zm.exampleShape.end());
  rt::HostTensor x(xs), y({batchSize}, rt::DType::I32);
  std::mt19937 rng(seed);
  std::uniform_real_distribution<float> pixel(0.0f, 1.0f);
  for (int64_t i = 0; i < x.numel(); ++i) x.f32()[i] = pixel(rng);
  for (int64_t i = 0; i < batchSize; ++i) y.i32()[i] = int32_t(rng() % zm.numClasses);

  for (int64_t i = 0; i < warmup; ++i) trainer.step(x, y);
  std::vector<double> ms;
  for (int64_t i = 0; i < iters; ++i) {
    auto t0 = clock::now();
    trainer.step(x, y);
    ms.push_back(std::chrono::duration<double, std::milli>(clock::now() - t0).count());
  }
  std::sort(ms.begin(), ms.end());
  llvm::outs() << llvm::json::Value(llvm::json::Object{
                      {"name", "W1_" + model + "_train_step"},
                      {"threads", int64_t(numThreads)},
                      {"batch", int64_t(batchSize)},
                      {"dlc_ms", ms[ms.size() / 2]},
                      {"dlc_min_ms", ms.front()},
                      {"dlc_max_ms", ms.back()},
                      {"compile_ms", coldMs},
                      {"compile_ms_cold", coldMs},
                      {"compile_ms_warm", warmMs},
                      {"compile_cold_from", coldFrom}})
               << "\n";
  return 0;
}

RegisterCommand reg(BenchCmd, &runBench);

} // namespace
} // namespace dlc::tools
