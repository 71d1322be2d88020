//===- BenchCommand.cpp - dlc bench: time one compiled training step ------===//
//
// Workload W1 of BENCHMARKS.md: LeNet training step at batch 256 on random
// data. Compile time is measured apart from the timed loop, twice: cold
// (the first Trainer: compiled, or loaded from --cache-dir when the cache
// has it) and warm (a second Trainer of the same model in the same process,
// served by the in-process compile cache).
//
//===----------------------------------------------------------------------===//
#include "tools/dlc/Commands.h"

#include "backends/cpu/JitOptions.h"
#include "frontend/Trainer.h"
#include "frontend/zoo/Zoo.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>

namespace dlc::tools {

int runBench(const DriverOptions &o) {
  zoo::ZooModel zm = zoo::byName(o.input);
  zm.model->initialize(o.seed);
  TrainerOptions to;
  to.batchSize = o.batchSize;
  to.exampleShape = zm.exampleShape;
  to.learningRate = static_cast<float>(o.lr);
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

  std::vector<int64_t> xs{o.batchSize};
  xs.insert(xs.end(), zm.exampleShape.begin(), zm.exampleShape.end());
  rt::HostTensor x(xs), y({o.batchSize}, rt::DType::I32);
  std::mt19937 rng(o.seed);
  std::uniform_real_distribution<float> pixel(0.0f, 1.0f);
  for (int64_t i = 0; i < x.numel(); ++i) x.f32()[i] = pixel(rng);
  for (int64_t i = 0; i < o.batchSize; ++i) y.i32()[i] = int32_t(rng() % zm.numClasses);

  for (int64_t i = 0; i < std::max<int64_t>(o.warmup, 3); ++i) trainer.step(x, y);
  std::vector<double> ms;
  for (int64_t i = 0; i < std::max<int64_t>(o.iters, 10); ++i) {
    auto t0 = clock::now();
    trainer.step(x, y);
    ms.push_back(std::chrono::duration<double, std::milli>(clock::now() - t0).count());
  }
  std::sort(ms.begin(), ms.end());
  std::printf("{\"name\": \"W1_%s_train_step\", \"threads\": %lld, \"dlc_ms\": %.3f, "
              "\"dlc_min_ms\": %.3f, \"dlc_max_ms\": %.3f, \"compile_ms\": %.1f, "
              "\"compile_ms_cold\": %.1f, \"compile_ms_warm\": %.1f, \"compile_cold_from\": "
              "\"%s\"}\n",
              o.input.c_str(), (long long)o.threads, ms[ms.size() / 2], ms.front(), ms.back(),
              coldMs, coldMs, warmMs, coldFrom);
  return 0;
}

} // namespace dlc::tools
