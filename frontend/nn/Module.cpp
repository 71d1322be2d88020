//===- Module.cpp - the base of every layer and model ---------------------===//
#include "frontend/nn/Module.h"

#include "frontend/Graph.h"

#include <cmath>

namespace dlc::nn {

Module::Module(std::string description, std::source_location where)
    : description_(std::move(description)), where_(where) {}

void Module::checkNewName(const std::string &name, const char *what) const {
  // As PyTorch's register_parameter/register_buffer/add_module: the name is
  // one component of a dotted state_dict key and must be unique.
  if (name.empty()) site().fail(what, "the name is empty");
  if (name.find('.') != std::string::npos)
    site().fail(what, "name '" + name + "' contains '.' (names are joined with '.' into " +
                          "state_dict keys)");
  for (const auto &p : params_)
    if (p->localName == name) site().fail(what, "'" + name + "' is already a parameter");
  for (const auto &b : buffers_)
    if (b->localName == name) site().fail(what, "'" + name + "' is already a buffer");
  for (const auto &c : children_)
    if (c.first == name) site().fail(what, "'" + name + "' is already a submodule");
}

Parameter &Module::registerParameter(const std::string &name, std::vector<int64_t> shape,
                                     Init init, int64_t fanIn, int64_t fanOut) {
  checkNewName(name, "registerParameter");
  auto p = std::make_unique<Parameter>();
  p->localName = p->name = name;
  p->value = rt::HostTensor(std::move(shape));
  p->init = init;
  p->fanIn = fanIn;
  p->fanOut = fanOut;
  p->site = site();
  params_.push_back(std::move(p));
  return *params_.back();
}

Buffer &Module::registerBuffer(const std::string &name, rt::HostTensor initial) {
  checkNewName(name, "registerBuffer");
  if (initial.empty()) site().fail("registerBuffer", "buffer '" + name + "' has no storage");
  auto b = std::make_unique<Buffer>();
  b->localName = b->name = name;
  b->value = std::move(initial);
  b->site = site();
  buffers_.push_back(std::move(b));
  return *buffers_.back();
}

void Module::registerModule(const std::string &name, std::shared_ptr<Module> m) {
  if (!m) throw Error("[dlc::nn::Module] submodule '" + name + "' is null");
  checkNewName(name, "registerModule");
  children_.emplace_back(name, std::move(m));
}

void Module::train(bool on) {
  training_ = on;
  for (auto &[name, child] : children_) child->train(on);
}

void Module::registerModule(const std::string &name, Module &member) {
  // Aliasing constructor: a shared_ptr that points at the member, owns nothing.
  registerModule(name, std::shared_ptr<Module>(std::shared_ptr<Module>(), &member));
}

Tensor Module::param(Parameter &p) const { return Graph::current().parameter(p); }

void Module::collect(const std::string &prefix,
                     std::vector<std::pair<std::string, Parameter *>> &params,
                     std::vector<std::pair<std::string, Buffer *>> &buffers) {
  // Pre-order, as PyTorch's named_parameters()/named_buffers().
  for (auto &p : params_) {
    p->name = prefix + p->localName;
    params.emplace_back(p->name, p.get());
  }
  for (auto &b : buffers_) {
    b->name = prefix + b->localName;
    buffers.emplace_back(b->name, b.get());
  }
  for (auto &[name, child] : children_) child->collect(prefix + name + ".", params, buffers);
}

std::vector<Parameter *> Module::parameters() {
  std::vector<Parameter *> out;
  for (auto &[name, p] : namedParameters()) out.push_back(p);
  return out;
}

std::vector<std::pair<std::string, Parameter *>> Module::namedParameters() {
  std::vector<std::pair<std::string, Parameter *>> params;
  std::vector<std::pair<std::string, Buffer *>> buffers;
  collect("", params, buffers);
  return params;
}

std::vector<std::pair<std::string, Buffer *>> Module::namedBuffers() {
  std::vector<std::pair<std::string, Parameter *>> params;
  std::vector<std::pair<std::string, Buffer *>> buffers;
  collect("", params, buffers);
  return buffers;
}

Parameter *Module::findParameter(const std::string &name) {
  for (auto &[n, p] : namedParameters())
    if (n == name) return p;
  return nullptr;
}

Buffer *Module::findBuffer(const std::string &name) {
  for (auto &[n, b] : namedBuffers())
    if (n == name) return b;
  return nullptr;
}

int64_t Module::numParameters() {
  int64_t n = 0;
  for (Parameter *p : parameters()) n += p->value.numel();
  return n;
}

void Module::initialize(uint64_t seed) {
  std::mt19937_64 rng(seed);
  for (Parameter *p : parameters()) {
    float *v = p->value.f32();
    int64_t n = p->value.numel();
    float bound = 0.0f;
    switch (p->init) {
    case Init::Zeros: bound = 0.0f; break;
    // Glorot & Bengio: U(-a, a), a = sqrt(6 / (fan_in + fan_out)).
    case Init::XavierUniform: bound = std::sqrt(6.0f / float(p->fanIn + p->fanOut)); break;
    // He (PyTorch's default for Linear/Conv weights, a = sqrt(5)): 1/sqrt(fan_in).
    case Init::KaimingUniform: bound = 1.0f / std::sqrt(float(p->fanIn)); break;
    }
    std::uniform_real_distribution<float> dist(-bound, bound);
    for (int64_t i = 0; i < n; ++i) v[i] = bound == 0.0f ? 0.0f : dist(rng);
  }
}

Tensor Module::forward(const Tensor &x) {
  if (inDefaultForward_)
    site().fail(description_, "the module defines neither forward(x) nor forwardMany(xs)");
  inDefaultForward_ = true;
  std::vector<Tensor> ys;
  try {
    ys = forwardMany({x});
  } catch (...) {
    inDefaultForward_ = false;
    throw;
  }
  inDefaultForward_ = false;
  if (ys.size() != 1)
    site().fail(description_, "returns " + std::to_string(ys.size()) +
                                  " tensors; call it with a list: module({x, ...})");
  return ys[0];
}

std::vector<Tensor> Module::forwardMany(const std::vector<Tensor> &xs) {
  if (inDefaultForward_)
    site().fail(description_, "the module defines neither forward(x) nor forwardMany(xs)");
  if (xs.size() != 1)
    site().fail(description_, "takes one tensor, got " + std::to_string(xs.size()));
  inDefaultForward_ = true;
  Tensor y;
  try {
    y = forward(xs[0]);
  } catch (...) {
    inDefaultForward_ = false;
    throw;
  }
  inDefaultForward_ = false;
  return {y};
}

} // namespace dlc::nn
