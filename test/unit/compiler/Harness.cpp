//===- Harness.cpp - trace, compile and run small dl functions in tests ----===//
#include "Harness.h"

#include <algorithm>
#include <cmath>

namespace dlc::test {

Compiled::Compiled(std::vector<InputSpec> specs,
                   std::function<Tensor(const std::vector<Tensor> &)> body, uint64_t seed)
    : specs_(std::move(specs)) {
  graph_.beginFunction();
  std::vector<Tensor> in;
  for (size_t i = 0; i < specs_.size(); ++i)
    in.push_back(graph_.input("in" + std::to_string(i), specs_[i].shape, specs_[i].dtype, {},
                              specs_[i].dtype == rt::DType::F32 ? Binding::Param
                                                                : Binding::Input));
  Tensor out = body(in);
  std::mt19937 rng(seed);
  std::uniform_real_distribution<float> u(-1.0f, 1.0f);
  std::vector<float> r(static_cast<size_t>(rt::HostTensor(out.shape()).numel()));
  for (float &v : r) v = u(rng);
  std::vector<int64_t> axes;
  for (int64_t a = 0; a < out.rank(); ++a) axes.push_back(a);
  Tensor weighted = mul(out, constant(r, out.shape()));
  Tensor scalarLoss = out.rank() ? sum(weighted, axes) : weighted;
  graph_.finishFunction("loss", {scalarLoss, out});
  auto module = graph_.takeModule();
  PipelineOptions po;
  po.training = true;
  jit_ = cpu::JitModule::compile(*module, po);
}

std::vector<rt::HostTensor> Compiled::randomInputs(uint64_t seed) const {
  std::mt19937 rng(seed);
  std::vector<rt::HostTensor> out;
  for (const InputSpec &s : specs_) {
    rt::HostTensor t(s.shape, s.dtype);
    if (s.dtype == rt::DType::F32) {
      std::uniform_real_distribution<float> u(s.lo, s.hi);
      for (int64_t i = 0; i < t.numel(); ++i) t.f32()[i] = u(rng);
    } else {
      std::uniform_int_distribution<int32_t> u(int32_t(s.lo), int32_t(s.hi) - 1);
      for (int64_t i = 0; i < t.numel(); ++i) t.i32()[i] = u(rng);
    }
    out.push_back(std::move(t));
  }
  return out;
}

std::vector<const rt::HostTensor *> Compiled::pointers(const std::vector<rt::HostTensor> &in) const {
  std::vector<const rt::HostTensor *> p;
  for (const rt::HostTensor &t : in) p.push_back(&t);
  return p;
}

rt::HostTensor Compiled::output(const std::vector<rt::HostTensor> &inputs) {
  auto results = jit_->allocateResults("loss");
  jit_->call("loss", pointers(inputs), {&results[0], &results[1]});
  return results[1];
}

float Compiled::loss(const std::vector<rt::HostTensor> &inputs) {
  auto results = jit_->allocateResults("loss");
  jit_->call("loss", pointers(inputs), {&results[0], &results[1]});
  return results[0].f32()[0];
}

std::vector<rt::HostTensor> Compiled::gradients(const std::vector<rt::HostTensor> &inputs) {
  auto results = jit_->allocateResults("loss_grad");
  std::vector<rt::HostTensor *> out;
  for (auto &r : results) out.push_back(&r);
  jit_->call("loss_grad", pointers(inputs), out);
  return {results.begin() + 2, results.end()};
}

double gradientError(Compiled &c, const std::vector<rt::HostTensor> &inputs, float eps,
                     double atol, double rtol, int samples) {
  return gradientError(c, inputs, c.gradients(inputs), eps, atol, rtol, samples);
}

double gradientError(Compiled &c, const std::vector<rt::HostTensor> &inputs,
                     const std::vector<rt::HostTensor> &grads, float eps, double atol,
                     double rtol, int samples) {
  std::vector<rt::HostTensor> probe;
  for (const rt::HostTensor &t : inputs) probe.push_back(t.clone());
  double worst = 0;
  size_t g = 0;
  std::mt19937 rng(7);
  for (size_t i = 0; i < inputs.size(); ++i) {
    if (inputs[i].dtype() != rt::DType::F32) continue;
    const rt::HostTensor &grad = grads.at(g++);
    int64_t n = inputs[i].numel();
    std::vector<int64_t> idx(n);
    for (int64_t k = 0; k < n; ++k) idx[k] = k;
    std::shuffle(idx.begin(), idx.end(), rng);
    idx.resize(std::min<int64_t>(n, samples));
    for (int64_t k : idx) {
      float orig = probe[i].f32()[k];
      probe[i].f32()[k] = orig + eps;
      double up = c.loss(probe);
      probe[i].f32()[k] = orig - eps;
      double down = c.loss(probe);
      probe[i].f32()[k] = orig;
      double fd = (up - down) / (2.0 * eps), an = grad.f32()[k];
      worst = std::max(worst, std::abs(fd - an) / (atol + rtol * std::abs(fd)));
    }
  }
  return worst;
}

} // namespace dlc::test
