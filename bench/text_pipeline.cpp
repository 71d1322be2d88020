//===- text_pipeline.cpp - time the sequence data pipelines end to end ----===//
//
// Each workload starts from the file on disk, as a training script would:
//   text_fra_load_batch      fra.txt (all lines): read, preprocess, tokenize,
//                            two vocabularies, padded arrays (num_steps 10),
//                            one shuffled epoch of batches of 64
//   text_timemachine_char    The Time Machine: read, clean, character tokens,
//                            vocabulary, indices, one epoch of each LM
//                            sampler (batch 32, num_steps 35)
//   text_timemachine_word    the same with word tokens
// Output: one JSON line per workload with the median, min and max of --iters
// timed runs (milliseconds) after 2 warm-up runs.
// Usage: dlc-bench-text [--fra PATH] [--timemachine PATH] [--iters N]
//
//===----------------------------------------------------------------------===//

#include "runtime/text/Corpus.h"
#include "runtime/text/LMSampler.h"
#include "runtime/text/Translation.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <functional>
#include <string>
#include <vector>

using namespace dlc::rt::text;

namespace {

/// Keeps results observable so the work cannot be optimized away.
volatile size_t sink = 0;

void timeIt(const char *name, int iters, const std::function<size_t()> &fn) {
  for (int i = 0; i < 2; ++i) sink = sink + fn();
  std::vector<double> ms;
  for (int i = 0; i < iters; ++i) {
    auto t0 = std::chrono::steady_clock::now();
    sink = sink + fn();
    auto t1 = std::chrono::steady_clock::now();
    ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
  }
  std::sort(ms.begin(), ms.end());
  fmt::print("{{\"name\": \"{}\", \"ms\": {:.3f}, \"min_ms\": {:.3f}, \"max_ms\": {:.3f}, "
             "\"iters\": {}}}\n",
             name, ms[ms.size() / 2], ms.front(), ms.back(), iters);
}

size_t fraWorkload(const std::string &path) {
  TranslationData data =
      loadTranslation(path, TranslationOptions().numSteps(10).numExamples(0));
  TranslationBatcher batcher(data.arrays, 64, /*seed=*/0);
  return batcher.nextEpoch().size() + data.sourceVocab.size();
}

size_t timeMachineWorkload(const std::string &path, TokenKind kind) {
  LMCorpus tm = loadTimeMachine(path, CorpusOptions().tokens(kind));
  size_t n = 0;
  for (LMSampling s : {LMSampling::Random, LMSampling::Sequential}) {
    LMSampler sampler(tm.corpus, 32, 35, s, /*seed=*/0);
    n += sampler.nextEpoch().size();
  }
  return n + tm.vocab.size();
}

} // namespace

int main(int argc, char **argv) {
  std::string data = std::string(DLC_REPO_ROOT) + "/../shared/data";
  std::string fra = data + "/fra-eng/fra.txt";
  std::string timeMachine = data + "/timemachine/timemachine.txt";
  int iters = 21;
  for (int i = 1; i < argc; ++i) {
    auto value = [&]() -> const char * {
      if (i + 1 == argc) {
        fmt::print(stderr, "dlc-bench-text: {} needs a value\n", argv[i]);
        std::exit(2);
      }
      return argv[++i];
    };
    if (!std::strcmp(argv[i], "--fra")) fra = value();
    else if (!std::strcmp(argv[i], "--timemachine")) timeMachine = value();
    else if (!std::strcmp(argv[i], "--iters")) iters = std::max(1, std::atoi(value()));
    else {
      fmt::print(stderr, "usage: dlc-bench-text [--fra PATH] [--timemachine PATH] [--iters N]\n");
      return 2;
    }
  }
  try {
    timeIt("text_fra_load_batch", iters, [&] { return fraWorkload(fra); });
    timeIt("text_timemachine_char", iters,
           [&] { return timeMachineWorkload(timeMachine, TokenKind::Char); });
    timeIt("text_timemachine_word", iters,
           [&] { return timeMachineWorkload(timeMachine, TokenKind::Word); });
  } catch (const std::exception &e) {
    fmt::print(stderr, "dlc-bench-text: error: {}\n", e.what());
    return 1;
  }
  return 0;
}
