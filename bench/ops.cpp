//===- ops.cpp - dlc's side of the op throughput benchmarks ---------------===//
//
// Times single ops compiled through the full pipeline and JIT, at the sizes
// docs/benchmarks.md ("Op throughput") lists: elementwise and reduction ops
// beyond cache (GB/s against the ~29 GB/s DRAM limit), matrix products
// (GFLOP/s against sgemm) and the W2 shapes of layer_norm and softmax.
// bench/torch_ops.py times the same list in PyTorch; bench/run.sh runs both
// and prints the ratio. Threads: OMP_NUM_THREADS (run.sh sets it for both).
//
// Output: one JSON line per workload: name, dlc_ms (median of --iters after
// 3 warm-ups), dlc_min_ms, dlc_max_ms, and dlc_gbs or dlc_gflops.
// Usage: dlc-bench-ops [--iters N] [--filter SUBSTRING]
//
//===----------------------------------------------------------------------===//
#include "bench/OpWorkloads.h"

#include "backends/cpu/JitModule.h"
#include "frontend/Graph.h"

#include "mlir/IR/BuiltinOps.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <map>
#include <random>

using namespace dlc;

namespace {

struct Timing {
  double median, min, max;
};

Timing timeIt(int iters, const std::function<void()> &fn) {
  for (int i = 0; i < 3; ++i) fn();
  std::vector<double> ms;
  for (int i = 0; i < iters; ++i) {
    auto t0 = std::chrono::steady_clock::now();
    fn();
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                     .count());
  }
  std::sort(ms.begin(), ms.end());
  return {ms[ms.size() / 2], ms.front(), ms.back()};
}

/// Compiles `w` (forward, or forward and backward of sum(out * R)) and times
/// one call.
Timing run(const bench::OpWorkload &w, int iters) {
  Graph graph;
  graph.beginFunction();
  std::vector<Tensor> in;
  for (size_t i = 0; i < w.inputs.size(); ++i)
    in.push_back(graph.input("in" + std::to_string(i), w.inputs[i].shape, w.inputs[i].dtype, {},
                             w.backward && w.inputs[i].dtype == rt::DType::F32
                                 ? Binding::Param
                                 : Binding::Input));
  Tensor out = w.body(in);
  PipelineOptions po;
  std::map<std::string, rt::HostTensor> byName; // argument values by binding name
  std::mt19937 rng(1);
  std::uniform_real_distribution<float> u(-1.0f, 1.0f);
  for (size_t i = 0; i < w.inputs.size(); ++i) {
    rt::HostTensor t(w.inputs[i].shape, w.inputs[i].dtype); // integer inputs: zeros
    if (t.dtype() == rt::DType::F32)
      for (int64_t k = 0; k < t.numel(); ++k) t.f32()[k] = u(rng);
    byName["in" + std::to_string(i)] = std::move(t);
  }
  std::string fn = "f";
  if (w.backward) {
    Tensor r = graph.input("r", out.shape(), out.dtype());
    std::vector<int64_t> axes;
    for (int64_t a = 0; a < out.rank(); ++a) axes.push_back(a);
    graph.finishFunction("loss", {sum(mul(out, r), axes), out});
    rt::HostTensor rt(out.shape(), out.dtype());
    for (int64_t k = 0; k < rt.numel(); ++k) rt.f32()[k] = u(rng);
    byName["r"] = std::move(rt);
    po.training = true;
    fn = "loss_grad";
  } else {
    graph.finishFunction("f", {out}, {Graph::ResultKind::Output});
  }
  // Arguments in the traced order; a random op (dropout) added the
  // function's [seed, step] key.
  std::vector<rt::HostTensor> args;
  for (const Binding &b : graph.bindings(w.backward ? "loss" : "f")) {
    if (b.kind == Binding::RngState) {
      rt::HostTensor key({2}, rt::DType::I64);
      key.data<int64_t>()[0] = 1;
      args.push_back(std::move(key));
    } else {
      args.push_back(std::move(byName.at(b.name)));
    }
  }
  auto module = graph.takeModule();
  auto jit = cpu::JitModule::compile(*module, po);
  std::vector<const rt::HostTensor *> argp;
  for (auto &a : args) argp.push_back(&a);
  auto results = jit->allocateResults(fn);
  std::vector<rt::HostTensor *> resp;
  for (auto &r : results) resp.push_back(&r);
  return timeIt(iters, [&] { jit->call(fn, argp, resp); });
}

} // namespace

int main(int argc, char **argv) {
  int iters = 20;
  std::string filter;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--iters") && i + 1 < argc) iters = std::atoi(argv[++i]);
    else if (!std::strcmp(argv[i], "--filter") && i + 1 < argc) filter = argv[++i];
    else {
      fmt::print(stderr, "usage: dlc-bench-ops [--iters N] [--filter SUBSTRING]\n");
      return 2;
    }
  }
  if (iters < 10) {
    fmt::print(stderr, "dlc-bench-ops: --iters must be at least 10 (a median needs them)\n");
    return 2;
  }
  for (const bench::OpWorkload &w : bench::opWorkloads()) {
    if (!filter.empty() && w.name.find(filter) == std::string::npos) continue;
    try {
      Timing t = run(w, iters);
      std::string rate =
          w.bytes   ? fmt::format(", \"dlc_gbs\": {:.2f}", w.bytes / t.median / 1e6)
          : w.flops ? fmt::format(", \"dlc_gflops\": {:.1f}", w.flops / t.median / 1e6)
                    : std::string();
      fmt::print("{{\"name\": \"{}\", \"dlc_ms\": {:.4f}, \"dlc_min_ms\": {:.4f}, "
                 "\"dlc_max_ms\": {:.4f}{}}}\n",
                 w.name, t.median, t.min, t.max, rate);
    } catch (const std::exception &e) {
      fmt::print(stderr, "dlc-bench-ops: {}: {}\n", w.name, e.what());
      return 1;
    }
    std::fflush(stdout);
  }
  return 0;
}
