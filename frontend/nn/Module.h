//===- Module.h - the base of every layer and model -------------*- C++ -*-===//
//
// As in PyTorch's C++ frontend: parameters registered by name, named
// submodules, forward() traced into dl IR. Each module remembers the source
// line it was constructed on, and ops it traces carry that line and the
// module's description, so errors and IR locations name the user's code.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "frontend/Error.h"
#include "frontend/Parameter.h"
#include "frontend/Tensor.h"
#include "runtime/core/HostTensor.h"

#include <initializer_list>
#include <memory>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace dlc::nn {

class Sequential;

class Module {
public:
  explicit Module(std::string description, std::source_location where);
  virtual ~Module() = default;
  Module(Module &&) = default;
  Module &operator=(Module &&) = default;

  /// Traces forward(x) into the current Graph.
  Tensor operator()(const Tensor &x) { return forward(x); }
  /// Traces a module that takes or returns several tensors: attention
  /// (q, k, v, valid_lens) -> y, an RNN (x, state) -> (y, state).
  std::vector<Tensor> operator()(const std::vector<Tensor> &xs) { return forwardMany(xs); }

  /// A module overrides one of the two. forward(x) defaults to forwardMany({x})
  /// returning one tensor; forwardMany(xs) defaults to forward(xs[0]) for
  /// exactly one input. Mismatched use is an error naming the module.
  virtual Tensor forward(const Tensor &x);
  virtual std::vector<Tensor> forwardMany(const std::vector<Tensor> &xs);

  /// Parameters of this module and its submodules; sets their dotted names
  /// relative to this module.
  std::vector<Parameter *> parameters();
  /// (dotted name, parameter) in PyTorch's named_parameters() order: this
  /// module's in registration order, then each submodule's in turn.
  std::vector<std::pair<std::string, Parameter *>> namedParameters();
  /// (dotted name, buffer), in the same order as namedParameters().
  std::vector<std::pair<std::string, Buffer *>> namedBuffers();
  /// The parameter or buffer with this dotted name, or nullptr.
  Parameter *findParameter(const std::string &name);
  Buffer *findBuffer(const std::string &name);
  /// Draws every parameter from its Init with a generator seeded by `seed`.
  void initialize(uint64_t seed);
  int64_t numParameters();

  /// Training mode (the default) or evaluation mode, of this module and its
  /// submodules, as PyTorch's train()/eval(); layers that behave differently
  /// (Dropout) read isTraining() while tracing.
  void train(bool on = true);
  void eval() { train(false); }
  bool isTraining() const { return training_; }

  const std::string &description() const { return description_; }
  /// Non-null when this module is a Sequential (the build has no RTTI).
  virtual const Sequential *asSequential() const { return nullptr; }
  /// The construction line, labelled with the description.
  Site site() const { return Site(where_, description_); }

protected:
  Parameter &registerParameter(const std::string &name, std::vector<int64_t> shape, Init init,
                               int64_t fanIn, int64_t fanOut);
  /// Registers non-trained state saved in checkpoints (PyTorch's
  /// register_buffer); `initial` is the value, of any element type.
  Buffer &registerBuffer(const std::string &name, rt::HostTensor initial);
  /// Registers a submodule this module keeps alive.
  void registerModule(const std::string &name, std::shared_ptr<Module> m);
  /// Registers a submodule held as a member (not owned): the member must not
  /// be moved after registration.
  void registerModule(const std::string &name, Module &member);
  /// The traced tensor of one of this module's parameters.
  Tensor param(Parameter &p) const;

private:
  /// Sets dotted names below `prefix` and lists parameters and buffers.
  void collect(const std::string &prefix, std::vector<std::pair<std::string, Parameter *>> &params,
               std::vector<std::pair<std::string, Buffer *>> &buffers);
  /// Throws unless `name` is a valid, unused local name in this module.
  void checkNewName(const std::string &name, const char *what) const;
  std::string description_;
  std::source_location where_;
  bool inDefaultForward_ = false; ///< breaks forward ↔ forwardMany recursion
  bool training_ = true;
  std::vector<std::unique_ptr<Parameter>> params_;
  std::vector<std::unique_ptr<Buffer>> buffers_;
  std::vector<std::pair<std::string, std::shared_ptr<Module>>> children_;
};

/// A type-erased owning handle, so layers can be listed by value:
/// `Sequential{Linear(4, 3), Sigmoid()}`.
class AnyModule {
public:
  template <typename M, typename = std::enable_if_t<std::is_base_of_v<Module, M>>>
  AnyModule(M &&m) : ptr_(std::make_shared<std::decay_t<M>>(std::forward<M>(m))) {}
  AnyModule(std::shared_ptr<Module> m) : ptr_(std::move(m)) {}
  std::shared_ptr<Module> get() const { return ptr_; }

private:
  std::shared_ptr<Module> ptr_;
};

} // namespace dlc::nn
