//===- OpWorkloads.h - the op throughput workloads -------------*- C++ -*-===//
//
// The list bench/ops.cpp times; bench/torch_ops.py has the same names and
// shapes (keep the two in step; docs/benchmarks.md describes them).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "frontend/Ops.h"
#include "frontend/ops/Math.h"
#include "frontend/ops/Normalization.h"
#include "frontend/ops/Statistics.h"
#include "frontend/nn/Recurrent.h"

#include <memory>

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

/// W3 (issue 9): a recurrent layer stack, input 256, hidden 256, seq 35,
/// batch 32, on x and its parameters in PyTorch's flat order (each
/// parameter an input, so fwd_bwd differentiates all of them, as a
/// training step does); the output is y.
inline OpWorkload recurrentW3(std::string name, bool gru, int64_t layers, bool bidirectional,
                              bool backward) {
  nn::RecurrentOptions o(256, 256);
  o.numLayers(layers).bidirectional(bidirectional);
  std::shared_ptr<nn::RecurrentLayer> layer;
  if (gru) layer = std::make_shared<nn::GRU>(o);
  else layer = std::make_shared<nn::LSTM>(o);
  std::vector<OpInput> inputs{{{35, 32, 256}}};
  for (auto &[n, p] : layer->namedParameters()) inputs.push_back({p->value.shape()});
  auto body = [layer](const std::vector<Tensor> &a) {
    std::vector<Tensor> params(a.begin() + 1, a.end());
    return layer->forwardWith({a[0]}, params)[0];
  };
  return {std::move(name), std::move(inputs), body, backward};
}

inline std::vector<OpWorkload> opWorkloads() {
  const double s = double(kStream) * kF;
  std::vector<OpWorkload> w = {
      {"add_16M", {{{kStream}}, {{kStream}}}, [](T a) { return add(a[0], a[1]); }, false, 3 * s},
      {"exp_16M", {{{kStream}}}, [](T a) { return exp(a[0]); }, false, 2 * s},
      // The Math family's heaviest elementwise bodies (erf polynomial; exp).
      {"gelu_16M", {{{kStream}}}, [](T a) { return gelu(a[0]); }, false, 2 * s},
      {"gelu_tanh_16M", {{{kStream}}},
       [](T a) { return gelu(a[0], GeluApproximate::Tanh); }, false, 2 * s},
      {"sum_rows_4096x4096", {{{4096, 4096}}}, [](T a) { return sum(a[0], {1}); }, false, s},
      {"amax_rows_4096x4096", {{{4096, 4096}}}, [](T a) { return amax(a[0], {1}); }, false, s},
      // W2: attention probabilities, batch 8 × 8 heads, seq 128.
      {"softmax_W2_64x128x128", {{{64, 128, 128}}}, [](T a) { return softmax(a[0], 2); }, false,
       2 * 64 * 128 * 128 * kF},
      {"softmax_W2_64x128x128_fwd_bwd", {{{64, 128, 128}}}, [](T a) { return softmax(a[0], 2); },
       true, 0},
      {"logsumexp_rows_4096x4096", {{{4096, 4096}}}, [](T a) { return logsumexp(a[0], {1}); },
       false, s},
      // W2: add&norm over d = 512 for batch 8 × seq 128.
      {"layer_norm_W2_1024x512", {{{1024, 512}}, {{512}}, {{512}}},
       [](T a) { return layerNorm(a[0], {512}, a[1], a[2]); }, false, 2 * 1024 * 512 * kF},
      {"layer_norm_W2_1024x512_fwd_bwd", {{{1024, 512}}, {{512}}, {{512}}},
       [](T a) { return layerNorm(a[0], {512}, a[1], a[2]); }, true, 0},
      // W5: ResNet-18's first batch norm (64 channels of 48×48, batch 64), training.
      {"batch_norm_train_W5_64x64x48x48", {{{64, 64, 48, 48}}, {{64}}, {{64}}, {{64}}, {{64}}},
       [](T a) { return batchNorm(a[0], a[1], a[2], a[3], a[4], {.training = true}).y; }, false,
       2 * 64 * 64 * 48 * 48 * kF},
      {"batch_norm_train_W5_64x64x48x48_fwd_bwd",
       {{{64, 64, 48, 48}}, {{64}}, {{64}}, {{64}}, {{64}}},
       [](T a) { return batchNorm(a[0], a[1], a[2], a[3], a[4], {.training = true}).y; }, true, 0},
      {"matmul_1024", {{{1024, 1024}}, {{1024, 1024}}}, [](T a) { return matmul(a[0], a[1]); },
       false, 0, 2.0 * 1024 * 1024 * 1024},
      {"mean_rows_4096x4096", {{{4096, 4096}}}, [](T a) { return mean(a[0], {1}); }, false, s},
      // W2: QKᵀ and P·V for batch 8 × 8 heads, seq 128, head dim 64.
      {"bmm_W2_scores", {{{64, 128, 64}}, {{64, 128, 64}}},
       [](T a) { return batchMatmul(a[0], a[1], false, true); }, false, 0,
       2.0 * 64 * 128 * 128 * 64},
      {"bmm_W2_context", {{{64, 128, 128}}, {{64, 128, 64}}},
       [](T a) { return batchMatmul(a[0], a[1]); }, false, 0, 2.0 * 64 * 128 * 128 * 64},
      {"dropout_train_16M", {{{kStream}}}, [](T a) { return dropout(a[0], 0.5, true); }, false,
       2 * s},
      // The generalised loss at ImageNet-like class counts (docs/ops.md).
      {"cross_entropy_4096x1000", {{{4096, 1000}}, {{4096}, rt::DType::I64}},
       [](T a) { return crossEntropy(a[0], a[1], CrossEntropyOptions{}); }, false,
       4096 * 1000 * kF},
      recurrentW3("lstm_W3_2x256_T35_B32", false, 2, false, false),
      recurrentW3("lstm_W3_2x256_T35_B32_fwd_bwd", false, 2, false, true),
      recurrentW3("gru_W3_2x256_T35_B32_fwd_bwd", true, 2, false, true),
      recurrentW3("bilstm_W3_1x256_T35_B32_fwd_bwd", false, 1, true, true),
  };
  return w;
}

} // namespace dlc::bench
