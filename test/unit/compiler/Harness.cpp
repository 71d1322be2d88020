//===- Harness.cpp - trace, compile and run small dl functions in tests ----===//
#include "Harness.h"

#include <algorithm>
#include <cmath>

namespace dlc::test {
namespace {
bool isFloat(rt::DType d) { return d == rt::DType::F32 || d == rt::DType::F64; }

/// Element k of a float tensor as double.
double get(const rt::HostTensor &t, int64_t k) {
  return t.dtype() == rt::DType::F64 ? t.data<double>()[k] : t.f32()[k];
}
void set(rt::HostTensor &t, int64_t k, double v) {
  if (t.dtype() == rt::DType::F64) t.data<double>()[k] = v;
  else t.f32()[k] = static_cast<float>(v);
}
} // namespace

Compiled::Compiled(std::vector<InputSpec> specs,
                   std::function<Tensor(const std::vector<Tensor> &)> body, uint64_t seed)
    : specs_(std::move(specs)) {
  graph_.beginFunction();
  std::vector<Tensor> in;
  for (size_t i = 0; i < specs_.size(); ++i)
    in.push_back(graph_.input("in" + std::to_string(i), specs_[i].shape, specs_[i].dtype, {},
                              isFloat(specs_[i].dtype) ? Binding::Param : Binding::Input));
  Tensor out = body(in);
  std::mt19937 rng(seed);
  std::uniform_real_distribution<float> u(-1.0f, 1.0f);
  std::vector<float> r(static_cast<size_t>(rt::HostTensor(out.shape()).numel()));
  for (float &v : r) v = u(rng);
  std::vector<int64_t> axes;
  for (int64_t a = 0; a < out.rank(); ++a) axes.push_back(a);
  Tensor weighted = mul(out, constant(r, out.shape(), out.dtype()));
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
    if (isFloat(s.dtype)) {
      std::uniform_real_distribution<float> u(s.lo, s.hi);
      for (int64_t i = 0; i < t.numel(); ++i) set(t, i, u(rng));
    } else if (s.dtype == rt::DType::I64) {
      std::uniform_int_distribution<int64_t> u(int64_t(s.lo), int64_t(s.hi) - 1);
      for (int64_t i = 0; i < t.numel(); ++i) t.data<int64_t>()[i] = u(rng);
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

double Compiled::loss(const std::vector<rt::HostTensor> &inputs) {
  auto results = jit_->allocateResults("loss");
  jit_->call("loss", pointers(inputs), {&results[0], &results[1]});
  return get(results[0], 0);
}

std::vector<rt::HostTensor> Compiled::gradients(const std::vector<rt::HostTensor> &inputs) {
  auto results = jit_->allocateResults("loss_grad");
  std::vector<rt::HostTensor *> out;
  for (auto &r : results) out.push_back(&r);
  jit_->call("loss_grad", pointers(inputs), out);
  return {results.begin() + 2, results.end()};
}

double gradientError(Compiled &c, const std::vector<rt::HostTensor> &inputs, double eps,
                     double atol, double rtol, int samples) {
  return gradientError(c, inputs, c.gradients(inputs), eps, atol, rtol, samples);
}

double gradientError(Compiled &c, const std::vector<rt::HostTensor> &inputs,
                     const std::vector<rt::HostTensor> &grads, double eps, double atol,
                     double rtol, int samples) {
  std::vector<rt::HostTensor> probe;
  for (const rt::HostTensor &t : inputs) probe.push_back(t.clone());
  double worst = 0;
  size_t g = 0;
  std::mt19937 rng(7);
  for (size_t i = 0; i < inputs.size(); ++i) {
    if (!isFloat(inputs[i].dtype())) continue;
    const rt::HostTensor &grad = grads.at(g++);
    int64_t n = inputs[i].numel();
    std::vector<int64_t> idx(n);
    for (int64_t k = 0; k < n; ++k) idx[k] = k;
    std::shuffle(idx.begin(), idx.end(), rng);
    idx.resize(std::min<int64_t>(n, samples));
    for (int64_t k : idx) {
      double orig = get(probe[i], k);
      set(probe[i], k, orig + eps);
      double up = c.loss(probe);
      set(probe[i], k, orig - eps);
      double down = c.loss(probe);
      set(probe[i], k, orig);
      double fd = (up - down) / (2.0 * eps), an = get(grad, k);
      worst = std::max(worst, std::abs(fd - an) / (atol + rtol * std::abs(fd)));
    }
  }
  return worst;
}

} // namespace dlc::test
