//===- OpWorkloads.h - the op throughput workloads -------------*- C++ -*-===//
//
// The list bench/ops.cpp times; bench/torch_ops.py has the same names and
// shapes (keep the two in step; docs/benchmarks.md describes them).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "frontend/Ops.h"

#include <functional>
#include <string>
#include <vector>

namespace dlc::bench {

struct OpInput {
  std::vector<int64_t> shape;
  rt::DType dtype = rt::DType::F32;
};

struct OpWorkload {
  std::string name;
  std::vector<OpInput> inputs;
  std::function<Tensor(const std::vector<Tensor> &)> body;
  /// Forward and backward of sum(out * R) instead of the forward alone.
  bool backward = false;
  /// Bytes a single pass must move (inputs read + output written), for
  /// GB/s; or, for matrix products, the flop count for GFLOP/s.
  double bytes = 0, flops = 0;
};

using T = const std::vector<Tensor> &;
constexpr int64_t kStream = int64_t(1) << 24; // 16 Mi floats = 64 MiB, far beyond cache
constexpr double kF = 4.0;                    // bytes per f32

inline std::vector<OpWorkload> opWorkloads() {
  const double s = double(kStream) * kF;
  std::vector<OpWorkload> w = {
      {"add_16M", {{{kStream}}, {{kStream}}}, [](T a) { return add(a[0], a[1]); }, false, 3 * s},
      {"exp_16M", {{{kStream}}}, [](T a) { return exp(a[0]); }, false, 2 * s},
      {"sum_rows_4096x4096", {{{4096, 4096}}}, [](T a) { return sum(a[0], {1}); }, false, s},
      {"amax_rows_4096x4096", {{{4096, 4096}}}, [](T a) { return amax(a[0], {1}); }, false, s},
      // W2: attention probabilities, batch 8 × 8 heads, seq 128.
      {"softmax_W2_64x128x128", {{{64, 128, 128}}}, [](T a) { return softmax(a[0], 2); }, false,
       2 * 64 * 128 * 128 * kF},
      {"softmax_W2_64x128x128_fwd_bwd", {{{64, 128, 128}}}, [](T a) { return softmax(a[0], 2); },
       true, 0},
      {"matmul_1024", {{{1024, 1024}}, {{1024, 1024}}}, [](T a) { return matmul(a[0], a[1]); },
       false, 0, 2.0 * 1024 * 1024 * 1024},
  };
  return w;
}

} // namespace dlc::bench
