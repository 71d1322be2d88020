//===- Module.cpp - the base of every layer and model ---------------------===//
#include "frontend/nn/Module.h"

#include "frontend/Graph.h"
#include "frontend/nn/Init.h"

#include <cmath>

namespace dlc::nn {

Module::Module(std::string description, std::source_location where)
    : description_(std::move(description)), where_(where) {}

Parameter &Module::registerParameter(const std::string &name, std::vector<int64_t> shape,
                                     Init init, int64_t fanIn, int64_t fanOut) {
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

void Module::registerModule(const std::string &name, std::shared_ptr<Module> m) {
  if (!m) throw Error("[dlc::nn::Module] submodule '" + name + "' is null");
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

void Module::collect(const std::string &prefix, std::vector<Parameter *> &out) {
  for (auto &p : params_) {
    p->name = prefix + p->localName;
    out.push_back(p.get());
  }
  for (auto &[name, child] : children_) child->collect(prefix + name + ".", out);
}

std::vector<Parameter *> Module::parameters() {
  std::vector<Parameter *> out;
  collect("", out);
  return out;
}

int64_t Module::numParameters() {
  int64_t n = 0;
  for (Parameter *p : parameters()) n += p->value.numel();
  return n;
}

void Module::initialize(uint64_t seed) {
  Generator rng(seed);
  for (Parameter *p : parameters()) init::initializeParameter(*p, rng);
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
